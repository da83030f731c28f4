/**
 * "Save for later" (issue 14): a member's bookmark on an opportunity, to come back to before
 * saying "I'm interested". It is private to the member who saved it — a parent never sees a
 * teenager's list, nor a teenager a sibling's — so every statement is about the signed-in
 * member's own rows (directory.ts savedByReader), never a family's. Only an opportunity of the
 * member's own directory that is active today can be saved; taking a bookmark away always works.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Locale } from '$lib/i18n/locales';
import type { Db } from '../db';
import { opportunities, savedOpportunities } from '../db/schema';
import { actorOrganisation, type FamilyGrant } from '../access';
import { activeToday, findOpportunities, type OpportunityCard } from './directory';

/**
 * Saves (on) or un-saves (off) one opportunity for the signed-in member. Twice is the same as
 * once: one row, or none. False when there is nothing to save: another municipality's, ended,
 * not begun or not there (the same answer); staff have no bookmarks.
 */
export async function saveOpportunity(db: Db, grant: FamilyGrant, id: string, on: boolean): Promise<boolean> {
	const actor = grant.actor;
	if (actor.kind !== 'family' || grant.familyId !== actor.familyId) return false;
	if (!on) {
		await db
			.delete(savedOpportunities)
			.where(and(eq(savedOpportunities.memberId, actor.memberId), eq(savedOpportunities.opportunityId, id)));
		return true;
	}
	const [found] = await db
		.select({ id: opportunities.id })
		.from(opportunities)
		.where(and(eq(opportunities.id, id), sql`${opportunities.organisationId} = ${actorOrganisation(actor)}`, activeToday));
	if (!found) return false;
	await db.insert(savedOpportunities).values({ memberId: actor.memberId, opportunityId: found.id }).onConflictDoNothing();
	return true;
}

/** The member's own saved opportunities that are still in their directory (full ones last, then by name): one statement. */
export function listSaved(db: Db, grant: FamilyGrant, locale: Locale): Promise<OpportunityCard[]> {
	if (grant.actor.kind !== 'family') return Promise.resolve([]);
	return findOpportunities(db, grant.actor, { saved: true }, locale);
}
