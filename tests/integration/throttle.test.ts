/**
 * The sign-in and invitation throttles, as an attacker would meet them (the hardening
 * issue's findings 1 and 4). Parallel bursts matter on PostgreSQL, where requests really
 * overlap; on PGlite they run in turn and must give the same numbers.
 */
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { grantFor, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { signIn, attackNoticeAt } from '../../src/lib/server/auth/signin';
import { delayAfter, rules } from '../../src/lib/server/auth/throttle';
import { hashPassword } from '../../src/lib/server/auth/password';
import { acceptInvitation, createInvitation } from '../../src/lib/server/auth/invitations';
import { ownFamily, type FamilyGrant } from '../../src/lib/server/access';
import { getFamilyOverview } from '../../src/lib/server/families';
import { users } from '../../src/lib/server/db/schema';
import { newToken } from '../../src/lib/server/auth/tokens';

const right = 'blå cykel tirsdag';
const second = 1000;
let n = 0;
/** A fresh address and a fresh browser for each call: a stranger somewhere else. */
const stranger = () => ({ address: `203.0.113.${++n % 250}-${n}`, device: `stranger-${n}` });

describeEachBackend('sign-in throttle', (ctx) => {
	async function person() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const s = await makeStaff(db, team.id);
		const { family, members } = await makeFamily(db, team.id, s.id);
		const user = await makeUser(db, { familyMemberId: members[0].id }, await hashPassword(right));
		const staffUser = await makeUser(db, { staffId: s.id });
		const phone = { address: `192.0.2.${++n % 250}`, device: `phone-${n}` };
		// The person has signed in on their own phone before: it is a known device.
		expect((await signIn(db, { login: user.email, password: right, ...phone })).ok).toBe(true);
		return { db, user, phone, family, member: members[0], staff: staffActor(s, staffUser.id) };
	}
	const checks = async (db: ReturnType<typeof ctx>['db'], userId: string) =>
		(await db.select({ n: users.failedSignIns }).from(users).where(eq(users.id, userId)))[0].n;

	it("a stranger's wrong guesses never refuse the real person's right password on their own phone", async () => {
		const { db, user, phone } = await person();
		const from = { address: '198.51.100.66', device: 'attacker' };
		for (let i = 0; i < 12; i++) await signIn(db, { login: user.email, password: `gæt ${i}`, ...from });
		expect(await signIn(db, { login: user.email, password: 'gæt igen', ...from })).toMatchObject({ reason: 'throttled' });
		expect(await signIn(db, { login: user.email, password: right, ...phone })).toMatchObject({ ok: true });
	});

	it('one address gets 5 tries at one account per 15 minutes, then even the right password waits', async () => {
		const { db, user } = await person();
		const from = { address: '198.51.100.7', device: 'laptop' };
		const now = Date.now();
		for (let i = 0; i < rules.signInAccountAddress.attempts; i++) {
			// Spaced out, so the account-wide delay is not what stops them.
			const at = new Date(now + i * 31 * second);
			expect(await signIn(db, { login: user.email, password: `forkert ${i}`, ...from }, at)).toEqual({
				ok: false,
				reason: 'wrongCredentials'
			});
		}
		const later = new Date(now + 10 * 31 * second);
		const blocked = await signIn(db, { login: user.email, password: right, ...from }, later);
		expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
		// Another address is not blocked by it.
		expect(await signIn(db, { login: user.email, password: right, address: '198.51.100.8', device: 'laptop' }, later)).toMatchObject({
			ok: true
		});
		// And the block ends.
		const after = new Date(now + 4 * 31 * second + rules.signInAccountAddress.blockMs + second);
		expect(await signIn(db, { login: user.email, password: right, ...from }, after)).toMatchObject({ ok: true });
	});

	it('a parallel burst of 32 guesses from 32 addresses reaches the password check at most 5 times, and the person still gets in within 30 s', async () => {
		const { db, user, phone } = await person();
		const now = new Date();
		const results = await Promise.all(
			Array.from({ length: 32 }, (_, i) => signIn(db, { login: user.email, password: `gæt ${i}`, ...stranger() }, now))
		);
		const checked = results.filter((r) => !r.ok && r.reason === 'wrongCredentials').length;
		expect(checked).toBe(rules.signInAccount.free);
		expect(await checks(db, user.id)).toBe(checked);
		const waits = results.flatMap((r) => (!r.ok && r.reason === 'throttled' ? [r.retryAt.getTime() - now.getTime()] : []));
		expect(waits).toHaveLength(32 - checked);
		expect(Math.max(...waits)).toBeLessThanOrEqual(30 * second);

		// On their own phone: at once. On a borrowed phone from a new address: after the wait.
		expect(await signIn(db, { login: user.email, password: right, ...phone }, now)).toMatchObject({ ok: true });
		const borrowed = stranger();
		const refused = await signIn(db, { login: user.email, password: right, ...borrowed }, now);
		if (refused.ok || refused.reason !== 'throttled') throw new Error('expected a wait');
		expect(refused.retryAt.getTime() - now.getTime()).toBeLessThanOrEqual(30 * second);
		expect(await signIn(db, { login: user.email, password: right, ...borrowed }, refused.retryAt)).toMatchObject({ ok: true });
	});

	it('a person told to wait, who presses again and again, is never blocked by their own presses', async () => {
		const { db, user } = await person();
		const now = new Date();
		const borrowed = stranger();
		// Four typos of their own on a borrowed phone, then one guess from somewhere else:
		// the account now asks for a short wait.
		for (let i = 0; i < 4; i++) await signIn(db, { login: user.email, password: `tastefejl ${i}`, ...borrowed }, now);
		await signIn(db, { login: user.email, password: 'gæt', ...stranger() }, now);
		let last;
		for (let i = 0; i < 8; i++) last = await signIn(db, { login: user.email, password: right, ...borrowed }, now);
		if (!last || last.ok || last.reason !== 'throttled') throw new Error('expected a wait');
		// Still only the account's short wait, not a 15-minute block on this address.
		expect(last.retryAt.getTime() - now.getTime()).toBeLessThanOrEqual(30 * second);
		expect(await signIn(db, { login: user.email, password: right, ...borrowed }, last.retryAt)).toMatchObject({ ok: true });
	});

	it('a parallel burst from one address at one account is checked exactly 5 times', async () => {
		const { db, user } = await person();
		// A known device skips the account-wide delay, so only the per-address limit counts here.
		const from = { address: '198.51.100.99', device: 'phone-of-someone-else' };
		await signIn(db, { login: user.email, password: right, ...from });
		const results = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(db, { login: user.email, password: `x${i}`, ...from })));
		expect(results.filter((r) => !r.ok && r.reason === 'wrongCredentials')).toHaveLength(rules.signInAccountAddress.attempts);
	});

	it('a distributed guesser is slowed 1 s, 2 s, 4 s … never more than 30 s, and the account is never locked', async () => {
		const { db, user } = await person();
		let at = Date.now();
		const waits: number[] = [];
		for (let checked = 0; checked < 14;) {
			const result = await signIn(db, { login: user.email, password: `gæt ${checked}`, ...stranger() }, new Date(at));
			if (result.ok) throw new Error('a wrong password got in');
			if (result.reason === 'throttled') {
				waits.push(result.retryAt.getTime() - at);
				at = result.retryAt.getTime();
			} else checked++;
		}
		// Five free guesses, then 1, 2, 4, 8, 16 and at most 30 seconds before each next one.
		expect(waits).toEqual([1, 2, 4, 8, 16, 30, 30, 30, 30].map((s) => s * second));
		expect(waits).toEqual(Array.from({ length: 9 }, (_, i) => delayAfter(rules.signInAccount, i + 5)));
		// 14 wrong guesses later, the right password from anywhere gets in after at most 30 s.
		const anywhere = stranger();
		const wait = await signIn(db, { login: user.email, password: right, ...anywhere }, new Date(at));
		if (wait.ok || wait.reason !== 'throttled') throw new Error('expected a wait');
		expect(wait.retryAt.getTime() - at).toBeLessThanOrEqual(30 * second);
		expect(await signIn(db, { login: user.email, password: right, ...anywhere }, wait.retryAt)).toMatchObject({ ok: true });
	});

	it('an unknown email is slowed exactly like a real one, so the throttle reveals nothing', async () => {
		const { db, user } = await person();
		const now = new Date();
		const real: string[] = [];
		const ghost: string[] = [];
		for (let i = 0; i < 8; i++) {
			const a = await signIn(db, { login: user.email, password: 'x', ...stranger() }, now);
			const b = await signIn(db, { login: `ghost-${user.id}@example.org`, password: 'x', ...stranger() }, now);
			real.push(a.ok ? 'ok' : a.reason);
			ghost.push(b.ok ? 'ok' : b.reason);
		}
		expect(ghost).toEqual(real);
		expect(real).toContain('throttled');
	});

	it('an address trying many accounts is stopped after 30 wrong guesses; right ones do not count', async () => {
		const { db, user } = await person();
		const from = { address: '198.51.100.200', device: 'shared-pc' };
		for (let i = 0; i < 40; i++) await signIn(db, { login: user.email, password: right, ...from });
		for (let i = 0; i < rules.signInAddress.attempts; i++) {
			expect(await signIn(db, { login: `guess${i}-${user.id}@example.org`, password: 'x', ...from })).toMatchObject({
				reason: 'wrongCredentials'
			});
		}
		expect(await signIn(db, { login: user.email, password: right, ...from })).toMatchObject({ reason: 'throttled' });
		expect(await signIn(db, { login: user.email, password: right, address: '198.51.100.201', device: 'shared-pc' })).toMatchObject({
			ok: true
		});
	});

	it("shows the team, not the family, that someone is guessing a member's password", async () => {
		const { db, user, family, member, staff } = await person();
		let at = Date.now();
		const overview = async (grant: FamilyGrant) =>
			(await getFamilyOverview(db, grant))!.members.find((m) => m.id === member.id)!.signInAlert;
		const staffGrant = await grantFor(db, staff, family.id);
		for (let i = 0; i < attackNoticeAt; i++) {
			if (i === attackNoticeAt - 1) expect(await overview(staffGrant)).toBeNull();
			const r = await signIn(db, { login: user.email, password: `gæt ${i}`, ...stranger() }, new Date(at));
			expect(r).toMatchObject({ reason: 'wrongCredentials' });
			at += 31 * second;
		}
		expect(await overview(staffGrant)).toBe(attackNoticeAt);
		const me = {
			kind: 'family',
			id: user.id,
			email: user.email,
			phone: null,
			locale: 'da',
			memberId: member.id,
			familyId: family.id,
			name: member.name,
			role: member.role
		} as const;
		expect(await overview(ownFamily(me)!)).toBeNull();
	});
});

describeEachBackend('invitation throttle', (ctx) => {
	async function link() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const s = await makeStaff(db, team.id);
		const { family, members } = await makeFamily(db, team.id, s.id, [{ role: 'parent' }, { role: 'parent' }]);
		const taken = await makeUser(db, { familyMemberId: members[0].id });
		const grant = await grantFor(db, staffActor(s, (await makeUser(db, { staffId: s.id })).id), family.id, 'invitation.create');
		const created = await createInvitation(db, grant, members[1].id);
		if (!created.ok) throw new Error('expected a link');
		return { db, token: created.token, taken };
	}
	const input = (login: string, address: string) => ({ login, password: right, locale: 'da', address });

	it('checks the link before hashing: made-up links cost no password hashing', async () => {
		const { db } = await link();
		let hashes = 0;
		const counting = (password: string) => (hashes++, hashPassword(password));
		for (let i = 0; i < 10; i++) {
			const result = await acceptInvitation(db, { token: newToken().token }, input('a@example.org', `198.18.0.${i}`), new Date(), counting);
			expect(result).toEqual({ ok: false, reason: 'invalid' });
		}
		expect(hashes).toBe(0);
		// A real link is hashed once, when it is used.
		const { token } = await link();
		expect(await acceptInvitation(db, { token: token }, input(`ny-${n}@example.org`, '198.18.0.99'), new Date(), counting)).toMatchObject({
			ok: true
		});
		expect(hashes).toBe(1);
	});

	it('an address trying made-up links is stopped after 10', async () => {
		const { db, token } = await link();
		for (let i = 0; i < rules.invitationAddress.attempts; i++) {
			expect(await acceptInvitation(db, { token: newToken().token }, input('a@example.org', '198.18.1.1'))).toMatchObject({
				reason: 'invalid'
			});
		}
		expect(await acceptInvitation(db, { token: token }, input('fresh@example.org', '198.18.1.1'))).toMatchObject({ reason: 'throttled' });
	});

	it('a real link cannot be used to try e-mail after e-mail: a neutral answer, then a wait', async () => {
		const { db, token, taken } = await link();
		for (let i = 0; i < rules.invitationLink.attempts; i++) {
			expect(await acceptInvitation(db, { token: token }, input(taken.email, `198.18.2.${i}`))).toEqual({
				ok: false,
				reason: 'loginUnavailable'
			});
		}
		expect(await acceptInvitation(db, { token: token }, input(`unused-${n}@example.org`, '198.18.2.99'))).toMatchObject({
			reason: 'throttled'
		});
	});
});
