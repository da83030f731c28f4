/**
 * A sign-in link for a colleague: the team leader adds a colleague (staff-admin.ts), whose
 * sign-in has no password yet, and makes them a link here to hand over in person. It is the
 * family's reset link for a staff sign-in — same `invitations` table (staff_id instead of
 * family_member_id; the family queries join family_members and never see it), same token
 * (`id.secret`, only a hash stored), single use, 24 hours, one open link per colleague (a new
 * one replaces the old), same throttles. No short code: the link is handed over on the
 * leader's screen or copied. Using it sets the password, ends the colleague's sessions, and
 * the route signs them in. Making one is audited ('staff.manage').
 */
import { and, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { invitations, sessions, staff, users } from '../db/schema';
import type { TeamGrant } from '../access';
import { auditStaffChange } from '../staff-profile';
import { hashPassword, passwordProblem, type PasswordProblem } from './password';
import { linkLifetimeMs, spendLink } from './links';
import { forget, giveBack, takeAttempts, type Attempt } from './throttle';
import { newToken, secretMatches, splitToken } from './tokens';

export const staffLinkLifetimeMs = linkLifetimeMs.reset;

export type MakeStaffLinkResult = { ok: true; token: string; expiresAt: Date } | { ok: false; reason: 'notFound' | 'noSignIn' };

/**
 * A link for a colleague on the grant's team (the team leader: TeamGrant for 'edit'), replacing
 * any open one. Links for one colleague are made one at a time (the staff row is locked); the
 * unique index invitations_one_open_per_staff backs this up.
 */
export async function makeStaffLink(db: Db, grant: TeamGrant, staffId: string, now = new Date()): Promise<MakeStaffLinkResult> {
	if (!grant.mayEdit) return { ok: false, reason: 'notFound' };
	const { actor } = grant;
	const expiresAt = new Date(now.getTime() + staffLinkLifetimeMs);
	const t = newToken();
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({ id: staff.id, userId: users.id })
			.from(staff)
			.leftJoin(users, eq(users.staffId, staff.id))
			.where(and(eq(staff.id, staffId), eq(staff.teamId, grant.teamId)))
			.for('update', { of: staff });
		if (!row) return { ok: false, reason: 'notFound' } as const;
		if (!row.userId) return { ok: false, reason: 'noSignIn' } as const;
		await tx
			.update(invitations)
			.set({ revokedAt: now })
			.where(and(eq(invitations.staffId, staffId), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
		await tx.insert(invitations).values({
			id: t.id,
			secretHash: t.secretHash,
			purpose: 'reset',
			staffId,
			createdByStaffId: actor.staffId,
			createdAt: now,
			expiresAt
		});
		await auditStaffChange(tx, actor, `sign-in link ${staffId}`);
		return { ok: true, token: t.token, expiresAt } as const;
	});
}

export interface OpenStaffLink {
	id: string;
	/** The colleague's first name only, for the page's greeting. */
	firstName: string;
	userId: string;
	email: string | null;
	phone: string | null;
}

/** The open staff link behind a token (its shape is checked before any query), or null. No throttle: its secret is 192 bits. */
export async function findStaffLink(db: Db, token: string, now = new Date()): Promise<OpenStaffLink | null> {
	const parts = splitToken(token);
	if (!parts) return null;
	const [row] = await db
		.select({
			id: invitations.id,
			secretHash: invitations.secretHash,
			name: staff.name,
			userId: users.id,
			email: users.email,
			phone: users.phone
		})
		.from(invitations)
		.innerJoin(staff, eq(staff.id, invitations.staffId))
		.innerJoin(users, eq(users.staffId, staff.id))
		.where(
			and(
				eq(invitations.id, parts.id),
				isNotNull(invitations.staffId),
				isNull(invitations.usedAt),
				isNull(invitations.revokedAt),
				gt(invitations.expiresAt, now)
			)
		);
	if (!row || !secretMatches(parts.secret, row.secretHash)) return null;
	return { id: row.id, firstName: row.name.trim().split(/\s+/)[0], userId: row.userId, email: row.email, phone: row.phone };
}

export type UseStaffLinkResult =
	| { ok: true; userId: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'password'; problem: PasswordProblem }
	| { ok: false; reason: 'throttled'; retryAt: Date };

/**
 * Uses a colleague's link: the address's throttle, the link, the link's throttle, the password
 * rules (against the colleague's own e-mail and phone), and only then the hash. In one
 * transaction the link is spent, the password set and every session of the sign-in ended.
 */
export async function useStaffLink(
	db: Db,
	token: string,
	input: { password: string; address: string },
	now = new Date(),
	hash: (password: string) => Promise<string> = hashPassword
): Promise<UseStaffLinkResult> {
	if (!splitToken(token)) return { ok: false, reason: 'invalid' };
	const byAddress: Attempt = ['invitationAddress', input.address];
	let retryAt = await takeAttempts(db, [byAddress], now);
	if (retryAt) return { ok: false, reason: 'throttled', retryAt };
	const link = await findStaffLink(db, token, now);
	if (!link) return { ok: false, reason: 'invalid' };
	const byLink: Attempt = ['invitationLink', link.id];
	retryAt = await takeAttempts(db, [byLink], now);
	if (retryAt) return { ok: false, reason: 'throttled', retryAt };
	const problem = passwordProblem(input.password, link.email ?? undefined, link.phone ?? undefined);
	if (problem) return { ok: false, reason: 'password', problem };

	const passwordHash = await hash(input.password);
	const result = await db.transaction(async (tx) => {
		if (!(await spendLink(tx, link.id, now))) return { ok: false, reason: 'invalid' } as const;
		await tx.update(users).set({ passwordHash, failedSignIns: 0, lastFailedSignInAt: null }).where(eq(users.id, link.userId));
		await tx.delete(sessions).where(eq(sessions.userId, link.userId));
		return { ok: true, userId: link.userId } as const;
	});
	if (result.ok) {
		await giveBack(db, byAddress);
		await forget(db, byLink);
	}
	return result;
}
