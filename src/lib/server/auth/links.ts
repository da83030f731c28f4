/**
 * Single-use sign-in links, the part invitations and resets share. A link is reached two ways:
 * the long link (`id.secret`, 2 × 192 bits, in the URL and the QR code) and its short code
 * (8 characters, typed at /k). Only SHA-256 hashes of the secret and the code are stored. One
 * open link per person: a new one (of either purpose) replaces the old. The long link needs no
 * throttle to be looked at; a code does (codeAddress, codeEverywhere), and using a link by
 * either way counts against the address and the link (invitationAddress, invitationLink).
 */
import { and, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { sqlState } from '../db';
import { families, familyMembers, invitations, organisations, staff, teams, users } from '../db/schema';
import { hashShortCode, newShortCode, newToken, secretMatches, shortCodeHash, splitToken } from './tokens';
import { giveBack, takeAttempts, type Attempt } from './throttle';
import { isLocale, type Locale } from '$lib/i18n/locales';
import type { SignInLinkPurpose } from '$lib/codes';

/** How a link is named by a visitor: the long link's token, or the short code as typed. */
export type LinkRef = { token: string } | { code: string };

export const linkLifetimeMs: Record<SignInLinkPurpose, number> = {
	invite: 7 * 24 * 3600_000,
	reset: 24 * 3600_000
};

export interface NewLink {
	/** `id.secret`: shown once, never stored. */
	token: string;
	/** The short code, normalised ("K7QXM4PD"): shown once, never stored. */
	code: string;
	expiresAt: Date;
}

/**
 * Makes a link for a member, replacing any open one (of either purpose). Links for one person
 * are made one at a time (two staff pressing at once queue on the member's row), so revoking
 * the older link always sees it; unique indexes back this up. A new code that happens to equal
 * another open link's code is drawn again.
 */
export async function makeLink(
	db: Db,
	link: { purpose: SignInLinkPurpose; memberId: string; staffId: string },
	now = new Date()
): Promise<NewLink> {
	const expiresAt = new Date(now.getTime() + linkLifetimeMs[link.purpose]);
	for (let attempt = 1; ; attempt++) {
		const t = newToken();
		const code = newShortCode();
		try {
			await db.transaction(async (tx) => {
				await tx.select({ id: familyMembers.id }).from(familyMembers).where(eq(familyMembers.id, link.memberId)).for('update');
				await tx
					.update(invitations)
					.set({ revokedAt: now })
					.where(and(eq(invitations.familyMemberId, link.memberId), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
				await tx.insert(invitations).values({
					id: t.id,
					secretHash: t.secretHash,
					codeHash: hashShortCode(code),
					purpose: link.purpose,
					familyMemberId: link.memberId,
					createdByStaffId: link.staffId,
					createdAt: now,
					expiresAt
				});
			});
			return { token: t.token, code, expiresAt };
		} catch (e) {
			if (sqlState(e) !== '23505' || attempt >= 3) throw e;
		}
	}
}

export interface OpenLink {
	id: string;
	purpose: SignInLinkPurpose;
	memberId: string;
	memberName: string;
	familyId: string;
	familyName: string;
	preferredLanguage: string;
	/** The member's sign-in, if they have one (a reset is for them). */
	userId: string | null;
	userEmail: string | null;
	userPhone: string | null;
	invitedBy: string;
	expiresAt: Date;
	/**
	 * The language the link's page and letter speak, if the portal has it: the sign-in's own
	 * language for a reset, the member's preferred language for an invitation.
	 */
	language: Locale | null;
}

/** The open link (not used, not replaced, not expired) that matches, or null. No throttle: callers decide. */
async function openLinkWhere(db: Db, match: SQL, secret: string | null, now: Date): Promise<OpenLink | null> {
	const [row] = await db
		.select({
			id: invitations.id,
			secretHash: invitations.secretHash,
			purpose: invitations.purpose,
			memberId: familyMembers.id,
			memberName: familyMembers.name,
			familyId: families.id,
			familyName: families.name,
			preferredLanguage: familyMembers.preferredLanguage,
			userId: users.id,
			userEmail: users.email,
			userPhone: users.phone,
			userLocale: users.locale,
			invitedBy: staff.name,
			expiresAt: invitations.expiresAt
		})
		.from(invitations)
		.innerJoin(familyMembers, eq(familyMembers.id, invitations.familyMemberId))
		.innerJoin(families, eq(families.id, familyMembers.familyId))
		.innerJoin(staff, eq(staff.id, invitations.createdByStaffId))
		.leftJoin(users, eq(users.familyMemberId, familyMembers.id))
		.where(and(match, isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)));
	if (!row) return null;
	if (secret !== null && !secretMatches(secret, row.secretHash)) return null;
	const { secretHash: _, userLocale, ...open } = row;
	const own = open.purpose === 'reset' ? userLocale : open.preferredLanguage;
	return { ...open, language: isLocale(own) ? own : isLocale(open.preferredLanguage) ? open.preferredLanguage : null };
}

/** The open link behind a long link's token (its shape is checked before any query). */
export async function findLinkByToken(db: Db, token: string, now = new Date()): Promise<OpenLink | null> {
	const parts = splitToken(token);
	if (!parts) return null;
	return openLinkWhere(db, eq(invitations.id, parts.id), parts.secret, now);
}

export type LookUp = { ok: true; link: OpenLink } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'throttled'; retryAt: Date };

/**
 * The link a visitor names, for showing its page or using it. A long link is looked up as it
 * is. A short code first takes a try from its address and from everyone's wrong codes; a right
 * code gives both back, so a person who types their code, lands on the page and then uses it
 * is never slowed by their own success. A code that is not shaped like one costs nothing and
 * finds nothing.
 */
export async function lookUpLink(db: Db, ref: LinkRef, address: string, now = new Date()): Promise<LookUp> {
	if ('token' in ref) {
		const link = await findLinkByToken(db, ref.token, now);
		return link ? { ok: true, link } : { ok: false, reason: 'invalid' };
	}
	const hash = shortCodeHash(ref.code);
	if (!hash) return { ok: false, reason: 'invalid' };
	const attempts: Attempt[] = [
		['codeAddress', address],
		['codeEverywhere', 'all']
	];
	const retryAt = await takeAttempts(db, attempts, now);
	if (retryAt) return { ok: false, reason: 'throttled', retryAt };
	const link = await openLinkWhere(db, eq(invitations.codeHash, hash), null, now);
	if (!link) return { ok: false, reason: 'invalid' };
	for (const attempt of attempts) await giveBack(db, attempt);
	return { ok: true, link };
}

export type UseCheck =
	| { ok: true; link: OpenLink; byAddress: Attempt; byLink: Attempt }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAt: Date };

/**
 * The cheap checks before a link is used, in order: the token's shape, the address's throttle,
 * the link itself (a code with its own throttles), its purpose, and the link's throttle. Only
 * after all of them may a caller hash a password, so made-up links cost no hashing and a real
 * link cannot be used to try e-mail after e-mail.
 */
export async function checkLinkForUse(db: Db, ref: LinkRef, purpose: SignInLinkPurpose, address: string, now: Date): Promise<UseCheck> {
	if ('token' in ref && !splitToken(ref.token)) return { ok: false, reason: 'invalid' };
	const byAddress: Attempt = ['invitationAddress', address];
	let retryAt = await takeAttempts(db, [byAddress], now);
	if (retryAt) return { ok: false, reason: 'throttled', retryAt };
	const found = await lookUpLink(db, ref, address, now);
	if (!found.ok) return found;
	if (found.link.purpose !== purpose) return { ok: false, reason: 'invalid' };
	const byLink: Attempt = ['invitationLink', found.link.id];
	retryAt = await takeAttempts(db, [byLink], now);
	if (retryAt) return { ok: false, reason: 'throttled', retryAt };
	return { ok: true, link: found.link, byAddress, byLink };
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Spends a link inside a transaction; false when it was used or replaced meanwhile. */
export async function spendLink(tx: Tx, linkId: string, now: Date): Promise<boolean> {
	const spent = await tx
		.update(invitations)
		.set({ usedAt: now })
		.where(and(eq(invitations.id, linkId), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
		.returning({ id: invitations.id });
	return spent.length > 0;
}

export interface LetterDetails {
	organisation: { name: string; phone: string | null };
	contact: { name: string; phone: string | null };
}

/** Who the printed letter comes from: the municipality and the family's contact person. */
export async function letterDetails(db: Db, familyId: string): Promise<LetterDetails | null> {
	const [row] = await db
		.select({ orgName: organisations.name, orgPhone: organisations.phone, contactName: staff.name, contactPhone: staff.phone })
		.from(families)
		.innerJoin(teams, eq(teams.id, families.teamId))
		.innerJoin(organisations, eq(organisations.id, teams.organisationId))
		.innerJoin(staff, eq(staff.id, families.contactPersonId))
		.where(eq(families.id, familyId));
	if (!row) return null;
	return { organisation: { name: row.orgName, phone: row.orgPhone }, contact: { name: row.contactName, phone: row.contactPhone } };
}

export interface OpenLinkSummary {
	memberId: string;
	purpose: SignInLinkPurpose;
	createdAt: Date;
	expiresAt: Date;
}

function openLinksWhere(familyId: string, now: Date): SQL {
	return and(
		eq(familyMembers.familyId, familyId),
		isNull(invitations.usedAt),
		isNull(invitations.revokedAt),
		gt(invitations.expiresAt, now)
	)!;
}

/** The family's open links, for the staff page: when each was made and until when it works (never the secret). */
export async function listOpenLinks(db: Db, familyId: string, now = new Date()): Promise<OpenLinkSummary[]> {
	return db
		.select({
			// The inner join below: always a member (a colleague's link has none).
			memberId: familyMembers.id,
			purpose: invitations.purpose,
			createdAt: invitations.createdAt,
			expiresAt: invitations.expiresAt
		})
		.from(invitations)
		.innerJoin(familyMembers, eq(familyMembers.id, invitations.familyMemberId))
		.where(openLinksWhere(familyId, now));
}

/** The same links as one JSON column (times as ISO strings), for a statement that carries more. */
export function openLinksJson(
	familyId: string,
	now = new Date()
): SQL<(Omit<OpenLinkSummary, 'createdAt' | 'expiresAt'> & { createdAt: string; expiresAt: string })[]> {
	return sql`coalesce((select json_agg(json_build_object('memberId', ${invitations.familyMemberId}, 'purpose', ${invitations.purpose},
		'createdAt', ${invitations.createdAt}, 'expiresAt', ${invitations.expiresAt}))
		from ${invitations} join ${familyMembers} on ${familyMembers.id} = ${invitations.familyMemberId}
		where ${openLinksWhere(familyId, now)}), '[]'::json)`;
}
