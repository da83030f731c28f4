/**
 * "Away" kept by staff themselves and by the team leader (issue "staff profiles"): a staff
 * member sets herself away with a stand-in; her family sees it on the contact card, the stand-in
 * gains access a week before. The database refuses overlapping days and a stand-in from another
 * team, and those come back as message keys. A caseworker cannot touch a colleague's absences;
 * the team leader can, and that is audited.
 */
import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { familyActor, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { familyGrant, ownFamily, staffGrant } from '../../src/lib/server/access';
import { getFamilyOverview } from '../../src/lib/server/families';
import { addAbsence, endAbsence, listAbsences } from '../../src/lib/server/absences';
import { absences, auditLog } from '../../src/lib/server/db/schema';
import { absenceSchema } from '../../src/lib/schemas/absences';
import { fieldErrors } from '../../src/lib/schemas/forms';
import { addDays, localDay } from '../../src/lib/time/zone';

describeEachBackend('absences', (ctx) => {
	const today = localDay(new Date());

	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const leaderRow = await makeStaff(db, team.id, { role: 'team_leader', name: 'Lone Leder' });
		const kim = await makeStaff(db, team.id, { name: 'Kim Kontakt' });
		const ida = await makeStaff(db, team.id, { name: 'Ida Involveret' });
		const { family, members } = await makeFamily(db, team.id, kim.id, [{ name: 'Pia', role: 'parent', birthYear: 1985 }]);
		const leader = staffActor(leaderRow, (await makeUser(db, { staffId: leaderRow.id })).id);
		const contact = staffActor(kim, (await makeUser(db, { staffId: kim.id })).id);
		const colleague = staffActor(ida, (await makeUser(db, { staffId: ida.id })).id);
		const parent = familyActor(members[0], (await makeUser(db, { familyMemberId: members[0].id })).id);
		return { db, team, leaderRow, kim, ida, family, leader, contact, colleague, parent };
	}

	it('a staff member sets herself away; her family sees it with the stand-in, who gains access a week before', async () => {
		const w = await world();
		const own = (await staffGrant(w.db, w.contact, w.kim.id))!;
		// Before: Ida, not involved, may not see the family.
		expect(await familyGrant(w.db, w.colleague, w.family.id, 'family.view')).toBeNull();
		// Coming in five days: within the week before, Ida stands in already; the family does not see "away" yet.
		const soon = { startsOn: addDays(today, 5), endsOn: addDays(today, 8), kind: 'holiday' as const, standIn: w.ida.id };
		expect(await addAbsence(w.db, own, soon)).toEqual({ ok: true });
		expect((await familyGrant(w.db, w.colleague, w.family.id, 'family.view'))?.relation).toBe('stand_in');
		expect((await getFamilyOverview(w.db, ownFamily(w.parent)!))!.contactPerson).toMatchObject({ away: false });
		// Removing a coming absence takes the access back.
		const [coming] = await listAbsences(w.db, own);
		expect(coming).toMatchObject({ startsOn: soon.startsOn, standInName: 'Ida Involveret', running: false });
		expect(await endAbsence(w.db, own, coming.id)).toBe(true);
		expect(await listAbsences(w.db, own)).toEqual([]);
		expect(await familyGrant(w.db, w.colleague, w.family.id, 'family.view')).toBeNull();
		// Away from today for three days: the family sees it, and who stands in.
		expect(await addAbsence(w.db, own, { ...soon, startsOn: today, endsOn: addDays(today, 2), kind: 'course' })).toEqual({ ok: true });
		const seen = (await getFamilyOverview(w.db, ownFamily(w.parent)!))!;
		expect(seen.contactPerson).toMatchObject({ name: 'Kim Kontakt', away: true, awayUntil: addDays(today, 2) });
		expect(seen.standIn?.name).toBe('Ida Involveret');
		// Nobody else's absence was audited: her own change is hers.
		expect(await w.db.select().from(auditLog).where(eq(auditLog.actorStaffId, w.kim.id))).toEqual([]);
	});

	it('ending a running absence keeps the days so far: she is back today', async () => {
		const w = await world();
		const own = (await staffGrant(w.db, w.contact, w.kim.id))!;
		await w.db
			.insert(absences)
			.values({ staffId: w.kim.id, teamId: w.team.id, startsOn: addDays(today, -3), endsOn: addDays(today, 3), kind: 'sick' });
		const [running] = await listAbsences(w.db, own);
		expect(running).toMatchObject({ running: true, standInName: null });
		expect(await endAbsence(w.db, own, running.id)).toBe(true);
		const [row] = await w.db.select().from(absences).where(eq(absences.id, running.id));
		expect(row.endsOn).toBe(addDays(today, -1));
		expect((await getFamilyOverview(w.db, ownFamily(w.parent)!))!.contactPerson).toMatchObject({ away: false });
		// Over now: not listed, and cannot be ended again.
		expect(await listAbsences(w.db, own)).toEqual([]);
		expect(await endAbsence(w.db, own, running.id)).toBe(false);
	});

	it('refuses overlapping days and a stand-in from another team, with message keys; the form refuses until before from', async () => {
		const w = await world();
		const own = (await staffGrant(w.db, w.contact, w.kim.id))!;
		const first = { startsOn: today, endsOn: addDays(today, 4), kind: 'holiday' as const, standIn: null };
		expect(await addAbsence(w.db, own, first)).toEqual({ ok: true });
		expect(await addAbsence(w.db, own, { ...first, startsOn: addDays(today, 4), endsOn: addDays(today, 6) })).toEqual({
			ok: false,
			field: 'startsOn',
			error: 'validation.absenceOverlap'
		});
		const stranger = await makeStaff(w.db, (await makeTeam(w.db)).id);
		const later = { ...first, startsOn: addDays(today, 10), endsOn: addDays(today, 11) };
		expect(await addAbsence(w.db, own, { ...later, standIn: stranger.id })).toEqual({
			ok: false,
			field: 'standIn',
			error: 'validation.standInTeam'
		});
		expect(await addAbsence(w.db, own, { ...later, standIn: w.kim.id })).toEqual({
			ok: false,
			field: 'standIn',
			error: 'validation.standInTeam'
		});
		expect(await listAbsences(w.db, own)).toHaveLength(1);
		// At the edge: until before from, and wholly in the past.
		const parse = (v: Record<string, string>) => absenceSchema().safeParse(v);
		const before = parse({ startsOn: addDays(today, 3), endsOn: addDays(today, 2), kind: 'holiday', standIn: '' });
		expect(before.success ? {} : fieldErrors(before.error)).toEqual({ endsOn: 'validation.absenceUntilBeforeFrom' });
		const past = parse({ startsOn: addDays(today, -3), endsOn: addDays(today, -1), kind: 'holiday', standIn: '' });
		expect(past.success ? {} : fieldErrors(past.error)).toEqual({ endsOn: 'validation.expiryPast' });
		const fine = parse({ startsOn: addDays(today, -1), endsOn: today, kind: 'sick', standIn: '' });
		expect(fine.success && fine.data.standIn).toBeNull();
	});

	it('an absence lasts at most a year: the form says so, and the database refuses a longer one with the same message', async () => {
		const w = await world();
		const own = (await staffGrant(w.db, w.contact, w.kim.id))!;
		const parse = (v: Record<string, string>) => absenceSchema().safeParse(v);
		// 366 days, first and last included, is the longest: a year, leap or not.
		const year = parse({ startsOn: today, endsOn: addDays(today, 365), kind: 'leave', standIn: '' });
		expect(year.success).toBe(true);
		// A mistyped year: 2062 for 2026.
		const typo = parse({ startsOn: today, endsOn: addDays(today, 366), kind: 'leave', standIn: '' });
		expect(typo.success ? {} : fieldErrors(typo.error)).toEqual({ endsOn: 'validation.absenceTooLong' });
		// Past the schema (another caller), the database's absences_length holds, and says the same.
		const long = { startsOn: today, endsOn: addDays(today, 366), kind: 'leave' as const, standIn: null };
		expect(await addAbsence(w.db, own, long)).toEqual({ ok: false, field: 'endsOn', error: 'validation.absenceTooLong' });
		expect(await listAbsences(w.db, own)).toHaveLength(0);
		expect(await addAbsence(w.db, own, { ...long, endsOn: addDays(today, 365) })).toEqual({ ok: true });
	});

	it("a caseworker cannot touch a colleague's absences; the team leader can, and it is audited", async () => {
		const w = await world();
		expect(await staffGrant(w.db, w.colleague, w.kim.id)).toBeNull();
		const otherTeamLeader = await makeStaff(w.db, (await makeTeam(w.db)).id, { role: 'team_leader' });
		const stranger = staffActor(otherTeamLeader, (await makeUser(w.db, { staffId: otherTeamLeader.id })).id);
		expect(await staffGrant(w.db, stranger, w.kim.id)).toBeNull();
		const byLeader = (await staffGrant(w.db, w.leader, w.kim.id))!;
		const input = { startsOn: today, endsOn: addDays(today, 1), kind: 'sick' as const, standIn: w.ida.id };
		expect(await addAbsence(w.db, byLeader, input)).toEqual({ ok: true });
		const [made] = await listAbsences(w.db, byLeader);
		// Ida's own grant cannot end Kim's absence, even with its id.
		expect(await endAbsence(w.db, (await staffGrant(w.db, w.colleague, w.ida.id))!, made.id)).toBe(false);
		expect(await listAbsences(w.db, byLeader)).toHaveLength(1);
		expect(await endAbsence(w.db, byLeader, made.id)).toBe(true);
		const audited = await w.db
			.select({ detail: auditLog.detail })
			.from(auditLog)
			.where(and(eq(auditLog.actorStaffId, w.leaderRow.id), eq(auditLog.action, 'staff.manage')));
		expect(audited.map((a) => a.detail).sort()).toEqual([`absence added ${w.kim.id}`, `absence ended ${w.kim.id}`]);
	});
});
