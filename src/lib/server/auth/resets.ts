/**
 * A new password for someone who has forgotten theirs: the family's contact person (policy
 * 'signIn.reset') makes a reset link — single use, valid 24 hours, one open link per person —
 * and hands it over like an invitation (QR code, short code, printed letter). Using it sets the
 * new password, ends every session the sign-in had (a lost phone stays signed in no longer) and
 * turns off the person's calendar feed (a lost phone's calendar gets no more meetings; a new
 * link is one press on /meetings), and the route signs the person in on the device they used.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { calendarFeeds, familyMembers, sessions, users } from '../db/schema';
import type { FamilyGrant } from '../access';
import { hashPassword, passwordProblem, type PasswordProblem } from './password';
import { forget, giveBack } from './throttle';
import { checkLinkForUse, linkLifetimeMs, makeLink, spendLink, type LinkRef, type NewLink } from './links';

export const resetLifetimeMs = linkLifetimeMs.reset;

export type CreateResetResult = ({ ok: true; memberName: string } & NewLink) | { ok: false; reason: 'notFound' | 'noSignIn' };

/** A reset link for a member of the granted family who has a sign-in. Takes a grant for 'signIn.reset' (audited by familyGrant). */
export async function createReset(db: Db, grant: FamilyGrant, memberId: string): Promise<CreateResetResult> {
	const actor = grant.actor;
	if (grant.action !== 'signIn.reset' || actor.kind !== 'staff') return { ok: false, reason: 'notFound' };
	const [member] = await db
		.select({ name: familyMembers.name, userId: users.id })
		.from(familyMembers)
		.leftJoin(users, eq(users.familyMemberId, familyMembers.id))
		.where(and(eq(familyMembers.id, memberId), eq(familyMembers.familyId, grant.familyId)));
	if (!member) return { ok: false, reason: 'notFound' };
	if (!member.userId) return { ok: false, reason: 'noSignIn' };
	const link = await makeLink(db, { purpose: 'reset', memberId, staffId: actor.staffId });
	return { ok: true, memberName: member.name, ...link };
}

export type ResetResult =
	| { ok: true; userId: string; endedSessions: number }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'password'; problem: PasswordProblem }
	| { ok: false; reason: 'throttled'; retryAt: Date };

export interface ResetInput {
	password: string;
	/** The client's address (throttling). */
	address: string;
}

/**
 * Uses a reset link: the same cheap checks as an invitation first (links.ts checkLinkForUse),
 * then the password rules against the person's own e-mail and phone, and only then the hash.
 * In one transaction the link is spent, the password replaced, every session ended and the
 * calendar feed turned off.
 */
export async function resetPassword(
	db: Db,
	ref: LinkRef,
	input: ResetInput,
	now = new Date(),
	hash: (password: string) => Promise<string> = hashPassword
): Promise<ResetResult> {
	const checked = await checkLinkForUse(db, ref, 'reset', input.address, now);
	if (!checked.ok) return checked;
	const { link, byAddress, byLink } = checked;
	if (!link.userId) return { ok: false, reason: 'invalid' };
	const userId = link.userId;
	const problem = passwordProblem(input.password, link.userEmail ?? undefined, link.userPhone ?? undefined);
	if (problem) return { ok: false, reason: 'password', problem };

	const passwordHash = await hash(input.password);
	const result = await db.transaction(async (tx) => {
		if (!(await spendLink(tx, link.id, now))) return { ok: false, reason: 'invalid' } as const;
		// A fresh start: the guessing notice is about the old password.
		await tx.update(users).set({ passwordHash, failedSignIns: 0, lastFailedSignInAt: null }).where(eq(users.id, userId));
		const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
		await tx.delete(calendarFeeds).where(eq(calendarFeeds.familyMemberId, link.memberId));
		return { ok: true, userId, endedSessions: ended.length } as const;
	});
	if (result.ok) {
		await giveBack(db, byAddress);
		await forget(db, byLink);
	}
	return result;
}
