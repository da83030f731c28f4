/**
 * "I'm interested" (issue 14): a teenager — or a parent, for a child — says it about an
 * opportunity, optionally with a sentence and "come with me the first time". The team moves it
 * along (the partner is contacted → started → still going / stopped, with a reason), and four
 * weeks after "started" the teenager is asked "still going?" (yes / no / I need help).
 *
 * Interests are family data with the visibility of wishes (access.ts visibleItems): a
 * teenager's own is theirs and the team's until they share it; one a parent marks for a child
 * is the family's. Every statement here carries that condition, so a list, a count and a
 * single read agree, and a hidden interest answers exactly like a missing one.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type InterestStatus, type OpportunityKind } from '$lib/codes';
import type { Locale } from '$lib/i18n/locales';
import { rowsOf, type Db } from '../db';
import {
	copenhagenToday,
	familyMembers,
	interestEvents,
	interests,
	opportunities,
	opportunityTexts,
	partners,
	staff,
	users
} from '../db/schema';
import { actorOrganisation, authoredItems, visibleItems, type FamilyGrant } from '../access';
import { goalChoicesJson, goalChoosable, json, meetingGoalJson } from '../goals';
import { activeToday } from './directory';
import { notifyInterest } from '../outbox/enqueue';

/** The columns access.ts visibleItems reads an interest's visibility from. */
export const cols = { familyId: interests.familyId, memberId: interests.memberId, visibility: interests.visibility };

export interface InterestInput {
	opportunityId: string;
	/** The child it is for (a parent's choice); a teenager's is always their own. */
	memberId: string | null;
	note: string;
	companion: boolean;
	/** One of the goals the actor may choose (interestChoices), or none. */
	goalId?: string | null;
	formKey: string;
}

export type SayResult =
	| { ok: true; id: string }
	| { ok: false; reason: 'notFound' }
	/** The goal is not one the actor may link it to (gone, reached, or not theirs to see): choose again. */
	| { ok: false; reason: 'goal' }
	/** An open interest in this opportunity already exists for this child: its id, to go to. */
	| { ok: false; reason: 'already'; id: string | null };

/**
 * "I'm interested", by the signed-in member for themself, or by a parent for a child of the
 * family (a grant for 'interest.write'). A teenager's own starts private; a parent's for a
 * child is the family's. The opportunity must be in the directory the member sees today. Its
 * goal, if any, must be one the actor may choose; for an interest the family sees, one the
 * whole family sees (a parent never links a teenager's own goal, nor shows it to the rest).
 */
export async function sayInterested(db: Db, grant: FamilyGrant, input: InterestInput): Promise<SayResult> {
	const actor = grant.actor;
	if (actor.kind !== 'family' || grant.action !== 'interest.write') return { ok: false, reason: 'notFound' };
	const forOther = input.memberId !== null && input.memberId !== actor.memberId;
	// Only an adult marks for someone else, and only for a child of this family.
	if (forOther && actor.role === 'child') return { ok: false, reason: 'notFound' };
	const memberId = forOther ? input.memberId! : actor.memberId;
	return db.transaction(async (tx) => {
		const [target] = await tx
			.select({ id: familyMembers.id })
			.from(familyMembers)
			.where(
				and(
					eq(familyMembers.id, memberId),
					eq(familyMembers.familyId, grant.familyId),
					forOther ? eq(familyMembers.role, 'child') : undefined
				)
			);
		const [opportunity] = await tx
			.select({ id: opportunities.id })
			.from(opportunities)
			.where(
				and(eq(opportunities.id, input.opportunityId), sql`${opportunities.organisationId} = ${actorOrganisation(actor)}`, activeToday)
			);
		if (!target || !opportunity) return { ok: false, reason: 'notFound' } as const;
		const visibility = forOther || actor.role !== 'child' ? 'family' : 'member_private';
		if (input.goalId) {
			const [{ ok }] = rowsOf<{ ok: boolean }>(
				await tx.execute(sql`select ${goalChoosable(grant, input.goalId, visibility === 'family')} as ok`)
			);
			if (!ok) return { ok: false, reason: 'goal' } as const;
		}
		const [row] = await tx
			.insert(interests)
			.values({
				familyId: grant.familyId,
				memberId,
				opportunityId: input.opportunityId,
				visibility,
				note: input.note,
				companion: input.companion,
				goalId: input.goalId ?? null,
				createdBy: actor.id,
				formKey: input.formKey
			})
			.onConflictDoNothing()
			.returning({ id: interests.id });
		if (row) {
			await tx.insert(interestEvents).values({ interestId: row.id, status: 'interested', note: input.note, byUser: actor.id });
			await notifyInterest(tx as unknown as Db, 'interest_new', { id: row.id, familyId: grant.familyId });
			return { ok: true, id: row.id } as const;
		}
		// The same form twice, or an open interest already: the one that exists, if the actor may see it.
		const [existing] = await tx
			.select({ id: interests.id, formKey: interests.formKey })
			.from(interests)
			.where(
				and(
					eq(interests.familyId, grant.familyId),
					visibleItems(actor, cols),
					sql`(${interests.formKey} = ${input.formKey}::uuid or (${interests.memberId} = ${memberId}::uuid and ${interests.opportunityId} = ${input.opportunityId}::uuid and ${interests.status} <> 'stopped'))`
				)
			);
		if (existing?.formKey === input.formKey) return { ok: true, id: existing.id } as const;
		return { ok: false, reason: 'already', id: existing?.id ?? null } as const;
	});
}

export interface InterestSummary {
	id: string;
	status: InterestStatus;
	private: boolean;
	companion: boolean;
	note: string;
	memberId: string;
	memberName: string;
	opportunityId: string;
	title: string;
	lang: string;
	kind: OpportunityKind;
	partner: string;
	/** "Still going?" waits for an answer from this reader. */
	askNow: boolean;
	/** The member's own: they may share it. */
	mine: boolean;
	/** The goal it is part of, when the reader may see that goal (a teenager's own goal: only they and the team). */
	goal: { id: string; text: string } | null;
	updatedAt: Date;
}

/** The interests the actor may see in a family, newest change first (or just the one with `id`). */
export async function listInterests(
	db: Db,
	grant: FamilyGrant,
	locale: Locale,
	id?: string,
	opportunityId?: string
): Promise<InterestSummary[]> {
	const me = grant.actor.kind === 'family' ? grant.actor.memberId : null;
	const rows = await db
		.select({
			id: interests.id,
			status: interests.status,
			visibility: interests.visibility,
			companion: interests.companion,
			note: interests.note,
			memberId: interests.memberId,
			memberName: familyMembers.name,
			opportunityId: interests.opportunityId,
			title: sql<string>`coalesce(${opportunityTexts.title}, ${opportunities.title})`,
			lang: sql<string>`case when ${opportunityTexts.title} is null then 'da' else ${locale} end`,
			kind: opportunities.kind,
			partner: partners.name,
			askOn: interests.askOn,
			due: sql<boolean>`${interests.askOn} <= ${copenhagenToday}`,
			goal: meetingGoalJson(grant.actor, interests.goalId),
			updatedAt: interests.updatedAt
		})
		.from(interests)
		.innerJoin(familyMembers, eq(familyMembers.id, interests.memberId))
		.innerJoin(opportunities, eq(opportunities.id, interests.opportunityId))
		.innerJoin(partners, eq(partners.id, opportunities.partnerId))
		.leftJoin(opportunityTexts, and(eq(opportunityTexts.opportunityId, opportunities.id), eq(opportunityTexts.locale, locale)))
		.where(
			and(
				eq(interests.familyId, grant.familyId),
				visibleItems(grant.actor, cols),
				id ? eq(interests.id, id) : undefined,
				opportunityId ? eq(interests.opportunityId, opportunityId) : undefined
			)
		)
		.orderBy(desc(interests.updatedAt), desc(interests.id));
	return rows.map(({ visibility, askOn: _askOn, due, goal, ...r }) => ({
		...r,
		goal: json<{ id: string; text: string } | null>(goal),
		private: visibility === 'member_private',
		mine: r.memberId === me,
		askNow: due === true && r.memberId === me
	}));
}

/**
 * What the "I'm interested" form offers, in one statement: the children an adult may mark it
 * for (none for a teenager, who marks only for themself), and the goals it may be part of —
 * a teenager's: any active goal they see, their own too; an adult's: those the whole family sees.
 */
export async function interestChoices(
	db: Db,
	grant: FamilyGrant
): Promise<{ children: { id: string; name: string }[]; goals: { id: string; text: string; own: boolean }[] }> {
	const actor = grant.actor;
	if (actor.kind !== 'family') return { children: [], goals: [] };
	const adult = actor.role !== 'child';
	const children = adult
		? sql`(select coalesce(json_agg(json_build_object('id', ${familyMembers.id}, 'name', ${familyMembers.name}) order by ${familyMembers.name}, ${familyMembers.id}), '[]')
			from ${familyMembers} where ${familyMembers.familyId} = ${grant.familyId}::uuid and ${familyMembers.role} = 'child')`
		: sql`'[]'::json`;
	const [row] = rowsOf<{ children: unknown; goals: unknown }>(
		await db.execute(sql`select ${children} as children, ${goalChoicesJson(grant, adult)} as goals`)
	);
	return { children: json(row?.children ?? []), goals: json(row?.goals ?? []) };
}

export interface InterestEvent {
	status: InterestStatus;
	note: string;
	needsHelp: boolean;
	/** Who moved it: a staff member's name, or a family member's. */
	by: string | null;
	at: Date;
}

/** The timelines of these interests (already read through visibleItems by the caller), oldest first: one statement. */
export async function interestEventsOf(db: Db, ids: string[]): Promise<Map<string, InterestEvent[]>> {
	const out = new Map<string, InterestEvent[]>(ids.map((id) => [id, []]));
	if (ids.length === 0) return out;
	const rows = await db
		.select({
			interestId: interestEvents.interestId,
			status: interestEvents.status,
			note: interestEvents.note,
			needsHelp: interestEvents.needsHelp,
			by: sql<string | null>`coalesce(${staff.name}, ${familyMembers.name})`,
			at: interestEvents.at
		})
		.from(interestEvents)
		.leftJoin(users, eq(users.id, interestEvents.byUser))
		.leftJoin(staff, eq(staff.id, users.staffId))
		.leftJoin(familyMembers, eq(familyMembers.id, users.familyMemberId))
		.where(inArray(interestEvents.interestId, ids))
		.orderBy(asc(interestEvents.at), asc(interestEvents.id));
	for (const { interestId, ...e } of rows) out.get(interestId)?.push(e);
	return out;
}

/** One interest with its timeline, or null (hidden and missing look the same). */
export async function getInterest(db: Db, grant: FamilyGrant, locale: Locale, id: string) {
	const [interest] = await listInterests(db, grant, locale, id);
	if (!interest) return null;
	const events = (await interestEventsOf(db, [id])).get(id) ?? [];
	return { ...interest, events };
}

/** How many open interests (not stopped) the actor may see in a family: the same rule as the list. */
export async function countInterests(db: Db, grant: FamilyGrant): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(interests)
		.where(and(eq(interests.familyId, grant.familyId), sql`${interests.status} <> 'stopped'`, visibleItems(grant.actor, cols)));
	return row?.n ?? 0;
}

/** A teenager shows their interest to the parents (it cannot be hidden again: they have seen it). */
export async function shareInterest(db: Db, grant: FamilyGrant, id: string): Promise<boolean> {
	const rows = await db
		.update(interests)
		.set({ visibility: 'family', updatedAt: sql`now()`, version: sql`${interests.version} + 1` })
		.where(and(eq(interests.id, id), eq(interests.familyId, grant.familyId), authoredItems(grant.actor, 'interest.edit', cols)))
		.returning({ id: interests.id });
	return rows.length === 1;
}

export type StillGoing = 'yes' | 'no' | 'help';

/**
 * The teenager's answer to "still going?" (their own interest, once it is asked): yes → still
 * going; no → stopped, with their reason if they give one; "I need help" keeps it started and
 * puts a flag on the timeline that the team's pipeline shows first.
 */
export async function answerStillGoing(db: Db, grant: FamilyGrant, id: string, answer: StillGoing, words: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const status: InterestStatus = answer === 'yes' ? 'still_going' : answer === 'no' ? 'stopped' : 'started';
		const [row] = await tx
			.update(interests)
			.set({
				status,
				stopReason: answer === 'no' ? words : null,
				askOn: null,
				updatedAt: sql`now()`,
				version: sql`${interests.version} + 1`
			})
			.where(
				and(
					eq(interests.id, id),
					eq(interests.familyId, grant.familyId),
					authoredItems(grant.actor, 'interest.edit', cols),
					eq(interests.status, 'started'),
					sql`${interests.askOn} <= ${copenhagenToday}`
				)
			)
			.returning({ id: interests.id });
		if (!row) return false;
		await tx.insert(interestEvents).values({ interestId: id, status, note: words, needsHelp: answer === 'help', byUser: grant.actor.id });
		if (answer === 'help') await notifyInterest(tx as unknown as Db, 'interest_help', { id, familyId: grant.familyId });
		return true;
	});
}
