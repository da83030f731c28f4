import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { sqlState } from '../db';
import { familyMembers, users } from '../db/schema';
import type { FamilyGrant } from '../access';
import { mayHaveSignIn } from '$lib/roles';
import { parseLogin, type Login } from '$lib/login';
import { hashPassword } from './password';
import { forget, giveBack } from './throttle';
import { checkLinkForUse, findLinkByToken, linkLifetimeMs, makeLink, spendLink, type LinkRef, type NewLink, type OpenLink } from './links';

export const invitationLifetimeMs = linkLifetimeMs.invite;

export type CreateInvitationResult =
	({ ok: true; memberName: string } & NewLink) | { ok: false; reason: 'notFound' | 'hasSignIn' | 'child' };

/**
 * A single-use link (and short code) for a family member who has no sign-in yet. Any earlier
 * open link for the same person stops working, so only the newest one printed or shown is
 * valid. Takes a grant for 'invitation.create' (familyGrant), which also wrote the audit entry.
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
	const link = await makeLink(db, { purpose: 'invite', memberId, staffId: actor.staffId });
	return { ok: true, memberName: member.name, ...link };
}

/** The invitation behind a long link, if it is still usable (not used, not replaced, not expired). */
export async function findInvitation(db: Db, token: string, now = new Date()): Promise<OpenLink | null> {
	const link = await findLinkByToken(db, token, now);
	return link?.purpose === 'invite' ? link : null;
}

export type AcceptResult =
	{ ok: true; userId: string } | { ok: false; reason: 'invalid' | 'loginUnavailable' } | { ok: false; reason: 'throttled'; retryAt: Date };

export interface AcceptInput {
	/** An e-mail or a phone number ($lib/login), as typed. */
	login: string;
	password: string;
	locale: string;
	/** The client's address (throttling). */
	address: string;
}

/**
 * Uses the invitation and creates the sign-in in one transaction: the link is spent only if
 * the sign-in is made, and two tabs submitting at once cannot both succeed. The cheap checks
 * (links.ts checkLinkForUse) come first, and only then is the password hashed, so made-up
 * links and codes cost no hashing and a real link cannot be used to try login after login.
 */
export async function acceptInvitation(
	db: Db,
	ref: LinkRef,
	input: AcceptInput,
	now = new Date(),
	// The hasher is a parameter so a test can count that made-up links never reach it.
	hash: (password: string) => Promise<string> = hashPassword
): Promise<AcceptResult> {
	const login = parseLogin(input.login);
	const checked = await checkLinkForUse(db, ref, 'invite', input.address, now);
	if (!checked.ok) return checked;
	if (!login) return { ok: false, reason: 'invalid' };
	const { link, byAddress, byLink } = checked;

	const passwordHash = await hash(input.password);
	let result: AcceptResult;
	try {
		result = await db.transaction(async (tx) => {
			if (!(await spendLink(tx, link.id, now))) return { ok: false, reason: 'invalid' } as const;
			const [user] = await tx
				.insert(users)
				.values({ ...loginColumns(login), passwordHash, locale: input.locale, familyMemberId: link.memberId })
				.returning({ id: users.id });
			return { ok: true, userId: user.id } as const;
		});
	} catch (e) {
		if (sqlState(e) !== '23505') throw e;
		// Either the e-mail or phone is in use, or this person got a sign-in meanwhile. The answer
		// does not say why it cannot be used (nor that someone has it).
		const column = login.kind === 'email' ? users.email : users.phone;
		const [taken] = await db.select({ id: users.id }).from(users).where(eq(column, login.value));
		result = { ok: false, reason: taken ? 'loginUnavailable' : 'invalid' };
	}
	if (result.ok) {
		await giveBack(db, byAddress);
		await forget(db, byLink);
	}
	return result;
}

function loginColumns(login: Login): { email: string | null; phone: string | null } {
	return login.kind === 'email' ? { email: login.value, phone: null } : { email: null, phone: login.value };
}
