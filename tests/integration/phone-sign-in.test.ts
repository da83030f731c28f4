/**
 * A sign-in by phone number (item 4 of the first-meeting issue): the database keeps phones
 * normalised, unique and shaped like E.164, and a sign-in needs an e-mail or a phone; signing in
 * with a phone answers and throttles exactly like signing in with an e-mail.
 */
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { grantFor, makeFamily, makePhoneUser, makeStaff, makeTeam, makeUser, newPhone, staffActor } from './fixtures';
import { sqlState } from '../../src/lib/server/db';
import { users } from '../../src/lib/server/db/schema';
import { signIn } from '../../src/lib/server/auth/signin';
import { hashPassword, verifyPassword } from '../../src/lib/server/auth/password';
import { rules } from '../../src/lib/server/auth/throttle';
import { acceptInvitation, createInvitation } from '../../src/lib/server/auth/invitations';
import { validateSessionToken, createSession } from '../../src/lib/server/auth/session';

const right = 'blå cykel tirsdag';
const failsWith = (code: string) => (e: unknown) => sqlState(e) === code;
let n = 0;
const somewhere = () => ({ address: `203.0.113.${++n % 250}-${n}`, device: `device-${n}` });

describeEachBackend('phone numbers in the database', (ctx) => {
	async function family(count = 3) {
		const { db } = ctx();
		const team = await makeTeam(db);
		const s = await makeStaff(db, team.id);
		const { members } = await makeFamily(
			db,
			team.id,
			s.id,
			Array.from({ length: count }, () => ({ role: 'parent' as const }))
		);
		return { db, members, staff: s };
	}

	it('keeps a sign-in with a phone and no e-mail, and one with both', async () => {
		const { db, members } = await family();
		const phoneOnly = await makePhoneUser(db, { familyMemberId: members[0].id });
		expect(phoneOnly).toMatchObject({ email: null, phone: expect.stringMatching(/^\+45\d{8}$/) });
		const phone = newPhone();
		const [both] = await db
			.insert(users)
			.values({ email: `both-${members[1].id}@example.org`, phone, passwordHash: 'x', familyMemberId: members[1].id })
			.returning();
		expect(both.phone).toBe(phone);
	});

	it('refuses a sign-in with neither an e-mail nor a phone', async () => {
		const { db, members } = await family();
		await expect(db.insert(users).values({ passwordHash: 'x', familyMemberId: members[0].id })).rejects.toSatisfy(failsWith('23514'));
		const user = await makeUser(db, { familyMemberId: members[1].id });
		await expect(db.update(users).set({ email: null }).where(eq(users.id, user.id))).rejects.toSatisfy(failsWith('23514'));
		const phoneUser = await makePhoneUser(db, { familyMemberId: members[2].id });
		await expect(db.update(users).set({ phone: null }).where(eq(users.id, phoneUser.id))).rejects.toSatisfy(failsWith('23514'));
	});

	it('refuses two sign-ins with the same phone', async () => {
		const { db, members } = await family();
		const first = await makePhoneUser(db, { familyMemberId: members[0].id });
		await expect(db.insert(users).values({ phone: first.phone, passwordHash: 'x', familyMemberId: members[1].id })).rejects.toSatisfy(
			failsWith('23505')
		);
		// Several sign-ins without a phone are fine (NULLs are distinct).
		await makeUser(db, { familyMemberId: members[1].id });
		await makeUser(db, { familyMemberId: members[2].id });
	});

	it('stores only normalised phone numbers: +, a country code, digits; 8 digits after +45', async () => {
		const { db, members } = await family(1);
		for (const phone of [
			'12345678',
			'+45 12 34 56 78',
			'004512345678',
			'+451234567',
			'+45123456789',
			'+0123456789',
			'+12345',
			'tel:+4512345678'
		]) {
			await expect(db.insert(users).values({ phone, passwordHash: 'x', familyMemberId: members[0].id }), phone).rejects.toSatisfy(
				failsWith('23514')
			);
		}
		const abroad = await db.insert(users).values({ phone: '+46701234567', passwordHash: 'x', familyMemberId: members[0].id }).returning();
		expect(abroad[0].phone).toBe('+46701234567');
	});
});

describeEachBackend('signing in with a phone number', (ctx) => {
	async function grandmother() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const s = await makeStaff(db, team.id);
		const { members } = await makeFamily(db, team.id, s.id, [{ role: 'other_adult' }, { role: 'parent' }]);
		const user = await makePhoneUser(db, { familyMemberId: members[0].id }, await hashPassword(right));
		const local = user.phone.slice(3);
		return { db, user, local, members, staff: s };
	}

	it('signs in with the phone number however it is written', async () => {
		const { db, user, local } = await grandmother();
		const spaced = local.replace(/(\d\d)(?=\d)/g, '$1 ');
		for (const typed of [local, spaced, `+45 ${spaced}`, `0045${local}`, `+45-${local.slice(0, 4)}-${local.slice(4)}`]) {
			expect(await signIn(db, { login: typed, password: right, ...somewhere() }), typed).toEqual({
				ok: true,
				userId: user.id,
				kind: 'family'
			});
		}
		const session = await createSession(db, user.id, 'family', '');
		expect((await validateSessionToken(db, session.token))?.user).toMatchObject({ email: null, phone: user.phone });
	});

	it('answers a wrong password and an unknown phone the same way', async () => {
		const { db, user } = await grandmother();
		const wrong = await signIn(db, { login: user.phone, password: 'forkert kodeord', ...somewhere() });
		const unknown = await signIn(db, { login: newPhone(), password: 'forkert kodeord', ...somewhere() });
		const unknownEmail = await signIn(db, { login: `nobody-${user.id}@example.org`, password: 'forkert kodeord', ...somewhere() });
		expect(wrong).toEqual({ ok: false, reason: 'wrongCredentials' });
		expect(unknown).toEqual(wrong);
		expect(unknownEmail).toEqual(wrong);
		// Counted against the sign-in, for the team's notice.
		const [row] = await db.select({ n: users.failedSignIns }).from(users).where(eq(users.id, user.id));
		expect(row.n).toBe(1);
	});

	it('is throttled per phone however the number is written, and an unknown phone exactly like a real one', async () => {
		const { db, user, local } = await grandmother();
		const from = { address: '198.51.100.77', device: 'laptop' };
		const now = Date.now();
		const ways = [user.phone, local, `0045 ${local}`, `+45 ${local}`, local.replace(/(\d\d)(?=\d)/g, '$1-')];
		for (let i = 0; i < rules.signInAccountAddress.attempts; i++) {
			const result = await signIn(db, { login: ways[i % ways.length], password: `gæt ${i}`, ...from }, new Date(now + i * 31_000));
			expect(result).toEqual({ ok: false, reason: 'wrongCredentials' });
		}
		const later = new Date(now + 10 * 31_000);
		expect(await signIn(db, { login: local, password: right, ...from }, later)).toMatchObject({ reason: 'throttled' });
		// Another address is not blocked by it.
		expect(await signIn(db, { login: local, password: right, address: '198.51.100.78', device: 'laptop' }, later)).toMatchObject({
			ok: true
		});

		// A distributed guesser: the same answers, the same waits, for a real and an unknown phone.
		const real: string[] = [];
		const ghost: string[] = [];
		const ghostPhone = newPhone();
		const at = new Date();
		const other = await grandmother();
		for (let i = 0; i < 8; i++) {
			const a = await signIn(db, { login: other.user.phone, password: 'x', ...somewhere() }, at);
			const b = await signIn(db, { login: ghostPhone, password: 'x', ...somewhere() }, at);
			real.push(a.ok ? 'ok' : a.reason);
			ghost.push(b.ok ? 'ok' : b.reason);
		}
		expect(ghost).toEqual(real);
		expect(real).toContain('throttled');
	});

	it('lets an invitation be accepted with a phone number (no e-mail), which then signs in; a taken phone gets a neutral no', async () => {
		const { db, members, staff } = await grandmother();
		const grant = await grantFor(
			db,
			staffActor(staff, (await makeUser(db, { staffId: staff.id })).id),
			members[1].familyId,
			'invitation.create'
		);
		const created = await createInvitation(db, grant, members[1].id);
		if (!created.ok) throw new Error('expected a link');
		const taken = await acceptInvitation(
			db,
			{ token: created.token },
			{ login: `0045 ${(await grandmother()).user.phone.slice(3)}`, password: right, locale: 'tr', address: '198.51.100.89' }
		);
		expect(taken).toEqual({ ok: false, reason: 'loginUnavailable' });
		const phone = newPhone();
		const result = await acceptInvitation(
			db,
			{ token: created.token },
			{ login: phone.slice(3), password: right, locale: 'tr', address: '198.51.100.90' }
		);
		if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
		const [user] = await db.select().from(users).where(eq(users.id, result.userId));
		expect(user).toMatchObject({ email: null, phone, locale: 'tr', familyMemberId: members[1].id });
		expect(await verifyPassword(user.passwordHash, right)).toBe(true);
		expect(await signIn(db, { login: phone, password: right, ...somewhere() })).toMatchObject({ ok: true, userId: user.id });
	});
});
