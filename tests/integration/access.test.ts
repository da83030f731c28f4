import { expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { describeEachBackend } from './harness';
import { absence, familyActor, involve, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { familyGrant, ownFamily, standInLeadDays, visibleFamilies, visibleItems, type Actor } from '../../src/lib/server/access';
import { policy } from '../../src/lib/server/policy';
import { listFamiliesForStaff } from '../../src/lib/server/family-list';
import { auditLog, families, familyMembers, staff } from '../../src/lib/server/db/schema';
import { copenhagenDate } from '../../src/lib/i18n/format';

/**
 * A family-scoped item table as every feature will have (wishes, messages …), made here in
 * the test database so the visibility rules are checked on real SQL before features use them.
 */
const items = pgTable('test_items', {
	id: uuid('id').primaryKey().defaultRandom(),
	familyId: uuid('family_id').notNull(),
	memberId: uuid('member_id').notNull(),
	visibility: text('visibility').notNull(),
	label: text('label').notNull()
});

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
		const { family, members } = await makeFamily(db, team.id, contact.id, [{ role: 'parent' }, { role: 'child', birthYear: 2011 }]);
		const other = await makeFamily(db, team.id, outsider.id);
		await involve(db, family.id, involved.id);
		const as = async (s: typeof contact) => staffActor(s, (await makeUser(db, { staffId: s.id })).id);
		return {
			db,
			team,
			family,
			members,
			other,
			staff: { contact, standIn, involved, outsider, leader },
			actors: {
				contact: await as(contact),
				standIn: await as(standIn),
				involved: await as(involved),
				outsider: await as(outsider),
				leader: await as(leader),
				foreignLeader: await as(foreignLeader),
				parent: familyActor(members[0], (await makeUser(db, { familyMemberId: members[0].id })).id),
				teenager: familyActor(members[1], (await makeUser(db, { familyMemberId: members[1].id })).id),
				otherParent: familyActor(other.members[0], (await makeUser(db, { familyMemberId: other.members[0].id })).id)
			}
		};
	}
	type World = Awaited<ReturnType<typeof world>>;
	const relation = (w: World, actor: Actor, action: keyof typeof policy = 'family.view') =>
		familyGrant(w.db, actor, w.family.id, action).then((g) => g?.relation ?? null);

	it('gives each staff member the relation they have, and nobody else anything', async () => {
		const w = await world();
		await absence(w.db, w.staff.contact, 2, 9, w.staff.standIn.id);
		expect(await relation(w, w.actors.contact)).toBe('contact');
		expect(await relation(w, w.actors.standIn)).toBe('stand_in');
		expect(await relation(w, w.actors.involved)).toBe('involved');
		expect(await relation(w, w.actors.leader)).toBe('leader');
		expect(await relation(w, w.actors.parent)).toBe('own');
		expect(await relation(w, w.actors.outsider)).toBeNull();
		expect(await relation(w, w.actors.foreignLeader)).toBeNull();
		expect(await relation(w, w.actors.otherParent)).toBeNull();
	});

	it('lets a stand-in see the family from 7 days before an absence until its last day, not otherwise', async () => {
		const w = await world();
		// The usual stand-in with no absence: nothing.
		expect(await relation(w, w.actors.standIn)).toBeNull();
		const a = await absence(w.db, w.staff.contact, standInLeadDays + 1, standInLeadDays + 5, w.staff.standIn.id);
		expect(await relation(w, w.actors.standIn)).toBeNull();
		const { absences } = await import('../../src/lib/server/db/schema');
		const { addDays, copenhagenDate } = await import('../../src/lib/i18n/format');
		const move = (from: number, to: number) =>
			w.db
				.update(absences)
				.set({ startsOn: addDays(copenhagenDate(), from), endsOn: addDays(copenhagenDate(), to) })
				.where(eq(absences.id, a.id));
		await move(standInLeadDays, standInLeadDays + 5);
		expect(await relation(w, w.actors.standIn)).toBe('stand_in');
		await move(-5, 0);
		expect(await relation(w, w.actors.standIn)).toBe('stand_in');
		await move(-5, -1);
		expect(await relation(w, w.actors.standIn)).toBeNull();
		// The one named on the absence, not the usual stand-in.
		await move(-1, 1);
		await w.db.update(absences).set({ standInId: w.staff.outsider.id }).where(eq(absences.id, a.id));
		expect(await relation(w, w.actors.standIn)).toBeNull();
		expect(await relation(w, w.actors.outsider)).toBe('stand_in');
	});

	it('follows the policy per action: a family member may view, but not make sign-in links', async () => {
		const w = await world();
		expect(policy['invitation.create']).not.toContain('own');
		expect(await relation(w, w.actors.parent, 'invitation.create')).toBeNull();
		expect(ownFamily(w.actors.parent, 'invitation.create')).toBeNull();
		expect(await relation(w, w.actors.involved, 'invitation.create')).toBe('involved');
		expect(await relation(w, w.actors.parent, 'family.staffItems.read')).toBeNull();
	});

	it('answers alike for another family and for a family that does not exist', async () => {
		const w = await world();
		expect(await familyGrant(w.db, w.actors.outsider, w.family.id, 'family.view')).toBeNull();
		expect(await familyGrant(w.db, w.actors.outsider, '00000000-0000-4000-8000-000000000000', 'family.view')).toBeNull();
	});

	it('writes one audit row per staff view (a repeat within 30 s is the same view), none for family members', async () => {
		const w = await world();
		await familyGrant(w.db, w.actors.involved, w.family.id, 'family.view');
		await familyGrant(w.db, w.actors.involved, w.family.id, 'family.view'); // the preload, then the page
		await familyGrant(w.db, w.actors.parent, w.family.id, 'family.view');
		await familyGrant(w.db, w.actors.involved, w.family.id, 'invitation.create');
		const rows = await w.db.select().from(auditLog).where(eq(auditLog.familyId, w.family.id)).orderBy(auditLog.id);
		expect(rows.map((r) => r.action)).toEqual(['family.view', 'invitation.create']);
		expect(rows[0]).toMatchObject({
			actorStaffId: w.actors.involved.staffId,
			actorUserId: w.actors.involved.id,
			actorName: w.actors.involved.name
		});
	});

	it("writes no audit row for a grant it refuses: an action the relation may not take, or another team's family", async () => {
		const w = await world();
		expect(await familyGrant(w.db, w.actors.involved, w.family.id, 'signIn.reset')).toBeNull();
		expect(await familyGrant(w.db, w.actors.outsider, w.family.id, 'family.view')).toBeNull();
		expect(await familyGrant(w.db, w.actors.involved, w.family.id, 'wish.write')).toBeNull();
		expect(await w.db.select().from(auditLog).where(eq(auditLog.familyId, w.family.id))).toEqual([]);
		expect(await familyGrant(w.db, w.actors.contact, w.family.id, 'signIn.reset')).not.toBeNull();
		const rows = await w.db.select().from(auditLog).where(eq(auditLog.familyId, w.family.id));
		expect(rows.map((r) => [r.action, r.actorStaffId])).toEqual([['signIn.reset', w.actors.contact.staffId]]);
	});

	it('lists exactly the families a staff member works with, the same set visibleFamilies gives', async () => {
		const w = await world();
		await absence(w.db, w.staff.contact, 0, 3, w.staff.standIn.id);
		const ids = async (actor: typeof w.actors.contact) => (await listFamiliesForStaff(w.db, actor)).map((f) => f.id).sort();
		const visible = async (actor: Actor) =>
			(
				await w.db
					.select({ id: families.id })
					.from(families)
					.where(sql`${families.id} in ${visibleFamilies(actor)}`)
			)
				.map((r) => r.id)
				.sort();
		const expected: [Actor, string[]][] = [
			[w.actors.contact, [w.family.id]],
			[w.actors.standIn, [w.family.id]],
			[w.actors.involved, [w.family.id]],
			[w.actors.outsider, [w.other.family.id]],
			[w.actors.leader, [w.family.id, w.other.family.id].sort()],
			[w.actors.foreignLeader, []],
			[w.actors.parent, [w.family.id]]
		];
		for (const [actor, want] of expected) {
			expect(await visible(actor), actor.name).toEqual(want);
			if (actor.kind === 'staff') expect(await ids(actor), actor.name).toEqual(want);
		}
		const [row] = await listFamiliesForStaff(w.db, w.actors.contact);
		expect(row).toMatchObject({ relation: 'contact', members: 2, contact: { isViewer: true, absence: { standInIsViewer: false } } });
	});

	it('shows items by visibility, and a list, a count and a single read always agree', async () => {
		const w = await world();
		await w.db.execute(sql`create table if not exists test_items (id uuid primary key default gen_random_uuid(),
			family_id uuid not null, member_id uuid not null, visibility text not null, label text not null)`);
		const [parent, teen] = w.members;
		// A child too young for a sign-in: the adults read her items for her.
		const [young] = await w.db
			.insert(familyMembers)
			.values({ familyId: w.family.id, name: 'Sara', role: 'child', birthYear: Number(copenhagenDate().slice(0, 4)) - 9 })
			.returning();
		const rows = await w.db
			.insert(items)
			.values([
				{ familyId: w.family.id, memberId: parent.id, visibility: 'family', label: 'familiens ønske' },
				{ familyId: w.family.id, memberId: teen.id, visibility: 'member_private', label: 'Yusufs eget ønske' },
				{ familyId: w.family.id, memberId: young.id, visibility: 'member_private', label: 'Saras svømmehold' },
				{ familyId: w.family.id, memberId: parent.id, visibility: 'member_private', label: 'mors eget ønske' },
				{ familyId: w.family.id, memberId: parent.id, visibility: 'staff_only', label: 'teamets note' },
				{ familyId: w.other.family.id, memberId: w.other.members[0].id, visibility: 'family', label: 'en anden families ønske' }
			])
			.returning();
		const expected: [Actor, string[]][] = [
			[w.actors.parent, ['familiens ønske', 'mors eget ønske', 'Saras svømmehold']],
			[w.actors.teenager, ['familiens ønske', 'Yusufs eget ønske']],
			[w.actors.contact, ['familiens ønske', 'Yusufs eget ønske', 'Saras svømmehold', 'mors eget ønske', 'teamets note']],
			[w.actors.involved, ['familiens ønske', 'Yusufs eget ønske', 'Saras svømmehold', 'mors eget ønske', 'teamets note']],
			[w.actors.otherParent, ['en anden families ønske']],
			[w.actors.foreignLeader, []]
		];
		for (const [actor, want] of expected) {
			const rule = visibleItems(actor, items);
			const list = (await w.db.select().from(items).where(rule)).map((r) => r.label).filter((l) => rows.some((r) => r.label === l));
			const [{ n }] = await w.db
				.select({ n: count() })
				.from(items)
				.where(
					sql`${rule} and ${items.id} in (${sql.join(
						rows.map((r) => sql`${r.id}::uuid`),
						sql`, `
					)})`
				);
			const single = [];
			for (const r of rows) {
				const [found] = await w.db
					.select()
					.from(items)
					.where(sql`${items.id} = ${r.id}::uuid and ${rule}`);
				if (found) single.push(found.label);
			}
			expect(list.sort(), actor.name).toEqual([...want].sort());
			expect(n, actor.name).toBe(want.length);
			expect(single.sort(), actor.name).toEqual([...want].sort());
		}
	});
});

describeEachBackend('database guards for teams and the audit log', (ctx) => {
	it("keeps involved staff, stand-ins and absences inside the family's team", async () => {
		const { db } = ctx();
		const team = await makeTeam(db);
		const elsewhere = await makeTeam(db);
		const contact = await makeStaff(db, team.id);
		const stranger = await makeStaff(db, elsewhere.id);
		const { family } = await makeFamily(db, team.id, contact.id);
		const code = (p: Promise<unknown>) =>
			p.then(
				() => 'ok',
				(e) => e.cause?.code ?? e.code
			);
		expect(await code(involve(db, family.id, stranger.id))).toBe('23503');
		expect(await code(db.update(staff).set({ standInId: stranger.id }).where(eq(staff.id, contact.id)))).toBe('23503');
		expect(await code(absence(db, contact, 0, 1, stranger.id))).toBe('23503');
		// And one person is never away twice at once.
		await absence(db, contact, 0, 5, null);
		expect(await code(absence(db, contact, 5, 8, null))).toBe('23P01');
		expect(await code(absence(db, contact, 6, 8, null))).toBe('ok');
	});

	it('refuses to change or delete audit rows, keeps them when the family goes, and lets only retention delete old ones', async () => {
		const { db } = ctx();
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id);
		const { family } = await makeFamily(db, team.id, contact.id);
		const actor = staffActor(contact, (await makeUser(db, { staffId: contact.id })).id);
		await familyGrant(db, actor, family.id, 'family.view');
		const [row] = await db.select().from(auditLog).where(eq(auditLog.familyId, family.id));
		const code = (p: Promise<unknown>) =>
			p.then(
				() => 'ok',
				(e) => e.cause?.code ?? e.code
			);
		expect(await code(db.update(auditLog).set({ action: 'invitation.create' }).where(eq(auditLog.id, row.id)))).toBe('42501');
		expect(await code(db.delete(auditLog).where(eq(auditLog.id, row.id)))).toBe('42501');
		expect(await code(db.execute(sql`truncate audit_log`))).toBe('42501');
		expect(await code(db.insert(auditLog).values({ actorUserId: actor.id, action: 'made.up' as 'family.view' }))).toBe('23514');

		await db.delete(families).where(eq(families.id, family.id));
		const [kept] = await db.select().from(auditLog).where(eq(auditLog.id, row.id));
		expect(kept).toMatchObject({ familyId: family.id, actorUserId: actor.id, actorName: contact.name });

		const { deleteExpiredAudit } = await import('../../src/lib/server/audit');
		const old = new Date(Date.now() - 200 * 24 * 3600_000);
		const [ancient] = await db
			.insert(auditLog)
			.values({ actorUserId: actor.id, action: 'family.view', familyId: family.id, at: old })
			.returning();
		expect(await deleteExpiredAudit(db, 183)).toBeGreaterThanOrEqual(1);
		expect(await db.select().from(auditLog).where(eq(auditLog.id, ancient.id))).toHaveLength(0);
		expect(await db.select().from(auditLog).where(eq(auditLog.id, row.id))).toHaveLength(1);
	});
});
