import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { familyActor, involve, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { listFamiliesForStaff, requireFamilyAccess } from '../../src/lib/server/access';
import { auditLog, staff } from '../../src/lib/server/db/schema';

describeEachBackend('access layer', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const otherTeam = await makeTeam(db);
		const contact = await makeStaff(db, team.id);
		const standIn = await makeStaff(db, team.id, { department: 'social' });
		await db.update(staff).set({ standInId: standIn.id }).where(eq(staff.id, contact.id));
		const involved = await makeStaff(db, team.id, { department: 'health' });
		const outsider = await makeStaff(db, team.id, { department: 'culture' });
		const leader = await makeStaff(db, team.id, { role: 'team_leader' });
		const foreignLeader = await makeStaff(db, otherTeam.id, { role: 'team_leader' });
		const { family, members } = await makeFamily(db, team.id, contact.id, [{ role: 'parent' }, { role: 'teenager' }]);
		const other = await makeFamily(db, team.id, outsider.id);
		await involve(db, family.id, involved.id);
		const as = async (s: typeof contact) => staffActor(s, (await makeUser(db, { staffId: s.id })).id);
		return {
			db,
			family,
			members,
			other,
			actors: {
				contact: await as(contact),
				standIn: await as(standIn),
				involved: await as(involved),
				outsider: await as(outsider),
				leader: await as(leader),
				foreignLeader: await as(foreignLeader),
				parent: familyActor(members[0], (await makeUser(db, { familyMemberId: members[0].id })).id),
				otherParent: familyActor(other.members[0], (await makeUser(db, { familyMemberId: other.members[0].id })).id)
			}
		};
	}

	it('gives each staff member the relation they have, and nobody else anything', async () => {
		const w = await world();
		const relation = async (actor: Parameters<typeof requireFamilyAccess>[1]) =>
			requireFamilyAccess(w.db, actor, w.family.id, 'family.view').then(
				(g) => g.relation,
				(e) => e.status as number
			);
		expect(await relation(w.actors.contact)).toBe('contact');
		expect(await relation(w.actors.standIn)).toBe('stand_in');
		expect(await relation(w.actors.involved)).toBe('involved');
		expect(await relation(w.actors.leader)).toBe('leader');
		expect(await relation(w.actors.parent)).toBe('own');
		expect(await relation(w.actors.outsider)).toBe(404);
		expect(await relation(w.actors.foreignLeader)).toBe(404);
		expect(await relation(w.actors.otherParent)).toBe(404);
	});

	it('answers "not found" alike for another family and for a family that does not exist', async () => {
		const w = await world();
		const missing = '00000000-0000-4000-8000-000000000000';
		await expect(requireFamilyAccess(w.db, w.actors.outsider, w.family.id, 'family.view')).rejects.toMatchObject({ status: 404 });
		await expect(requireFamilyAccess(w.db, w.actors.outsider, missing, 'family.view')).rejects.toMatchObject({ status: 404 });
	});

	it('writes every staff access to the audit log, and no family member access', async () => {
		const w = await world();
		await requireFamilyAccess(w.db, w.actors.involved, w.family.id, 'family.view');
		await requireFamilyAccess(w.db, w.actors.parent, w.family.id, 'family.view');
		const rows = await w.db.select().from(auditLog).where(eq(auditLog.familyId, w.family.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ actorStaffId: w.actors.involved.staffId, action: 'family.view' });
		expect(rows[0].at).toBeInstanceOf(Date);
	});

	it('lists exactly the families a staff member works with', async () => {
		const w = await world();
		const ids = async (actor: typeof w.actors.contact) => (await listFamiliesForStaff(w.db, actor)).map((f) => f.id).sort();
		expect(await ids(w.actors.contact)).toEqual([w.family.id]);
		expect(await ids(w.actors.standIn)).toEqual([w.family.id]);
		expect(await ids(w.actors.involved)).toEqual([w.family.id]);
		expect(await ids(w.actors.outsider)).toEqual([w.other.family.id]);
		expect(await ids(w.actors.leader)).toEqual([w.family.id, w.other.family.id].sort());
		expect(await ids(w.actors.foreignLeader)).toEqual([]);
		const [row] = await listFamiliesForStaff(w.db, w.actors.contact);
		expect(row).toMatchObject({ relation: 'contact', members: 2 });
	});
});
