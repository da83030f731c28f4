import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { makeFamily, makeStaff, makeTeam, makeUser } from './fixtures';
import {
	createSession,
	deleteExpiredSessions,
	endOtherSessions,
	endOwnSession,
	invalidateSession,
	listSessions,
	sessionPolicy,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { hashPassword } from '../../src/lib/server/auth/password';
import { signIn } from '../../src/lib/server/auth/signin';
import { deleteStaleThrottles, takeAttempts } from '../../src/lib/server/auth/throttle';
import { sessions, signInThrottle, users } from '../../src/lib/server/db/schema';

describeEachBackend('sessions', (ctx) => {
	async function familyUser() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const s = await makeStaff(db, team.id);
		const { members } = await makeFamily(db, team.id, s.id);
		return { db, user: await makeUser(db, { familyMemberId: members[0].id }), staffUser: await makeUser(db, { staffId: s.id }) };
	}

	it('stores only a hash of the secret and finds the user from the token', async () => {
		const { db, user } = await familyUser();
		const { token, id } = await createSession(db, user.id, 'family', 'Chrome · Android');
		const [id2, secret] = token.split('.');
		expect(id2).toBe(id);
		expect(secret.length).toBeGreaterThanOrEqual(26); // ≥ 128 bits in base32
		const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
		expect(row.secretHash).toHaveLength(32);
		expect(Buffer.from(row.secretHash).toString('utf8')).not.toContain(secret);
		const valid = await validateSessionToken(db, token);
		expect(valid?.user).toMatchObject({ kind: 'family', id: user.id });
	});

	it('rejects a wrong secret, a malformed token and an ended session', async () => {
		const { db, user } = await familyUser();
		const { token, id } = await createSession(db, user.id, 'family', '');
		const [sid, secret] = token.split('.');
		const flipped = secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a');
		expect(await validateSessionToken(db, `${sid}.${flipped}`)).toBeNull();
		expect(await validateSessionToken(db, sid)).toBeNull();
		expect(await validateSessionToken(db, `${sid}.${secret}.x`)).toBeNull();
		await invalidateSession(db, id);
		expect(await validateSessionToken(db, token)).toBeNull();
	});

	it('times out after inactivity and after the absolute lifetime, per kind of user', async () => {
		const { db, user, staffUser } = await familyUser();
		const fam = await createSession(db, user.id, 'family', '');
		const stf = await createSession(db, staffUser.id, 'staff', '');
		const now = Date.now();
		const at = (ms: number) => new Date(now + ms);
		// Staff time out sooner than families.
		expect(await validateSessionToken(db, stf.token, at(sessionPolicy.staff.inactivityMs + 1000))).toBeNull();
		expect(await validateSessionToken(db, fam.token, at(sessionPolicy.staff.inactivityMs + 1000))).not.toBeNull();
		// Activity extends a session, but never past its absolute lifetime.
		let t = 0;
		while (t + sessionPolicy.family.inactivityMs / 2 < sessionPolicy.family.absoluteMs) {
			t += sessionPolicy.family.inactivityMs / 2;
			expect(await validateSessionToken(db, fam.token, at(t))).not.toBeNull();
		}
		expect(await validateSessionToken(db, fam.token, at(sessionPolicy.family.absoluteMs + 1000))).toBeNull();
		// The expired session is gone from the table.
		expect(await db.select().from(sessions).where(eq(sessions.id, fam.id))).toHaveLength(0);
	});

	it('says the session was extended only when activity moved its expiry', async () => {
		const { db, user } = await familyUser();
		const { token } = await createSession(db, user.id, 'family', '');
		const first = await validateSessionToken(db, token);
		expect(first?.extended).toBe(false);
		const later = await validateSessionToken(db, token, new Date(Date.now() + 10 * 60_000));
		expect(later?.extended).toBe(true);
		expect(later!.expiresAt.getTime()).toBeGreaterThan(first!.expiresAt.getTime());
	});

	it('lets users list and end their own sessions, and only their own', async () => {
		const { db, user, staffUser } = await familyUser();
		const a = await createSession(db, user.id, 'family', 'Chrome · Android');
		const b = await createSession(db, user.id, 'family', 'Firefox · Windows');
		const c = await createSession(db, user.id, 'family', 'Safari · iOS');
		const other = await createSession(db, staffUser.id, 'staff', '');
		expect((await listSessions(db, user.id)).map((s) => s.id).sort()).toEqual([a.id, b.id, c.id].sort());
		expect(await endOwnSession(db, user.id, other.id)).toBe(false);
		expect(await validateSessionToken(db, other.token)).not.toBeNull();
		expect(await endOwnSession(db, user.id, b.id)).toBe(true);
		expect(await endOtherSessions(db, user.id, a.id)).toBe(1);
		expect((await listSessions(db, user.id)).map((s) => s.id)).toEqual([a.id]);
	});

	it('housekeeping removes sessions past every lifetime and keeps live ones', async () => {
		const { db, user } = await familyUser();
		const live = await createSession(db, user.id, 'family', '');
		const stale = await createSession(db, user.id, 'family', '');
		const longAgo = new Date(Date.now() - sessionPolicy.family.absoluteMs - 60_000);
		await db.update(sessions).set({ createdAt: longAgo, lastActiveAt: longAgo }).where(eq(sessions.id, stale.id));
		await deleteExpiredSessions(db);
		expect((await listSessions(db, user.id)).map((s) => s.id)).toEqual([live.id]);
	});
});

describeEachBackend('sign-in', (ctx) => {
	async function account(password: string) {
		const { db } = ctx();
		const team = await makeTeam(db);
		const s = await makeStaff(db, team.id);
		const user = await makeUser(db, { staffId: s.id }, await hashPassword(password));
		return { db, user };
	}
	const attempt = (login: string, password: string, address: string) => ({ login, password, address, device: 'test-device' });

	it('signs in with the right password, whatever the case and spacing of the email', async () => {
		const { db, user } = await account('blå cykel tirsdag');
		const result = await signIn(db, attempt(`  ${user.email.toUpperCase()} `, 'blå cykel tirsdag', '10.0.0.1'));
		expect(result).toEqual({ ok: true, userId: user.id, kind: 'staff' });
	});

	it('answers an unknown email exactly as a wrong password', async () => {
		const { db, user } = await account('blå cykel tirsdag');
		const wrong = await signIn(db, attempt(user.email, 'forkert kodeord', '10.0.0.2'));
		const unknown = await signIn(db, attempt('nobody-here@example.org', 'forkert kodeord', '10.0.0.2'));
		expect(wrong).toEqual({ ok: false, reason: 'wrongCredentials' });
		expect(unknown).toEqual(wrong);
	});

	it('housekeeping forgets counts older than a day, not current ones', async () => {
		const { db } = ctx();
		const now = new Date();
		await takeAttempts(db, [['signInAddress', '10.50.0.1']], new Date(now.getTime() - 2 * 24 * 3600_000));
		await takeAttempts(db, [['signInAddress', '10.50.0.2']], now);
		await deleteStaleThrottles(db, now);
		const keys = (await db.select({ key: signInThrottle.key }).from(signInThrottle)).map((r) => r.key);
		expect(keys).not.toContain('signInAddress:10.50.0.1');
		expect(keys).toContain('signInAddress:10.50.0.2');
	});

	it('hashes with argon2id at ≥ 19 MiB and 2 iterations', async () => {
		const { db, user } = await account('blå cykel tirsdag');
		const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
		const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=\d+\$/.exec(row.hash);
		expect(m).not.toBeNull();
		expect(Number(m![1])).toBeGreaterThanOrEqual(19456);
		expect(Number(m![2])).toBeGreaterThanOrEqual(2);
	});
});
