/**
 * The team leader keeps a family's time with the team (issue 15 "enrolment and team"): a new
 * contact person from the team, whom the family sees at once, with the history of who was
 * before whom; ending with a day and a reason, and beginning again. Nobody else may, not even the
 * family's own contact person; the database keeps the contact person on the family's team.
 */
import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { familyActor, grantFor, involve, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { familyGrant, ownFamily } from '../../src/lib/server/access';
import { getFamilyOverview } from '../../src/lib/server/families';
import { changeContact, endParticipation, manageView, reopenParticipation } from '../../src/lib/server/family-manage';
import { auditLog, families } from '../../src/lib/server/db/schema';
import { changeContactForm, endForm } from '../../src/lib/schemas/family-manage';
import { fieldErrors } from '../../src/lib/schemas/forms';
import { copenhagenDate } from '../../src/lib/i18n/format';

describeEachBackend('family manage', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const leaderRow = await makeStaff(db, team.id, { role: 'team_leader', name: 'Lone Leder' });
		const kim = await makeStaff(db, team.id, { name: 'Kim Kontakt' });
		const ida = await makeStaff(db, team.id, { name: 'Ida Involveret' });
		const { family, members } = await makeFamily(db, team.id, kim.id, [{ name: 'Pia', role: 'parent', birthYear: 1985 }]);
		await db.update(families).set({ enrolledOn: '2025-03-03' }).where(eq(families.id, family.id));
		await involve(db, family.id, ida.id);
		const leader = staffActor(leaderRow, (await makeUser(db, { staffId: leaderRow.id })).id);
		const contact = staffActor(kim, (await makeUser(db, { staffId: kim.id })).id);
		const parent = familyActor(members[0], (await makeUser(db, { familyMemberId: members[0].id })).id);
		return { db, team, leaderRow, kim, ida, family, leader, contact, parent };
	}

	it('the team leader gives the family a new contact person; the family sees her at once, and the history who was before', async () => {
		const w = await world();
		const grant = await grantFor(w.db, w.leader, w.family.id, 'family.manage');
		expect(await changeContact(w.db, grant, { staffId: w.kim.id, note: '' })).toEqual({ ok: false, reason: 'same' });
		expect(await changeContact(w.db, grant, { staffId: w.ida.id, note: 'Kim får færre familier.' })).toEqual({ ok: true });
		const seen = (await getFamilyOverview(w.db, ownFamily(w.parent)!))!;
		expect(seen.contactPerson.name).toBe('Ida Involveret');
		// Ida is the contact person now, not also a name in the team list below.
		expect(seen.team.map((p) => p.name)).toEqual([]);
		const view = (await manageView(w.db, grant))!;
		expect(view.contactPersonId).toBe(w.ida.id);
		expect(view.colleagues.map((c) => c.name)).toEqual(['Ida Involveret', 'Kim Kontakt', 'Lone Leder']);
		expect(view.history).toMatchObject([
			{ kind: 'contact', from: 'Kim Kontakt', to: 'Ida Involveret', by: 'Lone Leder', note: 'Kim får færre familier.' }
		]);
		// Someone from another team cannot be the contact person (families_contact_in_team_fk).
		const stranger = await makeStaff(w.db, (await makeTeam(w.db)).id);
		expect(await changeContact(w.db, grant, { staffId: stranger.id, note: '' })).toEqual({ ok: false, reason: 'notOnTeam' });
		expect((await manageView(w.db, grant))!.contactPersonId).toBe(w.ida.id);
		// Every change went through the audited grant.
		const audited = await w.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.familyId, w.family.id), eq(auditLog.action, 'family.manage')));
		expect(audited.length).toBeGreaterThanOrEqual(1);
	});

	it('ends the time with the team on a day that has come, with a reason, and begins it again; the history keeps both', async () => {
		const w = await world();
		const grant = await grantFor(w.db, w.leader, w.family.id, 'family.manage');
		expect(await reopenParticipation(w.db, grant, { note: '' })).toEqual({ ok: false, reason: 'notEnded' });
		expect(await endParticipation(w.db, grant, { on: '2025-01-01', reason: 'moved', note: '' })).toEqual({
			ok: false,
			reason: 'beforeStart'
		});
		const today = copenhagenDate();
		expect(await endParticipation(w.db, grant, { on: today, reason: 'moved', note: 'Flyttet til Randers.' })).toEqual({ ok: true });
		expect(await endParticipation(w.db, grant, { on: today, reason: 'other', note: '' })).toEqual({ ok: false, reason: 'ended' });
		expect(await manageView(w.db, grant)).toMatchObject({ status: 'ended', endedOn: today, endedReason: 'moved' });
		expect(await reopenParticipation(w.db, grant, { note: 'Flyttet tilbage.' })).toEqual({ ok: true });
		const view = (await manageView(w.db, grant))!;
		expect(view).toMatchObject({ status: 'active', endedOn: null, endedReason: null, enrolledOn: '2025-03-03' });
		expect(view.history.map((h) => h.kind).sort()).toEqual(['ended', 'reopened']);
	});

	it('nobody but the team leader: not the contact person, not someone involved, not another team, not the family', async () => {
		const w = await world();
		expect(await familyGrant(w.db, w.contact, w.family.id, 'family.manage')).toBeNull();
		const ida = staffActor(w.ida, (await makeUser(w.db, { staffId: w.ida.id })).id);
		expect(await familyGrant(w.db, ida, w.family.id, 'family.manage')).toBeNull();
		const otherTeam = await makeTeam(w.db);
		const otherLeader = await makeStaff(w.db, otherTeam.id, { role: 'team_leader' });
		expect(
			await familyGrant(w.db, staffActor(otherLeader, (await makeUser(w.db, { staffId: otherLeader.id })).id), w.family.id, 'family.manage')
		).toBeNull();
		expect(ownFamily(w.parent, 'family.manage')).toBeNull();
		// A grant for another action changes nothing.
		const view = await grantFor(w.db, w.contact, w.family.id, 'family.view');
		expect(await changeContact(w.db, view, { staffId: w.ida.id, note: '' })).toEqual({ ok: false, reason: 'notAllowed' });
		expect(await endParticipation(w.db, view, { on: copenhagenDate(), reason: 'moved', note: '' })).toEqual({
			ok: false,
			reason: 'notAllowed'
		});
		expect(await manageView(w.db, view)).toBeNull();
	});
});

it('reads the team leader’s forms as a browser sends them, and says what is wrong in words', () => {
	const errors = (schema: typeof endForm | typeof changeContactForm, form: Record<string, string>) => {
		const r = schema.safeParse(form);
		return r.success ? r.data : fieldErrors(r.error);
	};
	expect(errors(changeContactForm, { staff: '', note: 'x'.repeat(301) })).toEqual({
		staff: 'validation.colleagueRequired',
		note: 'validation.noteTooLong'
	});
	expect(errors(changeContactForm, { staff: 'nobody' })).toEqual({ staff: 'validation.invalid' });
	expect(errors(endForm, { on: '2099-01-01', reason: 'bored' })).toEqual({
		on: 'validation.dateFuture',
		reason: 'validation.endReasonChoose'
	});
	expect(errors(endForm, { on: ' 2026-01-05 ', reason: 'moved', note: ' Flyttet. ' })).toEqual({
		on: '2026-01-05',
		reason: 'moved',
		note: 'Flyttet.'
	});
});
