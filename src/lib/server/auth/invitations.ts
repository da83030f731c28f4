import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { sqlState } from '../db';
import { familyMembers, families, invitations, staff, users } from '../db/schema';
import type { FamilyGrant } from '../access';
import { newToken, secretMatches, splitToken } from './tokens';
import { mayHaveSignIn } from '$lib/roles';
import { normaliseEmail } from './signin';
import { hashPassword } from './password';
import { forget, giveBack, takeAttempts } from './throttle';

export const invitationLifetimeMs = 7 * 24 * 3600_000;

export type CreateInvitationResult =
	{ ok: true; token: string; expiresAt: Date; memberName: string } | { ok: false; reason: 'notFound' | 'hasSignIn' | 'child' };

/**
 * A single-use link for a family member who has no sign-in yet. Any earlier unused link for
 * the same person stops working, so only the newest one printed or shown is valid. Takes a
 * grant for 'invitation.create' (familyGrant), which also wrote the audit entry.
 */
export async function createInvitation(db: Db, grant: FamilyGrant, memberId: string): Promise<CreateInvitationResult> {
	const actor = grant.actor;
	if (grant.action !== 'invitation.create' || actor.kind !== 'staff') return { ok: false, reason: 'notFound' };
	const [member] = await db
		.select({
			id: familyMembers.id,
			name: familyMembers.name,
			role: familyMembers.role,
			birthYear: familyMembers.birthYear,
			userId: users.id
		})
		.from(familyMembers)
		.leftJoin(users, eq(users.familyMemberId, familyMembers.id))
		.where(and(eq(familyMembers.id, memberId), eq(familyMembers.familyId, grant.familyId)));
	if (!member) return { ok: false, reason: 'notFound' };
	if (member.userId) return { ok: false, reason: 'hasSignIn' };
	if (!mayHaveSignIn(member)) return { ok: false, reason: 'child' };

	const t = newToken();
	const now = new Date();
	const expiresAt = new Date(now.getTime() + invitationLifetimeMs);
	await db.transaction(async (tx) => {
		// Links for one person are made one at a time (two staff pressing at once queue
		// here), so revoking the older link always sees it; a unique index backs this up.
		await tx.select({ id: familyMembers.id }).from(familyMembers).where(eq(familyMembers.id, memberId)).for('update');
		await tx
			.update(invitations)
			.set({ revokedAt: now })
			.where(and(eq(invitations.familyMemberId, memberId), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
		await tx.insert(invitations).values({
			id: t.id,
			secretHash: t.secretHash,
			familyMemberId: memberId,
			createdByStaffId: actor.staffId,
			createdAt: now,
			expiresAt
		});
	});
	return { ok: true, token: t.token, expiresAt, memberName: member.name };
}

export interface OpenInvitation {
	id: string;
	memberId: string;
	memberName: string;
	familyName: string;
	preferredLanguage: string;
	invitedBy: string;
	expiresAt: Date;
}

/** The invitation behind a link, if it is still usable (not used, not replaced, not expired). */
export async function findInvitation(db: Db, token: string, now = new Date()): Promise<OpenInvitation | null> {
	const parts = splitToken(token);
	if (!parts) return null;
	const [row] = await db
		.select({
			id: invitations.id,
			secretHash: invitations.secretHash,
			memberId: familyMembers.id,
			memberName: familyMembers.name,
			familyName: families.name,
			preferredLanguage: familyMembers.preferredLanguage,
			invitedBy: staff.name,
			expiresAt: invitations.expiresAt
		})
		.from(invitations)
		.innerJoin(familyMembers, eq(familyMembers.id, invitations.familyMemberId))
		.innerJoin(families, eq(families.id, familyMembers.familyId))
		.innerJoin(staff, eq(staff.id, invitations.createdByStaffId))
		.where(and(eq(invitations.id, parts.id), isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)));
	if (!row || !secretMatches(parts.secret, row.secretHash)) return null;
	const { secretHash: _, ...open } = row;
	return open;
}

export type AcceptResult =
	{ ok: true; userId: string } | { ok: false; reason: 'invalid' | 'emailUnavailable' } | { ok: false; reason: 'throttled'; retryAt: Date };

export interface AcceptInput {
	email: string;
	password: string;
	locale: string;
	/** The client's address (throttling). */
	address: string;
}

/**
 * Uses the invitation and creates the sign-in in one transaction: the link is spent only if
 * the account is made, and two tabs submitting at once cannot both succeed. Cheap checks
 * come first — the token's shape, the address's throttle, the link itself, the link's
 * throttle — and only then is the password hashed, so made-up links cost no hashing and a
 * real link cannot be used to try e-mail after e-mail.
 */
export async function acceptInvitation(
	db: Db,
	token: string,
	input: AcceptInput,
	now = new Date(),
	// The hasher is a parameter so a test can count that made-up links never reach it.
	hash: (password: string) => Promise<string> = hashPassword
): Promise<AcceptResult> {
	if (!splitToken(token)) return { ok: false, reason: 'invalid' };
	const byAddress = ['invitationAddress', input.address] as const;
	let retryAt = await takeAttempts(db, [byAddress], now);
	if (retryAt) return { ok: false, reason: 'throttled', retryAt };
	const open = await findInvitation(db, token, now);
	if (!open) return { ok: false, reason: 'invalid' };
	const byLink = ['invitationLink', open.id] as const;
	retryAt = await takeAttempts(db, [byLink], now);
	if (retryAt) return { ok: false, reason: 'throttled', retryAt };

	const passwordHash = await hash(input.password);
	const email = normaliseEmail(input.email);
	let result: AcceptResult;
	try {
		result = await db.transaction(async (tx) => {
			const spent = await tx
				.update(invitations)
				.set({ usedAt: now })
				.where(and(eq(invitations.id, open.id), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
				.returning({ id: invitations.id });
			if (spent.length === 0) return { ok: false, reason: 'invalid' } as const;
			const [user] = await tx
				.insert(users)
				.values({ email, passwordHash, locale: input.locale, familyMemberId: open.memberId })
				.returning({ id: users.id });
			return { ok: true, userId: user.id } as const;
		});
	} catch (e) {
		if (sqlState(e) !== '23505') throw e;
		// Either the email is in use, or this person got a sign-in meanwhile. The answer for
		// the e-mail does not say why it cannot be used (nor that someone has it).
		const [byEmail] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
		result = { ok: false, reason: byEmail ? 'emailUnavailable' : 'invalid' };
	}
	if (result.ok) {
		await giveBack(db, byAddress);
		await forget(db, byLink);
	}
	return result;
}
