/**
 * The team leader keeps the team's staff (issue "staff profiles"): the list with languages,
 * who is away and how many families each works with; a colleague's profile through the same
 * code as one's own, audited; a new colleague with a sign-in, an e-mail in use answered as
 * such; and the caseload target, which the database keeps within 1–200. Nobody else may: a
 * caseworker and another team's leader get no grant.
 */
import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { absence, departmentOf, involve, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { staffGrant, teamGrant } from '../../src/lib/server/access';
import { getOwnProfile, getProfile, saveOwnProfile, saveProfile } from '../../src/lib/server/staff-profile';
import { addColleague, caseloadTarget, setCaseloadTarget, teamDepartments, teamMembers } from '../../src/lib/server/staff-admin';
import { getTeamPlaces } from '../../src/lib/server/meetings/places';
import { auditLog, families, staff, teams, users } from '../../src/lib/server/db/schema';
import { sqlState } from '../../src/lib/server/db';
import { profileForm } from '../../src/lib/schemas/staff-profile';
import { caseloadTargetSchema, newColleagueSchema } from '../../src/lib/schemas/staff-admin';
import { fieldErrors } from '../../src/lib/schemas/forms';

describeEachBackend('staff admin', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const leaderRow = await makeStaff(db, team.id, { role: 'team_leader', name: 'Lone Leder' });
		const kim = await makeStaff(db, team.id, { name: 'Kim Kontakt', languages: ['da', 'so'], phone: '+45 40 40 40 40' });
		const ida = await makeStaff(db, team.id, { name: 'Ida Involveret' });
		const leader = staffActor(leaderRow, (await makeUser(db, { staffId: leaderRow.id })).id);
		const caseworker = staffActor(kim, (await makeUser(db, { staffId: kim.id })).id);
		return { db, team, leaderRow, kim, ida, leader, caseworker };
	}

	const profile = (over: Record<string, string> = {}) =>
		profileForm.parse({ phone: '+45 41 23 45 67', lang_da: 'on', lang_ar: 'on', topic_work: 'on', help_da: 'Job og skole', ...over });

	it('the team leader lists the staff with their families, who is away and who stands in', async () => {
		const w = await world();
		const { family } = await makeFamily(w.db, w.team.id, w.kim.id);
		await makeFamily(w.db, w.team.id, w.kim.id);
		const { family: ended } = await makeFamily(w.db, w.team.id, w.kim.id);
		await w.db.update(families).set({ status: 'ended', endedOn: '2030-01-01', endedReason: 'moved' }).where(eq(families.id, ended.id));
		await involve(w.db, family.id, w.ida.id);
		await absence(w.db, w.kim, -1, 3, w.ida.id);
		await absence(w.db, w.ida, 5, 6, null);
		// Someone on another team is not listed, nor counted.
		await makeStaff(w.db, (await makeTeam(w.db)).id, { name: 'Anders Andetsteds' });

		const list = await teamMembers(w.db, teamGrant(w.leader, 'edit')!);
		expect(list.map((m) => m.name)).toEqual(['Ida Involveret', 'Kim Kontakt', 'Lone Leder']);
		const kim = list.find((m) => m.id === w.kim.id)!;
		expect(kim).toMatchObject({ role: 'caseworker', department: 'employment', languages: ['da', 'so'], phone: '+45 40 40 40 40' });
		expect(kim).toMatchObject({ contactFor: 2, involvedWith: 0, standIn: 'Ida Involveret' });
		expect(kim.awayUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		// Ida's absence is still to come: she is at work today.
		expect(list.find((m) => m.id === w.ida.id)).toMatchObject({ contactFor: 0, involvedWith: 1, awayUntil: null, standIn: null });
		expect(list.find((m) => m.id === w.leaderRow.id)).toMatchObject({ role: 'team_leader', contactFor: 0, involvedWith: 0 });
		// A caseworker has no such grant: the list is the team leader's alone.
		expect(teamGrant(w.caseworker, 'edit')).toBeNull();
	});

	it("the team leader edits a colleague's profile through the one code path, audited; the own profile still works unaudited", async () => {
		const w = await world();
		const grant = (await staffGrant(w.db, w.leader, w.kim.id))!;
		expect(await saveProfile(w.db, grant, profile())).toBe(true);
		expect(await getProfile(w.db, grant)).toMatchObject({
			name: 'Kim Kontakt',
			phone: '+45 41 23 45 67',
			languages: ['da', 'ar'],
			helpTopics: ['work'],
			helpText: { da: 'Job og skole' }
		});
		// Kim reads what the leader wrote on his own profile page.
		expect((await getOwnProfile(w.db, w.caseworker))!.languages).toEqual(['da', 'ar']);
		const audited = await w.db
			.select({ detail: auditLog.detail, family: auditLog.familyId })
			.from(auditLog)
			.where(and(eq(auditLog.actorStaffId, w.leaderRow.id), eq(auditLog.action, 'staff.manage')));
		expect(audited).toEqual([{ detail: `profile ${w.kim.id}`, family: null }]);

		// Kim keeps his own profile himself, and that is not written in the audit log.
		expect(await saveOwnProfile(w.db, w.caseworker, profile({ lang_ar: '', lang_so: 'on', phone: '' }))).toBe(true);
		expect(await getOwnProfile(w.db, w.caseworker)).toMatchObject({ phone: null, languages: ['da', 'so'] });
		const own = await w.db.select().from(auditLog).where(eq(auditLog.actorStaffId, w.kim.id));
		expect(own).toEqual([]);
	});

	it('a caseworker cannot edit a colleague, nor can another team’s leader', async () => {
		const w = await world();
		expect(await staffGrant(w.db, w.caseworker, w.ida.id)).toBeNull();
		const otherTeam = await makeTeam(w.db);
		const otherLeaderRow = await makeStaff(w.db, otherTeam.id, { role: 'team_leader' });
		const otherLeader = staffActor(otherLeaderRow, (await makeUser(w.db, { staffId: otherLeaderRow.id })).id);
		expect(await staffGrant(w.db, otherLeader, w.kim.id)).toBeNull();
		// Their team list holds only their own team.
		expect((await teamMembers(w.db, teamGrant(otherLeader, 'edit')!)).map((m) => m.id)).toEqual([otherLeaderRow.id]);
		// A view grant (anyone on the team) lists and changes nothing.
		const view = teamGrant(w.caseworker, 'view')!;
		expect(await teamMembers(w.db, view)).toEqual([]);
		expect(await setCaseloadTarget(w.db, view, 10)).toBe(false);
		const [kim] = await w.db.select({ languages: staff.languages }).from(staff).where(eq(staff.id, w.ida.id));
		expect(kim.languages).toEqual(['da']);
	});

	it('the team leader adds a colleague with a sign-in; an e-mail in use is answered as such, and nothing is made', async () => {
		const w = await world();
		const grant = teamGrant(w.leader, 'edit')!;
		const social = await departmentOf(w.db, w.team.id, 'social');
		const departments = await teamDepartments(w.db, grant);
		expect(departments.map((d) => d.id)).toContain(social);
		const input = newColleagueSchema.parse({
			name: '  Hodan   Warsame ',
			email: ' Hodan@Example.org ',
			departmentId: social,
			role: 'caseworker'
		});
		expect(input).toMatchObject({ name: 'Hodan Warsame', email: 'hodan@example.org' });
		const added = await addColleague(w.db, grant, input);
		if (!added.ok) throw new Error(added.reason);
		const [row] = await w.db
			.select({ name: staff.name, teamId: staff.teamId, role: staff.role, email: users.email, hash: users.passwordHash })
			.from(staff)
			.innerJoin(users, eq(users.staffId, staff.id))
			.where(eq(staff.id, added.staffId));
		expect(row).toEqual({ name: 'Hodan Warsame', teamId: w.team.id, role: 'caseworker', email: 'hodan@example.org', hash: '!' });
		expect((await teamMembers(w.db, grant)).map((m) => m.name)).toContain('Hodan Warsame');

		const before = (await w.db.select({ id: staff.id }).from(staff).where(eq(staff.teamId, w.team.id))).length;
		expect(await addColleague(w.db, grant, { ...input, name: 'Hodan igen' })).toEqual({ ok: false, reason: 'emailTaken' });
		// A department of another municipality is refused too.
		const foreign = await departmentOf(w.db, (await makeTeam(w.db)).id);
		expect(await addColleague(w.db, grant, { ...input, email: 'ny@example.org', departmentId: foreign })).toEqual({
			ok: false,
			reason: 'department'
		});
		expect((await w.db.select({ id: staff.id }).from(staff).where(eq(staff.teamId, w.team.id))).length).toBe(before);
		expect(
			await w.db
				.select()
				.from(auditLog)
				.where(eq(auditLog.detail, `added ${added.staffId}`))
		).toHaveLength(1);

		// The form's own messages are keys, field by field.
		const bad = newColleagueSchema.safeParse({ name: ' ', email: 'hodan', departmentId: 'x', role: 'boss' });
		expect(bad.success).toBe(false);
		expect(fieldErrors(bad.error!)).toEqual({
			name: 'validation.nameRequired',
			email: 'validation.emailInvalid',
			departmentId: 'validation.departmentChoose',
			role: 'validation.staffRoleChoose'
		});
	});

	it('the caseload target: 35 to begin with, saved by the team leader, bounded by the form and by the database', async () => {
		const w = await world();
		expect(await caseloadTarget(w.db, w.team.id)).toBe(35);
		const grant = teamGrant(w.leader, 'edit')!;
		expect(await setCaseloadTarget(w.db, grant, 28)).toBe(true);
		expect(await caseloadTarget(w.db, w.team.id)).toBe(28);
		expect((await getTeamPlaces(w.db, grant))!.caseloadTarget).toBe(28);

		expect(caseloadTargetSchema.parse({ target: ' 40 ' })).toEqual({ target: 40 });
		for (const [target, key] of [
			['0', 'validation.caseloadRange'],
			['500', 'validation.caseloadRange'],
			['3.5', 'validation.numberInvalid'],
			['', 'validation.numberInvalid']
		]) {
			const parsed = caseloadTargetSchema.safeParse({ target });
			expect(parsed.success).toBe(false);
			expect(fieldErrors(parsed.error!)).toEqual({ target: key });
		}
		// The database refuses what the form would never send.
		for (const target of [0, 500]) {
			const refused = await w.db
				.update(teams)
				.set({ caseloadTarget: target })
				.where(eq(teams.id, w.team.id))
				.then(
					() => null,
					(e: unknown) => sqlState(e)
				);
			expect(refused).toBe('23514');
		}
		expect(await caseloadTarget(w.db, w.team.id)).toBe(28);
	});
});
