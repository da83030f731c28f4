/**
 * Known devices: a browser that has signed in to an account gets an opaque random cookie;
 * the database keeps only its SHA-256 with the account. On that browser the account-wide
 * sign-in delay does not apply (throttle.ts), so a guesser elsewhere never slows the real
 * person down on their own phone. One browser may be known to several accounts (a family
 * shares a phone).
 */
import { lt, sql } from 'drizzle-orm';
import type { Cookies } from '@sveltejs/kit';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Db } from '../db';
import { knownDevices } from '../db/schema';
import { hashSecret } from './tokens';
import { tokenPartPattern } from '$lib/shapes';

/** Chrome keeps a cookie at most 400 days; so do we, refreshed at each sign-in. */
const lifetimeMs = 400 * 24 * 3600_000;

export function deviceCookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-opgang-device' : 'opgang-device';
}

/** This browser's device secret from its cookie, or a new one (not yet known to anyone). */
export function deviceSecret(cookies: Cookies, url: URL): string {
	const value = cookies.get(deviceCookieName(url));
	if (value && tokenPartPattern.test(value)) return value;
	const bytes = new Uint8Array(24);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function setDeviceCookie(cookies: Cookies, url: URL, secret: string): void {
	cookies.set(deviceCookieName(url), secret, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: lifetimeMs / 1000
	});
}

/** SQL: true when this device has signed in to the user before. */
export function isKnownDevice(secret: string, userId: unknown) {
	return sql<boolean>`exists (select 1 from ${knownDevices} where ${knownDevices.deviceHash} = ${hashSecret(secret)} and ${knownDevices.userId} = ${userId})`;
}

export async function rememberDevice(db: Db, userId: string, secret: string, now = new Date()): Promise<void> {
	await db
		.insert(knownDevices)
		.values({ deviceHash: hashSecret(secret), userId, lastUsedAt: now })
		.onConflictDoUpdate({ target: [knownDevices.deviceHash, knownDevices.userId], set: { lastUsedAt: now } });
}

/** Housekeeping: a device unused for longer than its cookie lives is forgotten. */
export async function deleteStaleDevices(db: Db, now = new Date()): Promise<void> {
	await db.delete(knownDevices).where(lt(knownDevices.lastUsedAt, new Date(now.getTime() - lifetimeMs)));
}
