import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { users } from '../db/schema';
import { decoyHash, verifyPassword } from './password';
import { blockedUntil, clearFailures, recordFailure, throttleKey } from './throttle';

/** Trimmed, NFKC, lower case: how emails are stored and compared. */
export function normaliseEmail(email: string): string {
	return email.normalize('NFKC').trim().toLowerCase();
}

export type SignInResult =
	| { ok: true; userId: string; kind: 'family' | 'staff' }
	| { ok: false; reason: 'wrongCredentials' }
	| { ok: false; reason: 'throttled'; retryAt: Date };

/**
 * Checks an email and password. An unknown email and a wrong password give the same answer
 * and take the same time (a decoy hash is verified).
 */
export async function signIn(db: Db, emailInput: string, password: string, ip: string): Promise<SignInResult> {
	const email = normaliseEmail(emailInput);
	const blocked = await blockedUntil(db, [throttleKey('email', email), throttleKey('ip', ip)]);
	if (blocked) return { ok: false, reason: 'throttled', retryAt: blocked };

	const [user] = await db
		.select({ id: users.id, passwordHash: users.passwordHash, staffId: users.staffId })
		.from(users)
		.where(eq(users.email, email));
	const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
	if (!user || !valid) {
		await recordFailure(db, 'email', email);
		await recordFailure(db, 'ip', ip);
		return { ok: false, reason: 'wrongCredentials' };
	}
	await clearFailures(db, 'email', email);
	return { ok: true, userId: user.id, kind: user.staffId ? 'staff' : 'family' };
}

export async function setUserLocale(db: Db, userId: string, locale: string): Promise<void> {
	await db.update(users).set({ locale }).where(eq(users.id, userId));
}
