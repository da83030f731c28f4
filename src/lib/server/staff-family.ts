/**
 * The staff's page of one family: the overview a family member also sees (families.ts), and
 * what only the team sees — open sign-in links, how many of the family's conversations
 * wait for a reply, and the young people's leisure jobs and activities — in two statements: the shared head, and one statement for everything
 * that depends on who is reading (the member notes they may read, the links, the figure).
 */
import { eq } from 'drizzle-orm';
import type { Db } from './db';
import { families, teams } from './db/schema';
import type { FamilyGrant } from './access';
import { familyHead, memberNotesJson, overviewOf } from './families';
import { openLinksJson, type OpenLinkSummary } from './auth/links';
import { waitingCountSql } from './messages/inbox';
import { countActiveNow, familyInterestsJson, type FamilyInterest } from './activities/team-interests';
import type { FamilyOverview } from '$lib/types';

export interface StaffFamilyPage {
	family: FamilyOverview;
	openLinks: OpenLinkSummary[];
	/** The family's conversations that wait for the team's reply. */
	waiting: number;
	/** The family's "I'm interested" that the staff member may see, newest change first. */
	interests: FamilyInterest[];
	/** Young people of the family with a leisure job or an activity now (as /staff/interests counts). */
	activeNow: number;
}

export async function staffFamilyPage(db: Db, grant: FamilyGrant, now = new Date()): Promise<StaffFamilyPage | null> {
	const actor = grant.actor;
	if (actor.kind !== 'staff') return null;
	const [[head], [desk]] = await Promise.all([
		familyHead(db, grant.familyId),
		db
			.select({
				notes: memberNotesJson(grant),
				openLinks: openLinksJson(grant.familyId, now),
				waiting: waitingCountSql(actor, grant.familyId),
				interests: familyInterestsJson(grant)
			})
			.from(families)
			// A join, so drizzle names every column with its table (the subqueries have their own).
			.innerJoin(teams, eq(teams.id, families.teamId))
			.where(eq(families.id, grant.familyId))
	]);
	if (!head || !desk) return null;
	return {
		family: overviewOf(head, desk.notes, grant),
		openLinks: desk.openLinks.map((l) => ({ ...l, createdAt: new Date(l.createdAt), expiresAt: new Date(l.expiresAt) })),
		waiting: desk.waiting,
		interests: desk.interests,
		activeNow: countActiveNow(desk.interests)
	};
}
