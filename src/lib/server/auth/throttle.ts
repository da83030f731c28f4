import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { signInThrottle } from '../db/schema';

/**
 * Failed sign-ins are counted per account (by the email typed, whether or not it exists, so
 * the throttle itself reveals nothing) and per address. Past the limit, the key is blocked
 * for a while; each further failure doubles the block, up to a day.
 */
export const limits = {
	email: { failures: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 },
	ip: { failures: 30, windowMs: 15 * 60_000, blockMs: 15 * 60_000 }
} as const;
const maxBlockMs = 24 * 3600_000;

export type ThrottleKind = keyof typeof limits;
export const throttleKey = (kind: ThrottleKind, value: string) => `${kind}:${value}`;

/** The time until which sign-in is blocked for any of the keys, or null. */
export async function blockedUntil(db: Db, keys: string[], now = new Date()): Promise<Date | null> {
	const rows = await db
		.select({ blockedUntil: signInThrottle.blockedUntil })
		.from(signInThrottle)
		.where(inArray(signInThrottle.key, keys));
	const until = rows
		.map((r) => r.blockedUntil)
		.filter((d): d is Date => !!d && d > now)
		.sort((a, b) => b.getTime() - a.getTime());
	return until[0] ?? null;
}

export async function recordFailure(db: Db, kind: ThrottleKind, value: string, now = new Date()): Promise<void> {
	const limit = limits[kind];
	const key = throttleKey(kind, value);
	const windowStart = new Date(now.getTime() - limit.windowMs);
	// One statement: start a new window if the old one is over, else count on.
	const [row] = await db
		.insert(signInThrottle)
		.values({ key, failures: 1, windowStartedAt: now })
		.onConflictDoUpdate({
			target: signInThrottle.key,
			set: {
				failures: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart.toISOString()}::timestamptz
					and (${signInThrottle.blockedUntil} is null or ${signInThrottle.blockedUntil} < ${now.toISOString()}::timestamptz)
					then 1 else ${signInThrottle.failures} + 1 end`,
				windowStartedAt: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart.toISOString()}::timestamptz
					and (${signInThrottle.blockedUntil} is null or ${signInThrottle.blockedUntil} < ${now.toISOString()}::timestamptz)
					then ${now.toISOString()}::timestamptz else ${signInThrottle.windowStartedAt} end`
			}
		})
		.returning({ failures: signInThrottle.failures });
	if (row.failures >= limit.failures) {
		const doublings = Math.min(row.failures - limit.failures, 10);
		const blockMs = Math.min(limit.blockMs * 2 ** doublings, maxBlockMs);
		await db
			.update(signInThrottle)
			.set({ blockedUntil: new Date(now.getTime() + blockMs) })
			.where(eq(signInThrottle.key, key));
	}
}

export async function clearFailures(db: Db, kind: ThrottleKind, value: string): Promise<void> {
	await db.delete(signInThrottle).where(eq(signInThrottle.key, throttleKey(kind, value)));
}

/** Forgets counts whose window and block are both over a day ago. */
export async function deleteStaleThrottles(db: Db, now = new Date()): Promise<void> {
	const dayAgo = new Date(now.getTime() - 24 * 3600_000);
	await db
		.delete(signInThrottle)
		.where(
			and(
				lt(signInThrottle.windowStartedAt, dayAgo),
				or(isNull(signInThrottle.blockedUntil), lt(signInThrottle.blockedUntil, dayAgo))
			)
		);
}
