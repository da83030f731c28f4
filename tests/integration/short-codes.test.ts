/**
 * Short codes (item 3 of the first-meeting issue): the 8-character code on a sign-in letter
 * leads to the same link as the long link and the QR code — typed any case, with or without
 * spaces and dashes — is stored only as a hash, expires and is spent with its link, and is
 * throttled per address, per link and for everyone together (SECURITY.md has the numbers).
 */
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { grantFor, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { acceptInvitation, createInvitation, findInvitation } from '../../src/lib/server/auth/invitations';
import { lookUpLink } from '../../src/lib/server/auth/links';
import { forget, rules } from '../../src/lib/server/auth/throttle';
import { hashPassword } from '../../src/lib/server/auth/password';
import { hashShortCode, newShortCode } from '../../src/lib/server/auth/tokens';
import { formatShortCode, normaliseShortCode } from '../../src/lib/short-code';
import { invitations } from '../../src/lib/server/db/schema';

const day = 24 * 3600_000;
let n = 0;
const address = () => `198.18.${++n % 250}.${n}`;
const input = (login: string, at = address()) => ({ login, password: 'blå cykel tirsdag', locale: 'so', address: at });

/** The same code as a person might type it. */
const ways = (code: string) => [
	code,
	code.toLowerCase(),
	formatShortCode(code),
	` ${code.slice(0, 4).toLowerCase()} ${code.slice(4)} `,
	`${code.slice(0, 2)}-${code.slice(2, 6)}-${code.slice(6)}`
];

/** A well-formed code that is (almost surely) nobody's. */
const madeUp = () => newShortCode();

describeEachBackend('short codes', (ctx) => {
	async function invited() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const s = await makeStaff(db, team.id);
		const { family, members } = await makeFamily(db, team.id, s.id, [{ role: 'parent' }, { role: 'other_adult', preferredLanguage: 'so' }]);
		const grant = await grantFor(db, staffActor(s, (await makeUser(db, { staffId: s.id })).id), family.id, 'invitation.create');
		const created = await createInvitation(db, grant, members[1].id);
		if (!created.ok) throw new Error('expected a link');
		return { db, grant, members, family, token: created.token, code: created.code, created };
	}

	it('comes with every link: 8 characters without look-alikes, stored only as a hash', async () => {
		const { db, token, code } = await invited();
		expect(normaliseShortCode(code)).toBe(code);
		const [row] = await db
			.select()
			.from(invitations)
			.where(eq(invitations.id, token.split('.')[0]));
		expect(row.codeHash).toEqual(hashShortCode(code));
		const stored = JSON.stringify({
			...row,
			secretHash: Buffer.from(row.secretHash).toString('latin1'),
			codeHash: Buffer.from(row.codeHash!).toString('latin1')
		});
		expect(stored).not.toContain(code);
		expect(stored.toLowerCase()).not.toContain(code.toLowerCase());
	});

	it('leads to the same link as the long link, however it is typed', async () => {
		const { db, token, code, members } = await invited();
		const byLink = await findInvitation(db, token);
		for (const typed of ways(code)) {
			const found = await lookUpLink(db, { code: typed }, address());
			expect(found, typed).toMatchObject({ ok: true, link: { id: byLink!.id, memberId: members[1].id, language: 'so' } });
		}
	});

	it('is accepted by its code, and then neither the code nor the long link works again', async () => {
		const { db, token, code, members, family } = await invited();
		const result = await acceptInvitation(db, { code: formatShortCode(code).toLowerCase() }, input(`ifrah-${family.id}@example.org`));
		expect(result.ok).toBe(true);
		expect(await lookUpLink(db, { code }, address())).toEqual({ ok: false, reason: 'invalid' });
		expect(await findInvitation(db, token)).toBeNull();
		expect(await acceptInvitation(db, { token }, input(`again-${members[1].id}@example.org`))).toEqual({ ok: false, reason: 'invalid' });
		expect(await acceptInvitation(db, { code }, input(`again2-${members[1].id}@example.org`))).toEqual({ ok: false, reason: 'invalid' });
	});

	it('stops working when the long link is used, when a newer link is made, and after 7 days', async () => {
		const first = await invited();
		expect((await acceptInvitation(first.db, { token: first.token }, input(`used-${first.family.id}@example.org`))).ok).toBe(true);
		expect(await lookUpLink(first.db, { code: first.code }, address())).toEqual({ ok: false, reason: 'invalid' });

		const w = await invited();
		const newer = await createInvitation(w.db, w.grant, w.members[1].id);
		if (!newer.ok) throw new Error('expected a newer link');
		expect(newer.code).not.toBe(w.code);
		expect(await lookUpLink(w.db, { code: w.code }, address())).toEqual({ ok: false, reason: 'invalid' });
		expect(await lookUpLink(w.db, { code: newer.code }, address())).toMatchObject({ ok: true });

		const later = (days: number) => new Date(Date.now() + days * day);
		expect(await lookUpLink(w.db, { code: newer.code }, address(), later(6.9))).toMatchObject({ ok: true });
		expect(await lookUpLink(w.db, { code: newer.code }, address(), later(7.1))).toEqual({ ok: false, reason: 'invalid' });
		expect(await acceptInvitation(w.db, { code: newer.code }, input(`late-${w.family.id}@example.org`), later(7.1))).toEqual({
			ok: false,
			reason: 'invalid'
		});
	});

	it('finds nothing, and costs nothing, for text that cannot be a code', async () => {
		const { db } = await invited();
		const from = address();
		for (let i = 0; i < rules.codeAddress.attempts * 2; i++) {
			expect(await lookUpLink(db, { code: ['0OIL1234', '', 'x'.repeat(40), 'K7QX/M4PD'][i % 4] }, from)).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
		// None of them counted: a real code still goes through from that address.
		const { code } = await invited();
		expect(await lookUpLink(db, { code }, from)).toMatchObject({ ok: true });
	});

	it('one address gets 10 wrong codes in 15 minutes, then even a right one waits; a right code gives its try back', async () => {
		const { db, code } = await invited();
		const from = address();
		// Looking up the right code again and again (the form, then the page) never counts.
		for (let i = 0; i < rules.codeAddress.attempts * 2; i++) expect(await lookUpLink(db, { code }, from)).toMatchObject({ ok: true });
		const now = Date.now();
		for (let i = 0; i < rules.codeAddress.attempts; i++) {
			expect(await lookUpLink(db, { code: madeUp() }, from, new Date(now + i * 1000))).toEqual({ ok: false, reason: 'invalid' });
		}
		const blocked = await lookUpLink(db, { code }, from, new Date(now + 20_000));
		if (blocked.ok || blocked.reason !== 'throttled') throw new Error('expected a wait');
		expect(blocked.retryAt.getTime() - (now + 9000)).toBe(rules.codeAddress.blockMs);
		// Another address is not slowed by it; the block ends.
		expect(await lookUpLink(db, { code }, address(), new Date(now + 20_000))).toMatchObject({ ok: true });
		expect(await lookUpLink(db, { code }, from, new Date(now + 9000 + rules.codeAddress.blockMs + 1000))).toMatchObject({ ok: true });
	});

	it('checks the code before hashing: made-up codes cost no password hashing', async () => {
		const { db, code, family } = await invited();
		let hashes = 0;
		const counting = (password: string) => (hashes++, hashPassword(password));
		for (let i = 0; i < 5; i++) {
			expect(await acceptInvitation(db, { code: madeUp() }, input('a@example.org'), new Date(), counting)).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
		expect(hashes).toBe(0);
		expect(await acceptInvitation(db, { code }, input(`real-${family.id}@example.org`), new Date(), counting)).toMatchObject({ ok: true });
		expect(hashes).toBe(1);
	});

	it('shares the link’s own limit: 5 tries to use one link in 15 minutes, by code and long link together', async () => {
		const { db, token, code, members } = await invited();
		const taken = await makeUser(db, { familyMemberId: members[0].id });
		for (let i = 0; i < rules.invitationLink.attempts; i++) {
			const ref = i % 2 ? { token } : { code };
			expect(await acceptInvitation(db, ref, input(taken.email))).toEqual({ ok: false, reason: 'loginUnavailable' });
		}
		expect(await acceptInvitation(db, { code }, input(`fresh-${members[1].id}@example.org`))).toMatchObject({ reason: 'throttled' });
		expect(await acceptInvitation(db, { token }, input(`fresh-${members[1].id}@example.org`))).toMatchObject({ reason: 'throttled' });
	});

	it('pauses code entry for everyone after 100 wrong codes in 15 minutes; the long link keeps working', async () => {
		const { db, token, code } = await invited();
		// Earlier tests' wrong codes counted here too: start from none.
		await forget(db, ['codeEverywhere', 'all']);
		const now = new Date();
		expect(rules.codeEverywhere).toMatchObject({ attempts: 100, windowMs: 15 * 60_000, blockMs: 15 * 60_000 });
		// 10 addresses, 10 wrong codes each: every address stays within its own limit.
		for (let i = 0; i < rules.codeEverywhere.attempts; i++) {
			const from = `198.19.${Math.floor(i / rules.codeAddress.attempts)}.1`;
			expect(await lookUpLink(db, { code: madeUp() }, from, now)).toEqual({ ok: false, reason: 'invalid' });
		}
		const paused = await lookUpLink(db, { code }, address(), now);
		if (paused.ok || paused.reason !== 'throttled') throw new Error('expected code entry to pause');
		expect(paused.retryAt.getTime() - now.getTime()).toBe(rules.codeEverywhere.blockMs);
		expect(await acceptInvitation(db, { code }, input('paused@example.org'), now)).toMatchObject({ reason: 'throttled' });
		expect(await findInvitation(db, token, now)).not.toBeNull();
		expect(await lookUpLink(db, { token }, address(), now)).toMatchObject({ ok: true });
		// After the pause, codes work again.
		expect(await lookUpLink(db, { code }, address(), new Date(now.getTime() + rules.codeEverywhere.blockMs + 1000))).toMatchObject({
			ok: true
		});
		await forget(db, ['codeEverywhere', 'all']);
	});
});
