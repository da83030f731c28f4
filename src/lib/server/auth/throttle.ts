/**
 * Throttles for guessing: sign-in passwords, sign-in links and their short codes. Each attempt is *taken*
 * from its counters before the password or link is checked, in one atomic statement per
 * counter (an upsert that counts and decides under the row's lock), so a parallel burst
 * cannot slip more checks through than the limit. A successful attempt gives its count back.
 *
 * Two kinds of rule:
 * - `limit`: at most `attempts` per window; the attempt that reaches the limit blocks the
 *   key until `blockMs` later. Used per address, and per account *and* address — so a
 *   stranger's wrong guesses never block the real person on their own phone.
 * - `delay`: per account, across all addresses. After `free` attempts each further one must
 *   wait 1 s, 2 s, 4 s … at most `maxDelayMs` after the previous one. It never locks: a person
 *   waits at most 30 s, and a phone that has signed in to the account before (a device
 *   cookie) skips this rule altogether. The team sees an account under attack instead.
 * The numbers are in SECURITY.md and tests/integration/throttle.test.ts.
 */
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { signInThrottle as t } from '../db/schema';

type LimitRule = { kind: 'limit'; attempts: number; windowMs: number; blockMs: number };
type DelayRule = { kind: 'delay'; free: number; firstDelayMs: number; maxDelayMs: number; windowMs: number };

const minutes = (n: number) => n * 60_000;

export const rules = {
	/** Wrong passwords from one address, whichever accounts they name. */
	signInAddress: { kind: 'limit', attempts: 30, windowMs: minutes(15), blockMs: minutes(15) },
	/** Wrong passwords for one account from one address. */
	signInAccountAddress: { kind: 'limit', attempts: 5, windowMs: minutes(15), blockMs: minutes(15) },
	/** Wrong passwords for one account from anywhere (a distributed guesser): slowed, never locked. */
	signInAccount: { kind: 'delay', free: 5, firstDelayMs: 1000, maxDelayMs: 30_000, windowMs: minutes(24 * 60) },
	/** Tries to use a sign-in link (invitation or reset) from one address (mostly links that do not exist). */
	invitationAddress: { kind: 'limit', attempts: 10, windowMs: minutes(15), blockMs: minutes(15) },
	/** Tries to use one real link, by its long link or its short code (e.g. e-mail after e-mail that cannot be used). */
	invitationLink: { kind: 'limit', attempts: 5, windowMs: minutes(15), blockMs: minutes(15) },
	/** Short codes looked up from one address; a right code gives its try back. */
	codeAddress: { kind: 'limit', attempts: 10, windowMs: minutes(15), blockMs: minutes(15) },
	/**
	 * Wrong short codes from everywhere together (key "all"): the code space is small (31⁸), so
	 * a guesser with many addresses must not get far either — at most about 100 per 15 minutes.
	 * Reaching it pauses code entry for everyone for 15 minutes; long links and QR codes keep
	 * working. (Honest typos across a whole municipality come nowhere near it.)
	 */
	codeEverywhere: { kind: 'limit', attempts: 100, windowMs: minutes(15), blockMs: minutes(15) }
} as const satisfies Record<string, LimitRule | DelayRule>;

export type RuleName = keyof typeof rules;
export type Attempt = readonly [rule: RuleName, value: string];

const keyOf = ([rule, value]: Attempt) => `${rule}:${value}`;
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** The wait a delay rule asks for after its n-th attempt (0 while attempts are free). */
export function delayAfter(rule: DelayRule, n: number): number {
	return n < rule.free ? 0 : Math.min(rule.firstDelayMs * 2 ** (n - rule.free), rule.maxDelayMs);
}

/** Takes one attempt from a counter: null when allowed, else the time it may be tried again. */
async function take(db: Db, attempt: Attempt, now: Date): Promise<Date | null> {
	const rule: LimitRule | DelayRule = rules[attempt[0]];
	const key = keyOf(attempt);
	const windowStart = ts(new Date(now.getTime() - rule.windowMs));
	const until = sql`${t.blockedUntil}`;
	// A limit starts afresh when its window or its block is over; a delay only after its window.
	const fresh =
		rule.kind === 'limit'
			? sql`(${t.windowStartedAt} < ${windowStart} or ${until} <= ${ts(now)})`
			: sql`(${t.windowStartedAt} < ${windowStart})`;
	const next = sql`(case when ${fresh} then 1 else ${t.failures} + 1 end)`;
	const blockedUntil =
		rule.kind === 'limit'
			? sql`case when ${next} >= ${rule.attempts}::int then ${ts(new Date(now.getTime() + rule.blockMs))} end`
			: sql`case when ${next} >= ${rule.free}::int then ${ts(now)} + least(${rule.firstDelayMs}::float8 * power(2, ${next} - ${rule.free}::int), ${rule.maxDelayMs}::float8) * interval '1 millisecond' end`;
	const firstBlock = rule.kind === 'limit' ? (rule.attempts <= 1 ? rule.blockMs : 0) : delayAfter(rule, 1);
	const taken = await db
		.insert(t)
		.values({ key, failures: 1, windowStartedAt: now, blockedUntil: firstBlock ? new Date(now.getTime() + firstBlock) : null })
		.onConflictDoUpdate({
			target: t.key,
			set: {
				failures: next,
				windowStartedAt: sql`case when ${fresh} then ${ts(now)} else ${t.windowStartedAt} end`,
				blockedUntil
			},
			// Blocked (or waiting): the row is left as it is and nothing comes back.
			setWhere: sql`${until} is null or ${until} <= ${ts(now)}`
		})
		.returning({ failures: t.failures });
	if (taken.length) return null;
	const [row] = await db.select({ until: t.blockedUntil }).from(t).where(eq(t.key, key));
	return row?.until && row.until > now ? row.until : now;
}

/**
 * Takes an attempt from each counter in order. If one refuses, those already taken are given
 * back (a refused attempt checked nothing, so it costs the person nothing), and the answer is
 * when to try again.
 */
export async function takeAttempts(db: Db, attempts: readonly Attempt[], now = new Date()): Promise<Date | null> {
	for (let i = 0; i < attempts.length; i++) {
		const retryAt = await take(db, attempts[i], now);
		if (retryAt) {
			for (const earlier of attempts.slice(0, i)) await giveBack(db, earlier);
			return retryAt;
		}
	}
	return null;
}

/**
 * Undoes one taken attempt (it turned out right, or was never checked). Under a limit again,
 * a block that this attempt set is lifted too: a person told to wait elsewhere must not end
 * up blocked by their own presses.
 */
export async function giveBack(db: Db, attempt: Attempt): Promise<void> {
	const rule: LimitRule | DelayRule = rules[attempt[0]];
	const unblock =
		rule.kind === 'limit'
			? sql`case when ${t.failures} - 1 < ${rule.attempts}::int then null else ${t.blockedUntil} end`
			: sql`${t.blockedUntil}`;
	await db
		.update(t)
		.set({ failures: sql`greatest(${t.failures} - 1, 0)`, blockedUntil: unblock })
		.where(eq(t.key, keyOf(attempt)));
}

/** Forgets a counter altogether (the real person got in). */
export async function forget(db: Db, attempt: Attempt): Promise<void> {
	await db.delete(t).where(eq(t.key, keyOf(attempt)));
}

/** Housekeeping: forgets counters whose window and block are both over a day ago. */
export async function deleteStaleThrottles(db: Db, now = new Date()): Promise<void> {
	const dayAgo = new Date(now.getTime() - minutes(24 * 60));
	await db.delete(t).where(and(lt(t.windowStartedAt, dayAgo), or(isNull(t.blockedUntil), lt(t.blockedUntil, dayAgo))));
}
