/**
 * The team's side of interests (issue 14): moving one along, the pipeline of the families a
 * staff member works with, a family's interests on its page, and who has a leisure job or an
 * activity now (the team's figures count the same). The same visibility as interests.ts: a
 * teenager's own, not shared, is theirs and the team's; every statement carries it.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { interestNext, stillGoingAfterDays, type InterestStatus } from '$lib/codes';
import type { Db } from '../db';
import { copenhagenToday, familyMembers, interestEvents, interests, opportunities, partners, families } from '../db/schema';
import { visibleFamilies, visibleItems, type Actor, type FamilyGrant } from '../access';
import { cols } from './interests';

export type MoveResult = { ok: true } | { ok: false; reason: 'notFound' | 'notNow' };

/**
 * The team moves an interest along with a note (a grant for 'interest.manage'): started sets
 * the day and when "still going?" is asked; stopped needs a reason.
 */
export async function moveInterest(
	db: Db,
	grant: FamilyGrant,
	id: string,
	to: InterestStatus,
	note: string,
	stopReason: string | null = null
): Promise<MoveResult> {
	if (grant.actor.kind !== 'staff' || grant.action !== 'interest.manage') return { ok: false, reason: 'notFound' };
	const from = (Object.keys(interestNext) as InterestStatus[]).filter((s) => interestNext[s].includes(to));
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(interests)
			.set({
				status: to,
				stopReason: to === 'stopped' ? (stopReason ?? note) : null,
				startedOn: to === 'started' ? copenhagenToday : undefined,
				askOn:
					to === 'started'
						? sql`${copenhagenToday} + ${stillGoingAfterDays}::int`
						: to === 'stopped' || to === 'still_going'
							? null
							: undefined,
				updatedAt: sql`now()`,
				version: sql`${interests.version} + 1`
			})
			.where(
				and(
					eq(interests.id, id),
					eq(interests.familyId, grant.familyId),
					visibleItems(grant.actor, cols),
					from.length ? inArray(interests.status, from) : sql`false`
				)
			)
			.returning({ id: interests.id });
		if (!row) {
			const [seen] = await tx
				.select({ id: interests.id })
				.from(interests)
				.where(and(eq(interests.id, id), eq(interests.familyId, grant.familyId), visibleItems(grant.actor, cols)));
			return { ok: false, reason: seen ? 'notNow' : 'notFound' } as const;
		}
		await tx.insert(interestEvents).values({ interestId: id, status: to, note, byUser: grant.actor.id });
		return { ok: true } as const;
	});
}

export interface FamilyInterest {
	id: string;
	memberId: string;
	memberName: string;
	/** In Danish, as the team's lists show it. */
	title: string;
	status: InterestStatus;
	companion: boolean;
	/** A teenager's own, not shared: the parents do not know of it. */
	private: boolean;
	updatedAt: string;
}

/**
 * SQL: a family's interests that the grant's actor may see, newest change first, as a JSON
 * array (FamilyInterest) — for the team's family page, read in a statement it already runs.
 * The same rule as listInterests, so the page and the pipeline agree.
 */
export function familyInterestsJson(grant: FamilyGrant): SQL<FamilyInterest[]> {
	return sql<FamilyInterest[]>`coalesce((select json_agg(json_build_object('id', ${interests.id}, 'memberId', ${interests.memberId},
			'memberName', ${familyMembers.name}, 'title', ${opportunities.title}, 'status', ${interests.status},
			'companion', ${interests.companion}, 'private', ${interests.visibility} = 'member_private', 'updatedAt', ${interests.updatedAt})
			order by ${interests.updatedAt} desc, ${interests.id} desc)
		from ${interests} join ${familyMembers} on ${familyMembers.id} = ${interests.memberId}
		join ${opportunities} on ${opportunities.id} = ${interests.opportunityId}
		where ${interests.familyId} = ${grant.familyId}::uuid and ${visibleItems(grant.actor, cols)}), '[]'::json)`;
}

/** How many of these interests' young people have a leisure job or an activity now: the rule of activeNow. */
export function countActiveNow(list: Pick<FamilyInterest, 'memberId' | 'status'>[]): number {
	return new Set(list.filter((i) => i.status === 'started' || i.status === 'still_going').map((i) => i.memberId)).size;
}

/**
 * Teenagers and children who have a leisure job or a regular activity now (started or still
 * going), per family the staff member sees — the team's figures count the same.
 */
export async function activeNow(db: Db, actor: Actor): Promise<{ familyId: string; familyName: string; members: number }[]> {
	const rows = await db
		.select({ familyId: interests.familyId, familyName: families.name, members: sql<number>`count(distinct ${interests.memberId})::int` })
		.from(interests)
		.innerJoin(families, eq(families.id, interests.familyId))
		.where(
			and(
				sql`${interests.familyId} in ${visibleFamilies(actor)}`,
				visibleItems(actor, cols),
				inArray(interests.status, ['started', 'still_going'])
			)
		)
		.groupBy(interests.familyId, families.name)
		.orderBy(families.name);
	return rows;
}

export interface PipelineItem {
	id: string;
	familyId: string;
	familyName: string;
	memberName: string;
	status: InterestStatus;
	title: string;
	partner: string;
	note: string;
	companion: boolean;
	/** The last word on its timeline is "I need help". */
	needsHelp: boolean;
	updatedAt: Date;
}

/**
 * The team's pipeline (/staff/interests): every interest the staff member may see in the
 * families they work with, not stopped longer than `stoppedDays` ago; those that need help
 * first, then the oldest change first (what has waited longest). One statement.
 */
export async function interestPipeline(db: Db, actor: Actor, stoppedDays = 30): Promise<PipelineItem[]> {
	const lastHelp = sql<boolean>`coalesce((select ${interestEvents.needsHelp} from ${interestEvents}
		where ${interestEvents.interestId} = ${interests.id} order by ${interestEvents.at} desc, ${interestEvents.id} desc limit 1), false)`;
	return db
		.select({
			id: interests.id,
			familyId: interests.familyId,
			familyName: families.name,
			memberName: familyMembers.name,
			status: interests.status,
			title: opportunities.title,
			partner: partners.name,
			note: interests.note,
			companion: interests.companion,
			needsHelp: lastHelp,
			updatedAt: interests.updatedAt
		})
		.from(interests)
		.innerJoin(families, eq(families.id, interests.familyId))
		.innerJoin(familyMembers, eq(familyMembers.id, interests.memberId))
		.innerJoin(opportunities, eq(opportunities.id, interests.opportunityId))
		.innerJoin(partners, eq(partners.id, opportunities.partnerId))
		.where(
			and(
				visibleItems(actor, cols),
				sql`(${interests.status} <> 'stopped' or ${interests.updatedAt} > now() - make_interval(days => ${stoppedDays}))`
			)
		)
		.orderBy(desc(lastHelp), asc(interests.updatedAt));
}
