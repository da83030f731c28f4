/**
 * Check-ins: how a family member feels each part of life is going, on a five-step scale, one
 * per member, area and Copenhagen day (checking in again the same day replaces it). Who sees
 * one is decided in access.ts (visibleItems: an adult's are the family's, a teenager's are
 * theirs and the team's until they share one); who changes one too (authoredItems). Every
 * statement carries that condition, so the chart, the table, the member list and a form
 * action agree, and a hidden check-in answers exactly like one that does not exist.
 */
import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from './db';
import { checkins, copenhagenToday, familyMembers } from './db/schema';
import { authoredItems, visibleItems, type FamilyGrant } from './access';
import type { CheckinScore, LifeArea } from '$lib/codes';
import type { Checkin } from '$lib/types';

export type { Checkin } from '$lib/types';

const cols = { familyId: checkins.familyId, memberId: checkins.memberId, visibility: checkins.visibility };

/** How far back the chart and table look: twelve weeks, today included. */
export const checkinDays = 84;

export interface CheckinEntry {
	lifeArea: LifeArea;
	score: CheckinScore;
	note: string | null;
}

/**
 * Saves the signed-in member's check-in for today (a grant for 'checkin.write'): one row per
 * area they answered; an area answered earlier today is replaced (new score and sentence, a
 * new version). A teenager's start private unless they chose to show them to their parents.
 */
export async function checkIn(
	db: Db,
	grant: FamilyGrant,
	input: { entries: CheckinEntry[]; shared: boolean }
): Promise<{ ok: true; count: number } | { ok: false; reason: 'notAllowed' }> {
	const actor = grant.actor;
	if (actor.kind !== 'family' || grant.action !== 'checkin.write' || input.entries.length === 0) return { ok: false, reason: 'notAllowed' };
	// Only teenagers have a sign-in among a family's children ($lib/roles).
	const visibility: 'family' | 'member_private' = actor.role === 'child' && !input.shared ? 'member_private' : 'family';
	// One row per area (the last answer wins): a statement may not update the same row twice.
	const entries = [...new Map(input.entries.map((e) => [e.lifeArea, e])).values()];
	const rows = await db
		.insert(checkins)
		.values(
			entries.map((e) => ({
				familyId: grant.familyId,
				memberId: actor.memberId,
				lifeArea: e.lifeArea,
				score: e.score,
				note: e.note,
				visibility
			}))
		)
		.onConflictDoUpdate({
			target: [checkins.memberId, checkins.lifeArea, checkins.day],
			set: {
				score: sql`excluded.score`,
				note: sql`excluded.note`,
				visibility: sql`excluded.visibility`,
				version: sql`${checkins.version} + 1`,
				updatedAt: sql`now()`
			}
		})
		.returning({ id: checkins.id });
	return { ok: true, count: rows.length };
}

/**
 * The family members whose check-ins the actor may see at least one of (in the last twelve
 * weeks), by name: the choice of whose chart to show. A teenager with only private check-ins
 * is not among them for a parent, exactly like someone who never checked in.
 */
export async function listCheckinMembers(db: Db, grant: FamilyGrant): Promise<{ id: string; name: string }[]> {
	return db
		.selectDistinct({ id: familyMembers.id, name: familyMembers.name })
		.from(checkins)
		.innerJoin(familyMembers, eq(familyMembers.id, checkins.memberId))
		.where(and(eq(checkins.familyId, grant.familyId), visibleItems(grant.actor, cols), since()))
		.orderBy(asc(familyMembers.name), asc(familyMembers.id));
}

function since() {
	return gte(checkins.day, sql`${copenhagenToday} - ${checkinDays - 1}::int`);
}

/**
 * One member's check-ins that the actor may see (or, with `null`, every member's: the staff
 * page), last twelve weeks, newest first.
 */
export async function listCheckins(db: Db, grant: FamilyGrant, memberId: string | null): Promise<Checkin[]> {
	const me = grant.actor.kind === 'family' ? grant.actor.memberId : null;
	const rows = await db
		.select({
			id: checkins.id,
			memberId: checkins.memberId,
			memberName: familyMembers.name,
			lifeArea: checkins.lifeArea,
			score: checkins.score,
			note: checkins.note,
			day: checkins.day,
			visibility: checkins.visibility,
			role: familyMembers.role
		})
		.from(checkins)
		.innerJoin(familyMembers, eq(familyMembers.id, checkins.memberId))
		.where(
			and(
				eq(checkins.familyId, grant.familyId),
				memberId === null ? undefined : eq(checkins.memberId, memberId),
				visibleItems(grant.actor, cols),
				since()
			)
		)
		.orderBy(desc(checkins.day), asc(checkins.lifeArea));
	return rows.map(({ visibility, role, ...r }) => ({
		...r,
		score: r.score as CheckinScore,
		private: visibility === 'member_private',
		mine: r.memberId === me,
		sharable: role === 'child'
	}));
}

/** How many check-ins the actor may see in the family (the same rule as the list). */
export async function countCheckins(db: Db, grant: FamilyGrant): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(checkins)
		.where(and(eq(checkins.familyId, grant.familyId), visibleItems(grant.actor, cols)));
	return row?.n ?? 0;
}

/**
 * A teenager shows one of their check-ins to the parents, or takes it back. Adults' are the
 * family's already; anyone else's, or a hidden one, is "not found".
 */
export async function shareCheckin(
	db: Db,
	grant: FamilyGrant,
	input: { id: string; shared: boolean }
): Promise<{ ok: true } | { ok: false; reason: 'notFound' }> {
	if (grant.actor.kind !== 'family' || grant.actor.role !== 'child') return { ok: false, reason: 'notFound' };
	const [row] = await db
		.update(checkins)
		.set({ visibility: input.shared ? 'family' : 'member_private', version: sql`${checkins.version} + 1`, updatedAt: sql`now()` })
		.where(and(eq(checkins.id, input.id), eq(checkins.familyId, grant.familyId), authoredItems(grant.actor, 'checkin.edit', cols)))
		.returning({ id: checkins.id });
	return row ? { ok: true } : { ok: false, reason: 'notFound' };
}
