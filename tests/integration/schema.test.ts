import { expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { departmentOf, involve, makeFamily, makeStaff, makeTeam, makeUser, openInvitation } from './fixtures';
import { sqlState } from '../../src/lib/server/db';
import { familyMembers, families, familyStaff, invitations, staff, users } from '../../src/lib/server/db/schema';

const failsWith = (code: string) => (e: unknown) => sqlState(e) === code;

describeEachBackend('database guards', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id);
		const { family, members } = await makeFamily(db, team.id, contact.id, [{ role: 'parent' }, { role: 'child' }]);
		return { db, team, contact, family, members };
	}

	it('refuses a family without a contact person (not null)', async () => {
		const { db, team } = await world();
		const values = { teamId: team.id, name: 'Uden kontakt', area: 'Gellerup' } as typeof families.$inferInsert;
		await expect(db.insert(families).values(values)).rejects.toSatisfy(failsWith('23502'));
		await expect(db.insert(families).values({ ...values, contactPersonId: null as unknown as string })).rejects.toSatisfy(
			failsWith('23502')
		);
		expect(await db.select().from(families).where(eq(families.teamId, team.id))).toHaveLength(1);
	});

	it('refuses a family whose contact person does not exist (foreign key)', async () => {
		const { db, team } = await world();
		await expect(
			db.insert(families).values({
				teamId: team.id,
				name: 'Ukendt kontakt',
				area: 'Gellerup',
				contactPersonId: '00000000-0000-4000-8000-000000000000'
			})
		).rejects.toSatisfy(failsWith('23503'));
	});

	it('refuses a sign-in that belongs to both a family member and a staff member, or to nobody', async () => {
		const { db, contact, members } = await world();
		const email = `both-${members[0].id}@example.org`;
		await expect(
			db.insert(users).values({ email, passwordHash: 'x', familyMemberId: members[0].id, staffId: contact.id })
		).rejects.toSatisfy(failsWith('23514'));
		await expect(db.insert(users).values({ email: `nobody-${members[0].id}@example.org`, passwordHash: 'x' })).rejects.toSatisfy(
			failsWith('23514')
		);
		const user = await makeUser(db, { familyMemberId: members[0].id });
		await expect(db.update(users).set({ staffId: contact.id }).where(eq(users.id, user.id))).rejects.toSatisfy(failsWith('23514'));
		await expect(db.update(users).set({ familyMemberId: null }).where(eq(users.id, user.id))).rejects.toSatisfy(failsWith('23514'));
	});

	it('refuses two sign-ins with the same email, and two for the same person', async () => {
		const { db, contact, members } = await world();
		const first = await makeUser(db, { familyMemberId: members[0].id });
		await expect(db.insert(users).values({ email: first.email, passwordHash: 'x', familyMemberId: members[1].id })).rejects.toSatisfy(
			failsWith('23505')
		);
		await expect(
			db.insert(users).values({ email: `second-${first.email}`, passwordHash: 'x', familyMemberId: members[0].id })
		).rejects.toSatisfy(failsWith('23505'));
		await makeUser(db, { staffId: contact.id });
		await expect(db.insert(users).values({ email: `staff-${first.email}`, passwordHash: 'x', staffId: contact.id })).rejects.toSatisfy(
			failsWith('23505')
		);
	});

	it('refuses a child without a birth year, and codes not in $lib/codes', async () => {
		const { db, family } = await world();
		await expect(db.insert(familyMembers).values({ familyId: family.id, name: 'Uden år', role: 'child' })).rejects.toSatisfy(
			failsWith('23514')
		);
		await expect(
			db.insert(familyMembers).values({ familyId: family.id, name: 'Gammel rolle', role: 'teenager' as 'child', birthYear: 2011 })
		).rejects.toSatisfy(failsWith('23514'));
	});

	it('refuses a staff member as their own stand-in', async () => {
		const { db, team, contact } = await world();
		await expect(db.update(staff).set({ standInId: contact.id }).where(eq(staff.id, contact.id))).rejects.toSatisfy(failsWith('23514'));
		const id = crypto.randomUUID();
		await expect(
			db.insert(staff).values({ id, teamId: team.id, name: 'Selv', departmentId: await departmentOf(db, team.id), standInId: id })
		).rejects.toSatisfy(failsWith('23514'));
		const [row] = await db.select().from(staff).where(eq(staff.id, contact.id));
		expect(row.standInId).toBeNull();
	});

	it('refuses an ended family without an end date or a reason, an end before it began, and an end date on an active family', async () => {
		const { db, family } = await world();
		await db.update(families).set({ enrolledOn: '2025-01-06' }).where(eq(families.id, family.id));
		const refused = (values: Partial<typeof families.$inferInsert>) =>
			expect(db.update(families).set(values).where(eq(families.id, family.id))).rejects.toSatisfy(failsWith('23514'));
		await refused({ status: 'ended', endedReason: 'moved' });
		await refused({ status: 'ended', endedOn: '2026-06-30' });
		await refused({ endedOn: '2026-06-30' });
		await refused({ endedReason: 'moved' });
		await refused({ status: 'ended', endedOn: '2024-12-31', endedReason: 'moved' });
		await db.update(families).set({ status: 'ended', endedOn: '2026-06-30', endedReason: 'moved' }).where(eq(families.id, family.id));
		const [row] = await db.select().from(families).where(eq(families.id, family.id));
		expect(row).toMatchObject({ status: 'ended', endedOn: '2026-06-30', endedReason: 'moved' });
	});

	it('refuses a birth year outside 1900–2100', async () => {
		const { db, family } = await world();
		await expect(
			db.insert(familyMembers).values({ familyId: family.id, name: 'For gammel', role: 'other_adult', birthYear: 1850 })
		).rejects.toSatisfy(failsWith('23514'));
	});

	it('removes a family with its members, their sign-ins and invitations, and its team links', async () => {
		const { db, team, contact, family, members } = await world();
		const helper = await makeStaff(db, team.id);
		await involve(db, family.id, helper.id);
		const user = await makeUser(db, { familyMemberId: members[0].id });
		const t = await openInvitation(db, members[1].id, contact.id);
		const neighbour = await makeFamily(db, team.id, contact.id);

		await db.delete(families).where(eq(families.id, family.id));

		const memberIds = members.map((m) => m.id);
		expect(await db.select().from(familyMembers).where(inArray(familyMembers.id, memberIds))).toHaveLength(0);
		expect(await db.select().from(users).where(eq(users.id, user.id))).toHaveLength(0);
		expect(await db.select().from(invitations).where(eq(invitations.id, t.id))).toHaveLength(0);
		expect(await db.select().from(familyStaff).where(eq(familyStaff.familyId, family.id))).toHaveLength(0);
		// The staff and the other family stay.
		expect(
			await db
				.select()
				.from(staff)
				.where(inArray(staff.id, [contact.id, helper.id]))
		).toHaveLength(2);
		expect(await db.select().from(familyMembers).where(eq(familyMembers.familyId, neighbour.family.id))).toHaveLength(1);
	});

	it('keeps a staff member who is still contact person for a family', async () => {
		const { db, contact } = await world();
		await expect(db.delete(staff).where(eq(staff.id, contact.id))).rejects.toSatisfy(failsWith('23503'));
	});

	it('refuses a contact person from another team', async () => {
		const { db, team, family } = await world();
		const elsewhere = await makeStaff(db, (await makeTeam(db)).id);
		const values = { teamId: team.id, name: 'Forkert team', area: 'Gellerup', contactPersonId: elsewhere.id };
		await expect(db.insert(families).values(values)).rejects.toSatisfy(failsWith('23503'));
		await expect(db.update(families).set({ contactPersonId: elsewhere.id }).where(eq(families.id, family.id))).rejects.toSatisfy(
			failsWith('23503')
		);
	});

	it('allows one open invitation per person at most', async () => {
		const { db, contact, members } = await world();
		await openInvitation(db, members[0].id, contact.id);
		await expect(openInvitation(db, members[0].id, contact.id)).rejects.toSatisfy(failsWith('23505'));
	});
});
