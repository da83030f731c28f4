/**
 * The team leader enrols a family (issue 15 "enrolment and team"): members, a contact person and
 * colleagues involved, in one transaction with the history's first row and an audit line; nobody
 * else may, and the database refuses a colleague of another team. On the manage page the leader
 * adds a colleague to the involved staff or takes one off, which the family's team list shows at once.
 */
import { expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { familyActor, grantFor, involve, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { ownFamily, teamGrant, type TeamGrant } from '../../src/lib/server/access';
import { getFamilyOverview } from '../../src/lib/server/families';
import { enrolFamily, enrolPage } from '../../src/lib/server/family-enrol';
import { addInvolved, manageView, removeInvolved } from '../../src/lib/server/family-manage';
import { auditLog, families, familyMembers, familyStaff } from '../../src/lib/server/db/schema';
import { addInvolvedForm, enrolForm, type EnrolInput } from '../../src/lib/schemas/family-enrol';
import { fieldErrors } from '../../src/lib/schemas/forms';
import { copenhagenDate } from '../../src/lib/i18n/format';

describeEachBackend('family enrol', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const leaderRow = await makeStaff(db, team.id, { role: 'team_leader', name: 'Lone Leder' });
		const kim = await makeStaff(db, team.id, { name: 'Kim Kontakt' });
		const ida = await makeStaff(db, team.id, { name: 'Ida Involveret' });
		const leader = staffActor(leaderRow, (await makeUser(db, { staffId: leaderRow.id })).id);
		const caseworker = staffActor(kim, (await makeUser(db, { staffId: kim.id })).id);
		return { db, team, leaderRow, kim, ida, leader, caseworker };
	}
	type World = Awaited<ReturnType<typeof world>>;

	const input = (w: World, over: Partial<EnrolInput> = {}): EnrolInput => ({
		name: 'Osman',
		area: 'Gellerup',
		enrolledOn: copenhagenDate(),
		contactPersonId: w.kim.id,
		members: [
			{ name: 'Fadumo Osman', role: 'parent', birthYear: 1989, preferredLanguage: 'so' },
			{ name: 'Ahmed Osman', role: 'parent', birthYear: null, preferredLanguage: 'ar' },
			{ name: 'Nasra Osman', role: 'child', birthYear: 2013, preferredLanguage: 'da' }
		],
		involved: [{ staffId: w.ida.id, topics: ['school', 'leisure'], helpsWith: 'Nasras fritidsjob' }],
		...over
	});

	it('the team leader enrols a family with its members, contact person and a colleague; history and audit say so', async () => {
		const w = await world();
		const grant = teamGrant(w.leader, 'edit')!;
		const page = (await enrolPage(w.db, grant))!;
		expect(page.area).toBe('Gellerup');
		expect(page.colleagues.map((c) => c.name)).toEqual(['Ida Involveret', 'Kim Kontakt', 'Lone Leder']);

		const result = await enrolFamily(w.db, grant, input(w));
		if (!result.ok) throw new Error(result.reason);
		const [family] = await w.db.select().from(families).where(eq(families.id, result.familyId));
		expect(family).toMatchObject({ name: 'Osman', teamId: w.team.id, contactPersonId: w.kim.id, status: 'active' });
		const members = await w.db.select().from(familyMembers).where(eq(familyMembers.familyId, family.id)).orderBy(asc(familyMembers.name));
		expect(members.map((m) => [m.name, m.role, m.birthYear, m.preferredLanguage])).toEqual([
			['Ahmed Osman', 'parent', null, 'ar'],
			['Fadumo Osman', 'parent', 1989, 'so'],
			['Nasra Osman', 'child', 2013, 'da']
		]);

		// The leader sees it on the manage page: Ida with what she helps with, and the enrolment first in the history.
		const manage = (await manageView(w.db, await grantFor(w.db, w.leader, family.id, 'family.manage')))!;
		expect(manage.involved).toEqual([
			{ id: w.ida.id, name: 'Ida Involveret', topics: ['school', 'leisure'], helpsWith: 'Nasras fritidsjob' }
		]);
		expect(manage.history).toMatchObject([{ kind: 'enrolled', to: 'Kim Kontakt', by: 'Lone Leder' }]);
		const audited = await w.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.familyId, family.id), eq(auditLog.action, 'family.enrol')));
		expect(audited).toMatchObject([{ actorStaffId: w.leaderRow.id, actorName: 'Lone Leder' }]);

		// The family, once signed in, sees Kim as its contact person and Ida on its team.
		const parent = familyActor(members[1], (await makeUser(w.db, { familyMemberId: members[1].id })).id);
		const seen = (await getFamilyOverview(w.db, ownFamily(parent)!))!;
		expect(seen.contactPerson.name).toBe('Kim Kontakt');
		expect(seen.team.map((p) => [p.name, p.topics])).toEqual([['Ida Involveret', ['school', 'leisure']]]);
	});

	it('nobody but the team leader of the team: not a caseworker, not a family member; another team’s leader enrols in her own team only', async () => {
		const w = await world();
		expect(teamGrant(w.caseworker, 'edit')).toBeNull();
		// A grant made for reading (everyone on the team has one) enrols nothing.
		const viewing = teamGrant(w.caseworker, 'view')!;
		expect(await enrolPage(w.db, viewing)).toBeNull();
		expect(await enrolFamily(w.db, viewing, input(w))).toEqual({ ok: false, reason: 'notAllowed' });
		const { members } = await makeFamily(w.db, w.team.id, w.kim.id);
		const parent = familyActor(members[0], (await makeUser(w.db, { familyMemberId: members[0].id })).id);
		expect(teamGrant(parent, 'edit')).toBeNull();

		// Another team's leader: the family would land in her team, where Kim and Ida are not (the database says no).
		const otherTeam = await makeTeam(w.db);
		const otherRow = await makeStaff(w.db, otherTeam.id, { role: 'team_leader' });
		const other = teamGrant(staffActor(otherRow, (await makeUser(w.db, { staffId: otherRow.id })).id), 'edit')!;
		expect(await enrolFamily(w.db, other, input(w, { name: 'Fremmed' }))).toEqual({ ok: false, reason: 'notOnTeam' });
		expect(await w.db.select().from(families).where(eq(families.name, 'Fremmed'))).toEqual([]);
	});

	it('refuses a colleague of another team as contact person or involved, and leaves nothing half-made', async () => {
		const w = await world();
		const grant = teamGrant(w.leader, 'edit') as TeamGrant;
		const stranger = await makeStaff(w.db, (await makeTeam(w.db)).id, { name: 'Sara Fremmed' });
		expect(await enrolFamily(w.db, grant, input(w, { name: 'Ingen1', contactPersonId: stranger.id }))).toEqual({
			ok: false,
			reason: 'notOnTeam'
		});
		expect(
			await enrolFamily(w.db, grant, input(w, { name: 'Ingen2', involved: [{ staffId: stranger.id, topics: [], helpsWith: '' }] }))
		).toEqual({ ok: false, reason: 'notOnTeam' });
		const made = await w.db.select().from(families).where(eq(families.teamId, w.team.id));
		expect(made).toEqual([]);
		// And the database alone: a family_staff row across teams (family_staff_staff_team_fk).
		const { family } = await makeFamily(w.db, w.team.id, w.kim.id);
		await expect(
			w.db.insert(familyStaff).values({ familyId: family.id, teamId: w.team.id, staffId: stranger.id, topics: [], helpsWith: '' })
		).rejects.toMatchObject({ cause: { code: '23503' } });
	});

	it('adds a colleague to the family and takes one off; the family’s team list changes at once, the history says who', async () => {
		const w = await world();
		const { family, members } = await makeFamily(w.db, w.team.id, w.kim.id, [{ name: 'Pia', role: 'parent', birthYear: 1985 }]);
		const jonas = await makeStaff(w.db, w.team.id, { name: 'Jonas Holm' });
		await involve(w.db, family.id, w.ida.id);
		const grant = await grantFor(w.db, w.leader, family.id, 'family.manage');
		const parent = familyActor(members[0], (await makeUser(w.db, { familyMemberId: members[0].id })).id);
		const teamSeen = async () => (await getFamilyOverview(w.db, ownFamily(parent)!))!.team.map((p) => p.name);

		expect(await addInvolved(w.db, grant, { staffId: w.kim.id, topics: [], helpsWith: '' })).toEqual({ ok: false, reason: 'isContact' });
		expect(await addInvolved(w.db, grant, { staffId: w.ida.id, topics: [], helpsWith: '' })).toEqual({ ok: false, reason: 'already' });
		const stranger = await makeStaff(w.db, (await makeTeam(w.db)).id);
		expect(await addInvolved(w.db, grant, { staffId: stranger.id, topics: [], helpsWith: '' })).toEqual({
			ok: false,
			reason: 'notOnTeam'
		});
		expect(await addInvolved(w.db, grant, { staffId: jonas.id, topics: ['work'], helpsWith: 'Pias praktik' })).toEqual({ ok: true });
		expect(await teamSeen()).toEqual(['Ida Involveret', 'Jonas Holm']);

		expect(await removeInvolved(w.db, grant, { staffId: w.ida.id })).toEqual({ ok: true });
		expect(await teamSeen()).toEqual(['Jonas Holm']);
		// Someone not (or no longer) involved: nothing to take off.
		expect(await removeInvolved(w.db, grant, { staffId: w.ida.id })).toEqual({ ok: false, reason: 'notInvolved' });
		expect(await removeInvolved(w.db, grant, { staffId: stranger.id })).toEqual({ ok: false, reason: 'notInvolved' });

		const view = (await manageView(w.db, grant))!;
		expect(view.involved).toEqual([{ id: jonas.id, name: 'Jonas Holm', topics: ['work'], helpsWith: 'Pias praktik' }]);
		expect(view.history.map((h) => [h.kind, h.from, h.to, h.by]).sort()).toEqual([
			['staff_added', null, 'Jonas Holm', 'Lone Leder'],
			['staff_removed', 'Ida Involveret', null, 'Lone Leder']
		]);

		// Only the leader: the contact person's grant for viewing changes nothing.
		const viewing = await grantFor(w.db, w.caseworker, family.id, 'family.view');
		expect(await addInvolved(w.db, viewing, { staffId: w.ida.id, topics: [], helpsWith: '' })).toEqual({
			ok: false,
			reason: 'notAllowed'
		});
		expect(await removeInvolved(w.db, viewing, { staffId: jonas.id })).toEqual({ ok: false, reason: 'notAllowed' });
		expect(await teamSeen()).toEqual(['Jonas Holm']);
	});
});

it('reads the enrolment form as a browser sends it: blank rows are no rows, each problem on its own field', () => {
	const kim = '11111111-1111-4111-8111-111111111111';
	const ida = '22222222-2222-4222-8222-222222222222';
	const parse = (form: Record<string, string>) => {
		const r = enrolForm.safeParse(form);
		return r.success ? r.data : fieldErrors(r.error);
	};
	expect(parse({ name: '', area: ' ', enrolledOn: '2099-01-01', contact: '', m0_language: 'da', s0_staff: '' })).toEqual({
		name: 'validation.nameRequired',
		area: 'validation.areaRequired',
		enrolledOn: 'validation.dateFuture',
		contact: 'validation.colleagueRequired',
		members: 'validation.adultRequired'
	});
	expect(
		parse({
			name: 'Osman',
			area: 'Gellerup',
			enrolledOn: '2026-01-05',
			contact: kim,
			m0_name: 'Fadumo',
			m0_role: 'parent',
			m1_name: 'Nasra',
			m1_role: 'child',
			m2_born: '1890',
			m3_name: 'Ali',
			m3_role: 'child',
			m3_born: '2015',
			m3_language: 'xx',
			s0_staff: kim,
			s1_helps: 'x',
			s2_staff: ida,
			s2_helps: 'x'.repeat(301)
		})
	).toEqual({
		m1_born: 'validation.birthYearChild',
		m2_name: 'validation.nameRequired',
		m2_role: 'validation.roleChoose',
		m2_born: 'validation.birthYearInvalid',
		m3_language: 'validation.invalid',
		s0_staff: 'validation.involvedIsContact',
		s1_staff: 'validation.colleagueRequired',
		s2_helps: 'validation.helpsWithTooLong'
	});
	expect(
		parse({
			name: ' Osman ',
			area: 'Gellerup',
			enrolledOn: ' 2026-01-05 ',
			contact: kim,
			memberRows: '9',
			m8_name: ' Fadumo  Osman ',
			m8_role: 'other_adult',
			m8_language: 'so',
			staffRows: '3',
			s2_staff: ida,
			s2_topic_work: 'on',
			s2_topic_bogus: 'on',
			s2_helps: ' Job '
		})
	).toEqual({
		name: 'Osman',
		area: 'Gellerup',
		enrolledOn: '2026-01-05',
		contactPersonId: kim,
		members: [{ name: 'Fadumo Osman', role: 'other_adult', birthYear: null, preferredLanguage: 'so' }],
		involved: [{ staffId: ida, topics: ['work'], helpsWith: 'Job' }]
	});
	// The same colleague twice is said on the second row.
	const twice = enrolForm.safeParse({
		name: 'A',
		area: 'B',
		enrolledOn: '2026-01-05',
		contact: kim,
		m0_name: 'P',
		m0_role: 'parent',
		s0_staff: ida,
		s1_staff: ida
	});
	expect(twice.success ? null : fieldErrors(twice.error)).toEqual({ s1_staff: 'validation.involvedTwice' });
	const add = addInvolvedForm.safeParse({ staff: '', helps: 'x'.repeat(301) });
	expect(add.success ? null : fieldErrors(add.error)).toEqual({
		staff: 'validation.colleagueRequired',
		helps: 'validation.helpsWithTooLong'
	});
});
