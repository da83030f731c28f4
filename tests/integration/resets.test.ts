/**
 * Reset links (item 4 of the first-meeting issue): a staff member the policy allows makes a
 * single-use link, valid 24 hours, for a member who has a sign-in; using it sets a new password
 * and ends every session the sign-in had. One open link per person, whichever kind.
 */
import { expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { absence, familyActor, grantFor, involve, makeFamily, makePhoneUser, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { familyGrant, ownFamily } from '../../src/lib/server/access';
import { allows, policy } from '../../src/lib/server/policy';
import { createReset, resetLifetimeMs, resetPassword } from '../../src/lib/server/auth/resets';
import { acceptInvitation, createInvitation } from '../../src/lib/server/auth/invitations';
import { findLinkByToken, lookUpLink } from '../../src/lib/server/auth/links';
import { createSession, listSessions, validateSessionToken } from '../../src/lib/server/auth/session';
import { hashPassword, verifyPassword } from '../../src/lib/server/auth/password';
import { signIn } from '../../src/lib/server/auth/signin';
import { auditLog, invitations, users } from '../../src/lib/server/db/schema';

const hour = 3600_000;
const old = 'gammel god kode';
const fresh = 'ny frisk morgen';
let n = 0;
const address = () => `198.51.${++n % 250}.${n}`;

describeEachBackend('reset links', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id);
		const colleague = await makeStaff(db, team.id);
		const standIn = await makeStaff(db, team.id);
		const leader = await makeStaff(db, team.id, { role: 'team_leader' });
		const { family, members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'parent' },
			{ role: 'other_adult' },
			{ role: 'parent' }
		]);
		await involve(db, family.id, colleague.id);
		const user = await makeUser(db, { familyMemberId: members[0].id }, await hashPassword(old));
		const actor = (s: typeof contact) => makeUser(db, { staffId: s.id }).then((u) => staffActor(s, u.id));
		const staff = {
			contact: await actor(contact),
			colleague: await actor(colleague),
			standIn: await actor(standIn),
			leader: await actor(leader)
		};
		const grant = await grantFor(db, staff.contact, family.id, 'signIn.reset');
		return { db, team, family, members, user, staff, grant, contact, standIn };
	}
	async function made() {
		const w = await world();
		const created = await createReset(w.db, w.grant, w.members[0].id);
		if (!created.ok) throw new Error(`expected a reset link, got ${created.reason}`);
		return { ...w, token: created.token, code: created.code, created };
	}

	it('may be made by the contact person, the stand-in while they are away, and the team leader — not by every colleague', async () => {
		const w = await world();
		expect(policy['signIn.reset']).toEqual(['contact', 'stand_in', 'leader']);
		expect(allows('signIn.reset', 'involved')).toBe(false);
		expect(allows('invitation.create', 'involved')).toBe(true);
		// The involved colleague sees the family and may invite, but gets no grant to reset.
		expect(await familyGrant(w.db, w.staff.colleague, w.family.id, 'family.view')).not.toBeNull();
		expect(await familyGrant(w.db, w.staff.colleague, w.family.id, 'signIn.reset')).toBeNull();
		// Without a grant for it (a view grant, a family member's own), the service makes nothing.
		const viewOnly = await grantFor(w.db, w.staff.colleague, w.family.id, 'family.view');
		expect(await createReset(w.db, viewOnly, w.members[0].id)).toEqual({ ok: false, reason: 'notFound' });
		const me = familyActor(w.members[0], w.user.id);
		expect(ownFamily(me, 'signIn.reset')).toBeNull();
		expect(await createReset(w.db, ownFamily(me)!, w.members[0].id)).toEqual({ ok: false, reason: 'notFound' });
		// The stand-in only while the contact person is away (from 7 days before).
		expect(await familyGrant(w.db, w.staff.standIn, w.family.id, 'signIn.reset')).toBeNull();
		await absence(w.db, w.contact, 2, 9, w.standIn.id);
		expect(await familyGrant(w.db, w.staff.standIn, w.family.id, 'signIn.reset')).not.toBeNull();
		expect(await familyGrant(w.db, w.staff.leader, w.family.id, 'signIn.reset')).not.toBeNull();
		expect(await w.db.select().from(invitations).where(eq(invitations.familyMemberId, w.members[0].id))).toHaveLength(0);
	});

	it('is audited like an invitation: one line, by the grant', async () => {
		const { db, family, staff, contact } = await made();
		const audit = await db.select().from(auditLog).where(eq(auditLog.familyId, family.id));
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actorUserId: staff.contact.id, actorStaffId: contact.id, action: 'signIn.reset' });
	});

	it('is refused for a member without a sign-in, and for someone outside the family', async () => {
		const w = await world();
		expect(await createReset(w.db, w.grant, w.members[1].id)).toEqual({ ok: false, reason: 'noSignIn' });
		const other = await makeFamily(w.db, w.team.id, w.contact.id);
		await makeUser(w.db, { familyMemberId: other.members[0].id });
		expect(await createReset(w.db, w.grant, other.members[0].id)).toEqual({ ok: false, reason: 'notFound' });
		expect(await createReset(w.db, w.grant, '00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, reason: 'notFound' });
		// And an invitation is not made for someone who has a sign-in (a reset is).
		const inviteGrant = await grantFor(w.db, w.staff.contact, w.family.id, 'invitation.create');
		expect(await createInvitation(w.db, inviteGrant, w.members[0].id)).toEqual({ ok: false, reason: 'hasSignIn' });
	});

	it('works for 24 hours, stores only hashes, and opens in the sign-in’s own language', async () => {
		const before = Date.now();
		const { db, token, code, created, user } = await made();
		expect(resetLifetimeMs).toBe(24 * hour);
		const [row] = await db
			.select()
			.from(invitations)
			.where(eq(invitations.id, token.split('.')[0]));
		expect(row.purpose).toBe('reset');
		expect(Math.abs(row.expiresAt.getTime() - (before + 24 * hour))).toBeLessThan(60_000);
		expect(created.expiresAt.getTime()).toBe(row.expiresAt.getTime());
		expect(JSON.stringify({ ...row, secretHash: [...row.secretHash], codeHash: [...row.codeHash!] })).not.toContain(token.split('.')[1]);
		await db.update(users).set({ locale: 'uk' }).where(eq(users.id, user.id));
		expect(await findLinkByToken(db, token)).toMatchObject({ purpose: 'reset', userId: user.id, language: 'uk' });
		expect(await lookUpLink(db, { code }, address(), new Date(Date.now() + 23 * hour))).toMatchObject({ ok: true });
		expect(await lookUpLink(db, { code }, address(), new Date(Date.now() + 25 * hour))).toEqual({ ok: false, reason: 'invalid' });
		expect(await resetPassword(db, { token }, { password: fresh, address: address() }, new Date(Date.now() + 25 * hour))).toEqual({
			ok: false,
			reason: 'invalid'
		});
	});

	it('sets the new password and ends every session the sign-in had, once', async () => {
		const { db, token, user } = await made();
		const phone = await createSession(db, user.id, 'family', 'Chrome · Android');
		const lost = await createSession(db, user.id, 'family', 'Safari · iOS');
		const result = await resetPassword(db, { token }, { password: fresh, address: address() });
		expect(result).toEqual({ ok: true, userId: user.id, endedSessions: 2 });
		expect(await validateSessionToken(db, phone.token)).toBeNull();
		expect(await validateSessionToken(db, lost.token)).toBeNull();
		expect(await listSessions(db, user.id)).toEqual([]);
		const [row] = await db.select().from(users).where(eq(users.id, user.id));
		expect(await verifyPassword(row.passwordHash, fresh)).toBe(true);
		expect(await verifyPassword(row.passwordHash, old)).toBe(false);
		expect(await signIn(db, { login: user.email, password: fresh, address: address(), device: 'd' })).toMatchObject({ ok: true });
		expect(await signIn(db, { login: user.email, password: old, address: address(), device: 'd' })).toEqual({
			ok: false,
			reason: 'wrongCredentials'
		});
		// Single use.
		expect(await resetPassword(db, { token }, { password: 'tredje kode her', address: address() })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await findLinkByToken(db, token)).toBeNull();
	});

	it('works by its short code too, for a sign-in by phone', async () => {
		const w = await world();
		const grandmother = await makePhoneUser(w.db, { familyMemberId: w.members[2].id }, await hashPassword(old));
		const created = await createReset(w.db, w.grant, w.members[2].id);
		if (!created.ok) throw new Error('expected a reset link');
		const session = await createSession(w.db, grandmother.id, 'family', '');
		expect(await resetPassword(w.db, { code: created.code.toLowerCase() }, { password: fresh, address: address() })).toMatchObject({
			ok: true,
			endedSessions: 1
		});
		expect(await validateSessionToken(w.db, session.token)).toBeNull();
		expect(await signIn(w.db, { login: grandmother.phone, password: fresh, address: address(), device: 'd' })).toMatchObject({ ok: true });
		expect(await resetPassword(w.db, { code: created.code }, { password: 'tredje kode her', address: address() })).toEqual({
			ok: false,
			reason: 'invalid'
		});
	});

	it('keeps the password rules (also the person’s own e-mail and phone) without spending the link', async () => {
		const w = await made();
		for (const [password, problem] of [
			['kort', 'tooShort'],
			['password123', 'tooCommon'],
			[w.user.email, 'tooCommon']
		] as const) {
			expect(await resetPassword(w.db, { token: w.token }, { password, address: address() })).toEqual({
				ok: false,
				reason: 'password',
				problem
			});
		}
		expect(await findLinkByToken(w.db, w.token)).not.toBeNull();
		expect((await resetPassword(w.db, { token: w.token }, { password: fresh, address: address() })).ok).toBe(true);
	});

	it('is one open link per person: a new reset replaces the old one, also when six are made at once', async () => {
		const w = await made();
		const second = await createReset(w.db, w.grant, w.members[0].id);
		if (!second.ok) throw new Error('expected a second link');
		expect(await findLinkByToken(w.db, w.token)).toBeNull();
		expect(await lookUpLink(w.db, { code: w.code }, address())).toEqual({ ok: false, reason: 'invalid' });
		const results = await Promise.all(Array.from({ length: 6 }, () => createReset(w.db, w.grant, w.members[0].id)));
		expect(results.every((r) => r.ok)).toBe(true);
		const open = await w.db
			.select()
			.from(invitations)
			.where(and(eq(invitations.familyMemberId, w.members[0].id), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
		expect(open).toHaveLength(1);
	});

	it('is not an invitation, nor an invitation a reset', async () => {
		const w = await made();
		expect(
			await acceptInvitation(w.db, { token: w.token }, { login: 'x@example.org', password: fresh, locale: 'da', address: address() })
		).toEqual({
			ok: false,
			reason: 'invalid'
		});
		const inviteGrant = await grantFor(w.db, w.staff.contact, w.family.id, 'invitation.create');
		const invitation = await createInvitation(w.db, inviteGrant, w.members[1].id);
		if (!invitation.ok) throw new Error('expected an invitation');
		expect(await resetPassword(w.db, { token: invitation.token }, { password: fresh, address: address() })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await resetPassword(w.db, { code: invitation.code }, { password: fresh, address: address() })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await findLinkByToken(w.db, w.token)).not.toBeNull();
	});

	it('is throttled like an invitation: made-up links cost no hashing, one link gets 5 tries', async () => {
		const w = await made();
		let hashes = 0;
		const counting = (password: string) => (hashes++, hashPassword(password));
		const from = address();
		const tries = [];
		for (let i = 0; i < 10; i++)
			tries.push(
				await resetPassword(
					w.db,
					{ token: `${'a'.repeat(39)}.${'b'.repeat(39)}` },
					{ password: fresh, address: from },
					new Date(),
					counting
				)
			);
		expect(tries.every((r) => !r.ok && r.reason === 'invalid')).toBe(true);
		expect(hashes).toBe(0);
		expect(await resetPassword(w.db, { token: w.token }, { password: fresh, address: from })).toMatchObject({ reason: 'throttled' });
		for (let i = 0; i < 5; i++) await resetPassword(w.db, { token: w.token }, { password: 'kort', address: address() });
		expect(await resetPassword(w.db, { token: w.token }, { password: fresh, address: address() })).toMatchObject({ reason: 'throttled' });
	});
});
