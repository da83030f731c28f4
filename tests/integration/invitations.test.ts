import { expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { familyActor, grantFor, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { ownFamily } from '../../src/lib/server/access';
import { acceptInvitation, createInvitation, findInvitation, invitationLifetimeMs } from '../../src/lib/server/auth/invitations';
import { auditLog, invitations, users } from '../../src/lib/server/db/schema';
import { verifyPassword } from '../../src/lib/server/auth/password';

const day = 24 * 3600_000;
let addresses = 0;
/** What a person types, from an address of its own (the throttle is tested on its own below). */
const input = (login: string) => ({ login, password: 'blå cykel tirsdag', locale: 'ar', address: `198.51.100.${++addresses % 250}` });

describeEachBackend('invitations', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id);
		const { family, members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'parent' },
			{ role: 'other_adult', preferredLanguage: 'ar' },
			{ role: 'child', birthYear: 2011 },
			{ role: 'child', birthYear: 2018 }
		]);
		const other = await makeFamily(db, team.id, contact.id);
		const actor = staffActor(contact, (await makeUser(db, { staffId: contact.id })).id);
		const grant = await grantFor(db, actor, family.id, 'invitation.create');
		return { db, contact, family, members, other, actor, grant };
	}

	async function invited() {
		const w = await world();
		const created = await createInvitation(w.db, w.grant, w.members[1].id);
		if (!created.ok) throw new Error(`expected an invitation, got ${created.reason}`);
		return { ...w, token: created.token, created };
	}

	it('is made only for a member of the granted family who has no sign-in yet', async () => {
		const w = await world();
		expect(await createInvitation(w.db, w.grant, w.other.members[0].id)).toEqual({ ok: false, reason: 'notFound' });
		expect(await createInvitation(w.db, w.grant, '00000000-0000-4000-8000-000000000000')).toEqual({
			ok: false,
			reason: 'notFound'
		});
		await makeUser(w.db, { familyMemberId: w.members[0].id });
		expect(await createInvitation(w.db, w.grant, w.members[0].id)).toEqual({ ok: false, reason: 'hasSignIn' });
		expect(await w.db.select().from(invitations).where(eq(invitations.familyMemberId, w.members[0].id))).toHaveLength(0);
	});

	it('cannot be made by a family member with a grant to their own family', async () => {
		const w = await world();
		const parentUser = await makeUser(w.db, { familyMemberId: w.members[0].id });
		const actor = familyActor(w.members[0], parentUser.id);
		// The policy gives a family member no grant for it, and a grant for another action does not do.
		expect(ownFamily(actor, 'invitation.create')).toBeNull();
		expect(await createInvitation(w.db, ownFamily(actor)!, w.members[1].id)).toEqual({ ok: false, reason: 'notFound' });
		const viewOnly = await grantFor(w.db, w.actor, w.family.id, 'family.view');
		expect(await createInvitation(w.db, viewOnly, w.members[1].id)).toEqual({ ok: false, reason: 'notFound' });
		expect(await w.db.select().from(invitations).where(eq(invitations.familyMemberId, w.members[1].id))).toHaveLength(0);
	});

	it('gives an id.secret token, stores only a hash, expires in 7 days, audited once by the grant', async () => {
		const before = Date.now();
		const { db, token, created, members, contact, actor, family } = await invited();
		expect(created.memberName).toBe(members[1].name);
		const [id, secret, ...rest] = token.split('.');
		expect(rest).toEqual([]);
		expect(id.length).toBeGreaterThanOrEqual(26);
		expect(secret.length).toBeGreaterThanOrEqual(26);

		const [row] = await db.select().from(invitations).where(eq(invitations.id, id));
		expect(row).toMatchObject({ familyMemberId: members[1].id, createdByStaffId: contact.id, usedAt: null, revokedAt: null });
		expect(row.secretHash).toHaveLength(32);
		expect(Buffer.from(row.secretHash).toString('utf8')).not.toContain(secret);
		expect(JSON.stringify({ ...row, secretHash: Buffer.from(row.secretHash).toString('hex') })).not.toContain(secret);

		expect(Math.abs(row.expiresAt.getTime() - (before + 7 * day))).toBeLessThan(60_000);
		expect(invitationLifetimeMs).toBe(7 * day);
		expect(created.expiresAt.getTime()).toBe(row.expiresAt.getTime());

		// The one audit line is the access grant's ('family.view' here); making the link adds none.
		const audit = await db.select().from(auditLog).where(eq(auditLog.familyId, family.id));
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actorUserId: actor.id, actorStaffId: contact.id, action: 'invitation.create' });
	});

	it('is found from a fresh link, with the member, family and who invited', async () => {
		const { db, token, members, family, contact } = await invited();
		const open = await findInvitation(db, token);
		expect(open).toMatchObject({
			id: token.split('.')[0],
			memberId: members[1].id,
			memberName: members[1].name,
			familyName: family.name,
			preferredLanguage: 'ar',
			invitedBy: contact.name
		});
		expect(open?.expiresAt).toBeInstanceOf(Date);
		expect(open).not.toHaveProperty('secretHash');
	});

	it('is not found from a wrong secret, a malformed token or after it expires', async () => {
		const { db, token } = await invited();
		const [id, secret] = token.split('.');
		const flipped = secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a');
		expect(await findInvitation(db, `${id}.${flipped}`)).toBeNull();
		expect(await findInvitation(db, id)).toBeNull();
		expect(await findInvitation(db, `${token}.x`)).toBeNull();
		expect(await findInvitation(db, `.${secret}`)).toBeNull();
		expect(await findInvitation(db, '')).toBeNull();
		expect(await findInvitation(db, `${id}.${'a'.repeat(300)}`)).toBeNull();
		expect(await findInvitation(db, token, new Date(Date.now() + 6 * day))).not.toBeNull();
		expect(await findInvitation(db, token, new Date(Date.now() + 8 * day))).toBeNull();
		expect(await acceptInvitation(db, { token: token }, input('late@example.org'), new Date(Date.now() + 8 * day))).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await findInvitation(db, token)).not.toBeNull();
	});

	it('stops working once used, and when a newer link is made for the same person', async () => {
		const w = await invited();
		const sibling = await createInvitation(w.db, w.grant, w.members[2].id);
		const second = await createInvitation(w.db, w.grant, w.members[1].id);
		if (!second.ok || !sibling.ok) throw new Error('expected more invitations');
		expect(await findInvitation(w.db, w.token)).toBeNull();
		expect(await findInvitation(w.db, sibling.token)).not.toBeNull(); // another person's link stays
		expect(await acceptInvitation(w.db, { token: w.token }, input(`old-${w.family.id}@example.org`))).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await findInvitation(w.db, second.token)).not.toBeNull();
		expect((await acceptInvitation(w.db, { token: second.token }, input(`new-${w.family.id}@example.org`))).ok).toBe(true);
		expect(await findInvitation(w.db, second.token)).toBeNull();
	});

	it('creates a sign-in with the normalised email, linked to the member, and is spent', async () => {
		const { db, token, members, grant } = await invited();
		const result = await acceptInvitation(db, { token: token }, input('  Halima@Example.ORG '));
		if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
		const [user] = await db.select().from(users).where(eq(users.id, result.userId));
		expect(user).toMatchObject({
			email: 'halima@example.org',
			familyMemberId: members[1].id,
			staffId: null,
			locale: 'ar'
		});
		expect(await verifyPassword(user.passwordHash, 'blå cykel tirsdag')).toBe(true);
		const [row] = await db
			.select()
			.from(invitations)
			.where(eq(invitations.id, token.split('.')[0]));
		expect(row.usedAt).toBeInstanceOf(Date);
		expect(await findInvitation(db, token)).toBeNull();
		expect(await acceptInvitation(db, { token: token }, input(`again-${token.slice(0, 6)}@example.org`))).toEqual({
			ok: false,
			reason: 'invalid'
		});
		// The member now has a sign-in, so no new invitation either.
		expect(await createInvitation(db, grant, members[1].id)).toEqual({ ok: false, reason: 'hasSignIn' });
	});

	it('refuses an email that is taken, without spending the link', async () => {
		const { db, token, members } = await invited();
		const someone = await makeUser(db, { familyMemberId: members[0].id });
		const taken = await acceptInvitation(db, { token: token }, input(`  ${someone.email.toUpperCase()}`));
		expect(taken).toEqual({ ok: false, reason: 'loginUnavailable' });
		const [row] = await db
			.select()
			.from(invitations)
			.where(eq(invitations.id, token.split('.')[0]));
		expect(row.usedAt).toBeNull();
		expect(await db.select().from(users).where(eq(users.familyMemberId, members[1].id))).toHaveLength(0);
		expect(await findInvitation(db, token)).not.toBeNull();
		const retry = await acceptInvitation(db, { token: token }, input(`free-${token.slice(0, 8)}@example.org`));
		expect(retry.ok).toBe(true);
	});

	it('lets exactly one of two racing accepts succeed', async () => {
		const { db, token, members } = await invited();
		const tag = token.slice(0, 8);
		const results = await Promise.all([
			acceptInvitation(db, { token: token }, input(`tab-a-${tag}@example.org`)),
			acceptInvitation(db, { token: token }, input(`tab-b-${tag}@example.org`))
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'invalid' }]);
		const made = await db.select().from(users).where(eq(users.familyMemberId, members[1].id));
		expect(made).toHaveLength(1);
		const winner = results.find((r) => r.ok);
		expect(made[0].id).toBe(winner?.ok ? winner.userId : undefined);
	});

	it('leaves exactly one open link when two are made for the same person at once', async () => {
		const w = await world();
		// Six at once make the transactions overlap on PostgreSQL (PGlite runs them in turn).
		const results = await Promise.all(Array.from({ length: 6 }, () => createInvitation(w.db, w.grant, w.members[2].id)));
		expect(results.every((r) => r.ok)).toBe(true);
		const open = await w.db
			.select()
			.from(invitations)
			.where(and(eq(invitations.familyMemberId, w.members[2].id), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
		expect(open).toHaveLength(1);
		const working = results.map((r) => (r.ok ? r.token : ''));
		const found = await Promise.all(working.map((token) => findInvitation(w.db, token)));
		expect(found.filter(Boolean)).toHaveLength(1);
	});

	it('is not made for a child under 13', async () => {
		const w = await world();
		expect(await createInvitation(w.db, w.grant, w.members[3].id)).toEqual({ ok: false, reason: 'child' });
	});
});
