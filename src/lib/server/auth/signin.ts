import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { users } from '../db/schema';
import { decoyHash, verifyPassword } from './password';
import { forget, giveBack, takeAttempts, type Attempt } from './throttle';
import { isKnownDevice, rememberDevice } from './devices';
import { normaliseEmail, parseLogin } from '$lib/login';

export { normaliseEmail } from '$lib/login';

/** Wrong passwords in a day from which the team is shown that someone is guessing. */
export const attackNoticeAt = 10;

export type SignInResult =
	| { ok: true; userId: string; kind: 'family' | 'staff' }
	| { ok: false; reason: 'wrongCredentials' }
	| { ok: false; reason: 'throttled'; retryAt: Date };

export interface SignInInput {
	/** An e-mail or a phone number ($lib/login), as typed. */
	login: string;
	password: string;
	/** The client's address (throttling). */
	address: string;
	/** This browser's device secret (devices.ts): a known device skips the account-wide delay. */
	device: string;
}

/**
 * Checks an e-mail or phone number and a password. An unknown e-mail or phone and a wrong
 * password give the same answer and take the same time (a decoy hash is verified), and are
 * throttled the same way, so neither the answer nor the throttle reveals who has a sign-in.
 * The account's counters are keyed by the normalised e-mail or phone (+45…).
 */
export async function signIn(db: Db, input: SignInInput, now = new Date()): Promise<SignInResult> {
	const login = parseLogin(input.login);
	const account = login?.value ?? normaliseEmail(input.login);
	const [user] = login
		? await db
				.select({ id: users.id, passwordHash: users.passwordHash, staffId: users.staffId, known: isKnownDevice(input.device, users.id) })
				.from(users)
				.where(login.kind === 'email' ? eq(users.email, login.value) : eq(users.phone, login.value))
		: [];

	const attempts: Attempt[] = [
		['signInAddress', input.address],
		['signInAccountAddress', `${account}|${input.address}`]
	];
	if (!user?.known) attempts.push(['signInAccount', account]);
	const retryAt = await takeAttempts(db, attempts, now);
	if (retryAt) return { ok: false, reason: 'throttled', retryAt };

	const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
	if (!user || !valid) {
		if (user) await noteFailure(db, user.id, now);
		return { ok: false, reason: 'wrongCredentials' };
	}
	await giveBack(db, attempts[0]);
	for (const attempt of attempts.slice(1)) await forget(db, attempt);
	await rememberDevice(db, user.id, input.device, now);
	return { ok: true, userId: user.id, kind: user.staffId ? 'staff' : 'family' };
}

/** Counts a wrong password against a real sign-in, for the team's notice; a quiet day resets it. */
async function noteFailure(db: Db, userId: string, now: Date): Promise<void> {
	const dayAgo = new Date(now.getTime() - 24 * 3600_000).toISOString();
	await db
		.update(users)
		.set({
			failedSignIns: sql`case when ${users.lastFailedSignInAt} is null or ${users.lastFailedSignInAt} < ${dayAgo}::timestamptz then 1 else ${users.failedSignIns} + 1 end`,
			lastFailedSignInAt: now
		})
		.where(eq(users.id, userId));
}

export async function setUserLocale(db: Db, userId: string, locale: string): Promise<void> {
	await db.update(users).set({ locale }).where(eq(users.id, userId));
}
