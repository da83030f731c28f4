import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { absence, familyActor, grantFor, helpMember, involve, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { ownFamily } from '../../src/lib/server/access';
import { getFamilyOverview } from '../../src/lib/server/families';
import { memberKind } from '../../src/lib/roles';
import { absences, families, familyMembers, staff } from '../../src/lib/server/db/schema';
import { addDays, copenhagenDate } from '../../src/lib/i18n/format';

describeEachBackend('family overview', (ctx) => {
	async function world(contactOver: Partial<typeof staff.$inferInsert> = {}) {
		const { db } = ctx();
		const team = await makeTeam(db);
		const standIn = await makeStaff(db, team.id, { name: `Sahra ${team.id.slice(0, 6)}`, department: 'social', phone: '+45 11 22 33 44' });
		const contact = await makeStaff(db, team.id, {
			languages: ['da', 'en', 'so'],
			phone: '+45 41 23 45 67',
			helpTopics: ['work'],
			helpText: { da: 'Job og uddannelse', ar: 'العمل والتعليم' },
			standInId: standIn.id,
			...contactOver
		});
		const helper = await makeStaff(db, team.id, { name: `Ali ${team.id.slice(0, 6)}`, department: 'children_youth' });
		const nurse = await makeStaff(db, team.id, { name: `Fatima ${team.id.slice(0, 6)}`, department: 'health' });
		const { family, members } = await makeFamily(db, team.id, contact.id, [
			{ name: 'Yusuf', role: 'child', birthYear: 2011 },
			{ name: 'Sara', role: 'child', birthYear: 2017 },
			{ name: 'Halima', role: 'other_adult', birthYear: 1952 },
			{ name: 'Omar', role: 'parent', birthYear: 1979 },
			{ name: 'Liban', role: 'child', birthYear: 2020 },
			{ name: 'Amina', role: 'parent', birthYear: 1984 }
		]);
		await involve(db, family.id, helper.id, 'Fritidsjob og skolen', ['school', 'leisure']);
		await involve(db, family.id, nurse.id, 'Hjemmehjælp', ['health']);
		const actor = staffActor(contact, (await makeUser(db, { staffId: contact.id })).id);
		const grant = await grantFor(db, actor, family.id);
		const byName = (name: string) => members.find((m) => m.name === name)!;
		return { db, team, contact, standIn, helper, nurse, family, members, byName, actor, grant };
	}

	it('shows the contact person with languages, phone and what they help with', async () => {
		const w = await world();
		const overview = await getFamilyOverview(w.db, w.grant);
		expect(overview).toMatchObject({ id: w.family.id, name: w.family.name, area: 'Gellerup', status: 'active' });
		expect(overview?.enrolledOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(overview?.contactPerson).toMatchObject({
			id: w.contact.id,
			name: w.contact.name,
			department: 'employment',
			languages: ['da', 'en', 'so'],
			phone: '+45 41 23 45 67',
			helpTopics: ['work'],
			helpText: { da: 'Job og uddannelse', ar: 'العمل والتعليم' },
			photoPath: null,
			away: false,
			awayUntil: null
		});
	});

	it('names no stand-in while the contact person is not away, even when one is set', async () => {
		const w = await world();
		const overview = await getFamilyOverview(w.db, w.grant);
		expect(overview?.contactPerson.away).toBe(false);
		expect(overview?.standIn).toBeNull();
	});

	it('names the stand-in of the absence that covers today, with the last day away', async () => {
		const w = await world();
		// The absence names someone other than the usual stand-in: the absence wins.
		const cover = await makeStaff(w.db, w.team.id, {
			name: `Sahra ${w.team.id.slice(0, 6)}`,
			department: 'social',
			phone: '+45 11 22 33 44'
		});
		await absence(w.db, w.contact, 10, 20, w.helper.id); // a later one, not today's
		const now = await absence(w.db, w.contact, -3, 4, cover.id);
		const overview = await getFamilyOverview(w.db, w.grant);
		expect(overview?.contactPerson).toMatchObject({ away: true, awayUntil: now.endsOn });
		expect(overview?.standIn).toEqual({
			id: cover.id,
			name: cover.name,
			department: 'social',
			departmentName: 'Afdeling social',
			languages: ['da'],
			phone: '+45 11 22 33 44',
			helpTopics: [],
			helpText: {},
			photoPath: null
		});
		// Back again: the stand-in disappears from the page.
		await w.db
			.update(absences)
			.set({ endsOn: addDays(copenhagenDate(), -1) })
			.where(eq(absences.id, now.id));
		const back = await getFamilyOverview(w.db, w.grant);
		expect(back?.contactPerson).toMatchObject({ away: false, awayUntil: null });
		expect(back?.standIn).toBeNull();
	});

	it('has no stand-in when the contact person is away without one', async () => {
		const w = await world();
		await absence(w.db, w.contact, 0, 0, null);
		const overview = await getFamilyOverview(w.db, w.grant);
		expect(overview?.contactPerson.away).toBe(true);
		expect(overview?.standIn).toBeNull();
	});

	it('lists the involved staff with their topics (and, for staff, the team’s own note), never the contact person', async () => {
		const w = await world();
		await involve(w.db, w.family.id, w.contact.id, 'Også kontaktperson');
		const overview = await getFamilyOverview(w.db, w.grant);
		const team = overview?.team ?? [];
		expect(team.map((m) => m.id).sort()).toEqual([w.helper.id, w.nurse.id].sort());
		expect(team.find((m) => m.id === w.helper.id)).toMatchObject({
			name: w.helper.name,
			department: 'children_youth',
			topics: ['school', 'leisure'],
			staffNote: 'Fritidsjob og skolen'
		});
		expect(team.find((m) => m.id === w.nurse.id)).toMatchObject({ department: 'health', topics: ['health'], staffNote: 'Hjemmehjælp' });
		expect(team.map((m) => m.name)).toEqual([...team.map((m) => m.name)].sort());
		// The family reads the topics, never the team's own words.
		const parent = w.byName('Amina');
		const own = ownFamily(familyActor(parent, (await makeUser(w.db, { familyMemberId: parent.id })).id))!;
		const seen = (await getFamilyOverview(w.db, own))!.team;
		expect(seen.map((m) => [m.topics, m.staffNote])).toEqual(team.map((m) => [m.topics, null]));
	});

	it('shows what a staff member helps one member with to that member, and a young child’s to the adults, never a teenager’s to the parents', async () => {
		const w = await world();
		const year = Number(copenhagenDate().slice(0, 4));
		// Ages this year: Yusuf 15 (teenager), Sara 9 (child); born the year that makes them so.
		await w.db
			.update(familyMembers)
			.set({ birthYear: year - 15 })
			.where(eq(familyMembers.id, w.byName('Yusuf').id));
		await w.db
			.update(familyMembers)
			.set({ birthYear: year - 9 })
			.where(eq(familyMembers.id, w.byName('Sara').id));
		await helpMember(w.db, w.family.id, w.helper.id, w.byName('Yusuf').id, { da: 'Dit fritidsjob' });
		await helpMember(w.db, w.family.id, w.helper.id, w.byName('Sara').id, { da: 'Saras svømmehold' });
		await helpMember(w.db, w.family.id, w.nurse.id, w.byName('Halima').id, { da: 'Lægebesøg', ar: 'زيارات الطبيب' });
		const as = async (name: string) => {
			const m = w.byName(name);
			const grant = ownFamily(familyActor(m, (await makeUser(w.db, { familyMemberId: m.id })).id))!;
			const team = (await getFamilyOverview(w.db, grant))!.team;
			return team.flatMap((t) => t.notes.map((n) => `${t.id === w.helper.id ? 'helper' : 'nurse'}: ${n.memberName}`)).sort();
		};
		expect(await as('Amina')).toEqual(['helper: Sara']);
		expect(await as('Omar')).toEqual(['helper: Sara']);
		expect(await as('Halima')).toEqual(['helper: Sara', 'nurse: Halima']);
		expect(await as('Yusuf')).toEqual(['helper: Yusuf']);
		// Staff read every note, with its languages.
		const team = (await getFamilyOverview(w.db, w.grant))!.team;
		expect(team.find((t) => t.id === w.nurse.id)?.notes).toEqual([
			{ memberId: w.byName('Halima').id, memberName: 'Halima', note: { da: 'Lægebesøg', ar: 'زيارات الطبيب' } }
		]);
		expect(team.find((t) => t.id === w.helper.id)?.notes.map((n) => n.memberName)).toEqual(['Yusuf', 'Sara']);
		// Another family's member sees none of it, even of the same staff member.
		const other = await makeFamily(w.db, w.team.id, w.contact.id, [{ role: 'parent' }]);
		await involve(w.db, other.family.id, w.helper.id);
		const stranger = ownFamily(familyActor(other.members[0], (await makeUser(w.db, { familyMemberId: other.members[0].id })).id))!;
		expect((await getFamilyOverview(w.db, stranger))!.team.flatMap((t) => t.notes)).toEqual([]);
	});

	it('keeps what staff help a member with inside the family and its team (the database refuses the rest)', async () => {
		const w = await world();
		const other = await makeFamily(w.db, w.team.id, w.contact.id, [{ role: 'parent' }]);
		const stranger = await makeStaff(w.db, w.team.id);
		// A member of another family, or staff not on this family's team: refused.
		await expect(helpMember(w.db, w.family.id, w.helper.id, other.members[0].id, { da: 'x' })).rejects.toMatchObject({
			cause: { code: '23503' }
		});
		await expect(helpMember(w.db, w.family.id, stranger.id, w.byName('Sara').id, { da: 'x' })).rejects.toMatchObject({
			cause: { code: '23503' }
		});
		// An empty note, and a topic that is not a life area: refused.
		await expect(helpMember(w.db, w.family.id, w.helper.id, w.byName('Sara').id, {})).rejects.toMatchObject({ cause: { code: '23514' } });
		await expect(involve(w.db, other.family.id, stranger.id, '', ['diagnosis' as never])).rejects.toMatchObject({
			cause: { code: '23514' }
		});
	});

	it('shows only staff involved with this family', async () => {
		const w = await world();
		const other = await makeFamily(w.db, w.team.id, w.contact.id);
		const stranger = await makeStaff(w.db, w.team.id);
		await involve(w.db, other.family.id, stranger.id);
		const overview = await getFamilyOverview(w.db, w.grant);
		expect(overview?.team.map((m) => m.id)).not.toContain(stranger.id);
		const otherOverview = await getFamilyOverview(w.db, await grantFor(w.db, w.actor, other.family.id));
		expect(otherOverview?.team.map((m) => m.id)).toEqual([stranger.id]);
		expect(otherOverview?.members).toHaveLength(1);
	});

	it('lists parents first, then other adults, teenagers and children, with who has a sign-in', async () => {
		const w = await world();
		await makeUser(w.db, { familyMemberId: w.byName('Amina').id });
		await makeUser(w.db, { familyMemberId: w.byName('Yusuf').id });
		const overview = await getFamilyOverview(w.db, w.grant);
		const members = overview?.members ?? [];
		expect(members.map((m) => memberKind(m, 2026))).toEqual(['parent', 'parent', 'other_adult', 'teenager', 'child', 'child']);
		expect(members.map((m) => m.name)).toEqual(['Omar', 'Amina', 'Halima', 'Yusuf', 'Sara', 'Liban']);
		const signIn = Object.fromEntries(members.map((m) => [m.name, m.hasSignIn]));
		expect(signIn).toEqual({ Omar: false, Amina: true, Halima: false, Yusuf: true, Sara: false, Liban: false });
		expect(members.find((m) => m.name === 'Halima')).toMatchObject({
			id: w.byName('Halima').id,
			birthYear: 1952,
			preferredLanguage: 'da'
		});
	});

	it('gives the same overview to a family member through their own grant', async () => {
		const w = await world();
		const parent = w.byName('Amina');
		const grant = ownFamily(familyActor(parent, (await makeUser(w.db, { familyMemberId: parent.id })).id))!;
		const overview = await getFamilyOverview(w.db, grant);
		expect(overview?.id).toBe(w.family.id);
		expect(overview?.members.find((m) => m.id === parent.id)?.hasSignIn).toBe(true);
	});

	it('returns null for a family that does not exist', async () => {
		const w = await world();
		const missing = '00000000-0000-4000-8000-000000000000';
		const grant = { ...w.grant, familyId: missing } as typeof w.grant;
		expect(await getFamilyOverview(w.db, grant)).toBeNull();
		// And for one deleted after the grant was made.
		const gone = await makeFamily(w.db, w.team.id, w.contact.id);
		const goneGrant = await grantFor(w.db, w.actor, gone.family.id);
		await w.db.delete(families).where(eq(families.id, gone.family.id));
		expect(await getFamilyOverview(w.db, goneGrant)).toBeNull();
	});
});
