import type { MemberRole } from '$lib/roles';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import { prepared, type Db } from '../db';
import { familyMembers, sessions, staff, users } from '../db/schema';
import { isLocale, defaultLocale, type Locale } from '$lib/i18n/locales';
import { newToken, secretMatches, splitToken } from './tokens';

/**
 * Family members stay signed in on their own phone for a while; staff, who see many
 * families, are signed out sooner.
 */
export const sessionPolicy = {
	family: { inactivityMs: 7 * 24 * 3600_000, absoluteMs: 30 * 24 * 3600_000 },
	staff: { inactivityMs: 12 * 3600_000, absoluteMs: 7 * 24 * 3600_000 }
} as const;
/** lastActiveAt is written at most this often, so a page view is not a write. */
const touchEveryMs = 5 * 60_000;

export type SessionUser =
	| {
			kind: 'family';
			id: string;
			/** What the person signs in with: an e-mail, a phone number (+45…) or both. */
			email: string | null;
			phone: string | null;
			locale: Locale;
			memberId: string;
			familyId: string;
			name: string;
			role: MemberRole;
	  }
	| {
			kind: 'staff';
			id: string;
			email: string | null;
			phone: string | null;
			locale: Locale;
			staffId: string;
			teamId: string;
			name: string;
			role: 'caseworker' | 'team_leader';
	  };

export interface ValidSession {
	id: string;
	user: SessionUser;
	/** When the cookie should expire, as the session stands now. */
	expiresAt: Date;
	/** The expiry moved (activity was recorded): the cookie needs sending again. */
	extended: boolean;
}

/** A new session at every sign-in; the token is shown once, to go in the cookie. */
export async function createSession(db: Db, userId: string, kind: SessionUser['kind'], device: string) {
	const t = newToken();
	const [row] = await db
		.insert(sessions)
		.values({ id: t.id, secretHash: t.secretHash, userId, device: device.slice(0, 80) })
		.returning({ createdAt: sessions.createdAt });
	await db.update(users).set({ lastSignInAt: row.createdAt }).where(eq(users.id, userId));
	return { token: t.token, id: t.id, expiresAt: expiry(kind, row.createdAt, row.createdAt) };
}

function expiry(kind: SessionUser['kind'], createdAt: Date, lastActiveAt: Date): Date {
	const p = sessionPolicy[kind];
	return new Date(Math.min(lastActiveAt.getTime() + p.inactivityMs, createdAt.getTime() + p.absoluteMs));
}

/** One query finds the session, its user and who the user is. */
export async function validateSessionToken(db: Db, token: string, now = new Date()): Promise<ValidSession | null> {
	const parts = splitToken(token);
	if (!parts) return null;
	const [row] = await prepared(db, 'session_by_id', () =>
		db
			.select({
				id: sessions.id,
				secretHash: sessions.secretHash,
				createdAt: sessions.createdAt,
				lastActiveAt: sessions.lastActiveAt,
				userId: users.id,
				email: users.email,
				phone: users.phone,
				locale: users.locale,
				memberId: familyMembers.id,
				familyId: familyMembers.familyId,
				memberName: familyMembers.name,
				memberRole: familyMembers.role,
				staffId: staff.id,
				teamId: staff.teamId,
				staffName: staff.name,
				staffRole: staff.role
			})
			.from(sessions)
			.innerJoin(users, eq(users.id, sessions.userId))
			.leftJoin(familyMembers, eq(familyMembers.id, users.familyMemberId))
			.leftJoin(staff, eq(staff.id, users.staffId))
			.where(eq(sessions.id, sql.placeholder('id')))
			.prepare('session_by_id')
	).execute({ id: parts.id });
	if (!row || !secretMatches(parts.secret, row.secretHash)) return null;

	const locale = isLocale(row.locale) ? row.locale : defaultLocale;
	let user: SessionUser;
	if (row.staffId && row.teamId && row.staffName && row.staffRole) {
		user = {
			kind: 'staff',
			id: row.userId,
			email: row.email,
			phone: row.phone,
			locale,
			staffId: row.staffId,
			teamId: row.teamId,
			name: row.staffName,
			role: row.staffRole
		};
	} else if (row.memberId && row.familyId && row.memberName && row.memberRole) {
		user = {
			kind: 'family',
			id: row.userId,
			email: row.email,
			phone: row.phone,
			locale,
			memberId: row.memberId,
			familyId: row.familyId,
			name: row.memberName,
			role: row.memberRole
		};
	} else {
		return null;
	}

	if (expiry(user.kind, row.createdAt, row.lastActiveAt) <= now) {
		await db.delete(sessions).where(eq(sessions.id, row.id));
		return null;
	}
	const extended = now.getTime() - row.lastActiveAt.getTime() > touchEveryMs;
	if (extended) await db.update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, row.id));
	const lastActiveAt = extended ? now : row.lastActiveAt;
	return { id: row.id, user, expiresAt: expiry(user.kind, row.createdAt, lastActiveAt), extended };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** A user's own sessions, newest activity first. */
export async function listSessions(db: Db, userId: string) {
	return db
		.select({ id: sessions.id, createdAt: sessions.createdAt, lastActiveAt: sessions.lastActiveAt, device: sessions.device })
		.from(sessions)
		.where(eq(sessions.userId, userId))
		.orderBy(sql`${sessions.lastActiveAt} desc`);
}

/** Ends one of the user's own sessions; someone else's id matches nothing. */
export async function endOwnSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
	const ended = await db
		.delete(sessions)
		.where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
		.returning({ id: sessions.id });
	return ended.length > 0;
}

export async function endOtherSessions(db: Db, userId: string, keepId: string): Promise<number> {
	const ended = await db
		.delete(sessions)
		.where(and(eq(sessions.userId, userId), sql`${sessions.id} <> ${keepId}`))
		.returning({ id: sessions.id });
	return ended.length;
}

/** Housekeeping: removes sessions past the longest absolute lifetime. */
export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<void> {
	const oldest = new Date(now.getTime() - Math.max(sessionPolicy.family.absoluteMs, sessionPolicy.staff.absoluteMs));
	const idle = new Date(now.getTime() - Math.max(sessionPolicy.family.inactivityMs, sessionPolicy.staff.inactivityMs));
	await db.delete(sessions).where(or(lt(sessions.createdAt, oldest), lt(sessions.lastActiveAt, idle)));
}

/** "Chrome on Android" from a User-Agent header; nothing more of the header is kept. */
export function describeDevice(userAgent: string | null): string {
	if (!userAgent) return '';
	const ua = userAgent;
	const os = /Android/.test(ua)
		? 'Android'
		: /iPhone|iPad/.test(ua)
			? 'iOS'
			: /Windows/.test(ua)
				? 'Windows'
				: /Mac OS X/.test(ua)
					? 'macOS'
					: /Linux/.test(ua)
						? 'Linux'
						: '';
	const browser = /Edg\//.test(ua)
		? 'Edge'
		: /SamsungBrowser/.test(ua)
			? 'Samsung Internet'
			: /Firefox\//.test(ua)
				? 'Firefox'
				: /Chrome\/|Chromium\//.test(ua)
					? 'Chrome'
					: /Safari\//.test(ua)
						? 'Safari'
						: '';
	return [browser, os].filter(Boolean).join(' · ');
}
