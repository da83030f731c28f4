/**
 * Goals that grow out of a wish. A goal has no visibility of its own: whoever may see its wish
 * (access.ts, visibleItems) sees the goal, its steps and its story — a teenager's private wish
 * keeps its goals private too, and sharing the wish shares them. Every statement here carries
 * that condition (visibleGoals), so a list, a count, a single read and a change agree, and a
 * hidden goal answers exactly like one that does not exist.
 *
 * Family members write goals (active at once), change their words, say yes or no to a staff
 * member's proposal, and mark them reached. Staff only propose. Each change writes its event
 * on the goal's timeline in the same transaction.
 */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from './db';
import { goalEvents, goalSteps, goals, familyMembers, staff, wishes } from './db/schema';
import { visibleItems, type Actor, type FamilyGrant } from './access';
import type { GoalEventKind, GoalStatus } from '$lib/codes';
import type { GoalDetail, GoalSummary } from '$lib/types';
import { notifyGoalProposed } from './outbox/enqueue';

const wishCols = { familyId: wishes.familyId, memberId: wishes.memberId, visibility: wishes.visibility };

/** SQL: the row in `goals` is one the actor may see — exactly when they may see its wish. */
export function visibleGoals(actor: Actor): SQL {
	return sql`exists (select 1 from ${wishes} where ${wishes.id} = ${goals.wishId} and ${visibleItems(actor, wishCols)})`;
}

/** The actor as a row's author: a family member or a staff member, never both. */
export function authorOf(actor: Actor): { memberId: string | null; staffId: string | null } {
	return actor.kind === 'family' ? { memberId: actor.memberId, staffId: null } : { memberId: null, staffId: actor.staffId };
}

/** Writes one event on a goal's timeline (call inside the change's transaction). */
export async function logEvent(
	tx: Db,
	grant: FamilyGrant,
	goalId: string,
	kind: GoalEventKind,
	extra: { stepId?: string; text?: string | null; oldText?: string | null } = {}
): Promise<void> {
	await tx.insert(goalEvents).values({ familyId: grant.familyId, goalId, kind, ...authorOf(grant.actor), ...extra });
}

/** SQL: the name of a row's author, a family member's or a staff member's. */
export function nameOf(memberId: SQL | { getSQL(): SQL }, staffId: SQL | { getSQL(): SQL }): SQL<string> {
	return sql<string>`coalesce((select ${familyMembers.name} from ${familyMembers} where ${familyMembers.id} = ${memberId}),
		(select ${staff.name} from ${staff} where ${staff.id} = ${staffId}))`;
}

const summary = {
	id: goals.id,
	wishId: goals.wishId,
	text: goals.text,
	status: goals.status,
	declineReason: goals.declineReason,
	version: goals.version,
	authorName: nameOf(goals.memberId, goals.staffId),
	proposed: sql<boolean>`${goals.staffId} is not null`,
	stepsOpen: sql<number>`(select count(*)::int from ${goalSteps} where ${goalSteps.goalId} = ${goals.id} and ${goalSteps.doneAt} is null)`,
	stepsDone: sql<number>`(select count(*)::int from ${goalSteps} where ${goalSteps.goalId} = ${goals.id} and ${goalSteps.doneAt} is not null)`,
	createdAt: goals.createdAt
};

/** The goals of one wish that the actor may see (none when the wish is hidden), oldest first. */
export async function listGoals(db: Db, grant: FamilyGrant, wishId: string): Promise<GoalSummary[]> {
	const rows = await db
		.select(summary)
		.from(goals)
		.where(and(eq(goals.familyId, grant.familyId), eq(goals.wishId, wishId), visibleGoals(grant.actor)))
		.orderBy(goals.createdAt, goals.id);
	return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/**
 * SQL condition: the active goals of the grant's family that its actor may see. With
 * `familyOnly`, only those the whole family sees (not one only its writer and the team see):
 * for what a parent links to something the family shares, such as an interest for a child.
 */
function choosable(grant: FamilyGrant, familyOnly = false): SQL {
	return and(
		eq(goals.familyId, grant.familyId),
		eq(goals.status, 'active'),
		visibleGoals(grant.actor),
		familyOnly ? sql`${wishes.visibility} = 'family'` : undefined
	)!;
}

/**
 * The goals a member may point a meeting's topic at: the active ones they can see, oldest
 * first (a teenager's own goal is offered only to that teenager). `own` marks one only its
 * writer and the team see, so the page can say the rest of the family will not.
 */
export async function goalChoices(db: Db, grant: FamilyGrant): Promise<{ id: string; text: string; own: boolean }[]> {
	return db
		.select({ id: goals.id, text: goals.text, own: sql<boolean>`${wishes.visibility} = 'member_private'` })
		.from(goals)
		.innerJoin(wishes, eq(wishes.id, goals.wishId))
		.where(choosable(grant))
		.orderBy(goals.createdAt, goals.id);
}

/**
 * SQL: goalChoices as a JSON array of { id, text, own }, for a page that reads them inside a
 * statement it already runs. `familyOnly` as in choosable.
 */
export function goalChoicesJson(grant: FamilyGrant, familyOnly = false): SQL<unknown> {
	return sql`(select coalesce(json_agg(json_build_object('id', ${goals.id}, 'text', ${goals.text},
			'own', ${wishes.visibility} = 'member_private') order by ${goals.createdAt}, ${goals.id}), '[]')
		from ${goals} join ${wishes} on ${wishes.id} = ${goals.wishId} where ${choosable(grant, familyOnly)})`;
}

/** SQL condition: the goal `goalId` is one the grant's actor may choose (goalChoices; `familyOnly` as in choosable). */
export function goalChoosable(grant: FamilyGrant, goalId: string, familyOnly = false): SQL {
	return sql`exists (select 1 from ${goals} join ${wishes} on ${wishes.id} = ${goals.wishId}
		where ${goals.id} = ${goalId}::uuid and ${choosable(grant, familyOnly)})`;
}

/**
 * SQL: the goal the row in `meetings` is about, as { id, text }, or null when it has none or
 * the actor may not see it. A meeting is the whole family's; its goal may be a teenager's own,
 * and then only that teenager (and the team) read its words. Use in a select with a join, so
 * the columns are written with their tables' names. An interest's goal (activities/interests.ts)
 * is read the same way: a shared interest never shows the words of a teenager's own goal.
 */
export function meetingGoalJson(actor: Actor, goalId: SQL | { getSQL(): SQL }): SQL<{ id: string; text: string } | null> {
	return sql<{ id: string; text: string } | null>`(select json_build_object('id', ${goals.id}, 'text', ${goals.text})
		from ${goals} where ${goals.id} = ${goalId} and ${visibleGoals(actor)})`;
}

/** A JSON column from a subquery: PGlite and postgres.js may hand it over parsed or as text. */
export function json<T>(v: unknown): T {
	return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

/**
 * One goal with its wish, steps and story (newest first), in one statement; null when the actor
 * may not see it (hidden or not there: the same answer).
 */
export async function getGoal(db: Db, grant: FamilyGrant, id: string): Promise<GoalDetail | null> {
	const s = goalSteps;
	const e = goalEvents;
	const [row] = await db
		.select({
			...summary,
			wishText: wishes.text,
			wishPrivate: sql<boolean>`${wishes.visibility} = 'member_private'`,
			steps: sql`(select coalesce(json_agg(json_build_object(
					'id', ${s.id}, 'text', ${s.text}, 'dueOn', ${s.dueOn}, 'together', ${s.together},
					'assigneeMemberId', ${s.assigneeMemberId}, 'assigneeStaffId', ${s.assigneeStaffId},
					'assigneeName', ${nameOf(s.assigneeMemberId, s.assigneeStaffId)},
					'doneAt', ${s.doneAt}, 'doneByName', ${nameOf(s.doneByMemberId, s.doneByStaffId)}
				) order by ${s.doneAt} is not null, ${s.dueOn} nulls last, ${s.createdAt}, ${s.id}), '[]')
				from ${s} where ${s.goalId} = ${goals.id})`,
			events: sql`(select coalesce(json_agg(json_build_object(
					'id', ${e.id}, 'kind', ${e.kind}, 'text', ${e.text}, 'oldText', ${e.oldText}, 'at', ${e.createdAt},
					'byName', ${nameOf(e.memberId, e.staffId)}, 'byStaff', ${e.staffId} is not null,
					'stepText', (select ${s.text} from ${s} where ${s.id} = ${e.stepId})
				) order by ${e.id} desc), '[]')
				from ${e} where ${e.goalId} = ${goals.id})`
		})
		.from(goals)
		.innerJoin(wishes, eq(wishes.id, goals.wishId))
		.where(and(eq(goals.id, id), eq(goals.familyId, grant.familyId), visibleGoals(grant.actor)));
	if (!row) return null;
	const { steps, events, createdAt, ...rest } = row;
	return { ...rest, createdAt: createdAt.toISOString(), steps: json(steps), events: json(events) };
}

export type GoalResult =
	| { ok: true; id: string }
	| { ok: false; reason: 'notFound' }
	/** Saved meanwhile from somewhere else: what is stored now, to show beside what was typed. */
	| { ok: false; reason: 'conflict'; current: { text: string; version: number; authorName: string } };

const notFound = { ok: false, reason: 'notFound' } as const;

/** A new goal on a visible wish: active when a family member writes it, proposed when staff do. */
async function insertGoal(db: Db, grant: FamilyGrant, input: { wishId: string; text: string; formKey: string }, status: GoalStatus) {
	return db.transaction(async (tx) => {
		const [wish] = await tx
			.select({ id: wishes.id })
			.from(wishes)
			.where(and(eq(wishes.id, input.wishId), eq(wishes.familyId, grant.familyId), visibleItems(grant.actor, wishCols)));
		if (!wish) return notFound;
		const [row] = await tx
			.insert(goals)
			.values({ familyId: grant.familyId, wishId: wish.id, text: input.text, status, formKey: input.formKey, ...authorOf(grant.actor) })
			.onConflictDoNothing({ target: goals.formKey })
			.returning({ id: goals.id });
		if (row) {
			await logEvent(tx, grant, row.id, status === 'proposed' ? 'proposed' : 'created', { text: input.text });
			if (status === 'proposed') await notifyGoalProposed(tx as unknown as Db, grant.actor, { id: row.id, familyId: grant.familyId });
			return { ok: true as const, id: row.id };
		}
		// The same form sent twice: the goal it already made, if it is the actor's own.
		const [first] = await tx
			.select({ id: goals.id })
			.from(goals)
			.where(and(eq(goals.formKey, input.formKey), eq(goals.familyId, grant.familyId), visibleGoals(grant.actor)));
		return first ? { ok: true as const, id: first.id } : notFound;
	});
}

/** A family member writes a goal for a wish they can see ('goal.write'); it is active at once. */
export function writeGoal(db: Db, grant: FamilyGrant, input: { wishId: string; text: string; formKey: string }): Promise<GoalResult> {
	if (grant.actor.kind !== 'family' || grant.action !== 'goal.write') return Promise.resolve(notFound);
	return insertGoal(db, grant, input, 'active');
}

/** A staff member proposes a goal for a wish they can see ('goal.propose'): the family answers. */
export function proposeGoal(db: Db, grant: FamilyGrant, input: { wishId: string; text: string; formKey: string }): Promise<GoalResult> {
	if (grant.actor.kind !== 'staff' || grant.action !== 'goal.propose') return Promise.resolve(notFound);
	return insertGoal(db, grant, input, 'proposed');
}

/**
 * Changes one visible goal in `from` (a status set), guarded by version when one is given, and
 * writes the event. Family members only ('goal.write'): staff never change the family's goals.
 */
async function change(
	db: Db,
	grant: FamilyGrant,
	input: { id: string; version: number | null },
	from: GoalStatus[],
	set: Partial<typeof goals.$inferInsert>,
	kind: GoalEventKind,
	eventText?: string | null
): Promise<GoalResult> {
	if (grant.actor.kind !== 'family' || grant.action !== 'goal.write') return notFound;
	const mine = and(eq(goals.id, input.id), eq(goals.familyId, grant.familyId), inArray(goals.status, from), visibleGoals(grant.actor));
	return db.transaction(async (tx) => {
		const [before] = await tx.select({ text: goals.text, version: goals.version }).from(goals).where(mine).for('update');
		if (!before) return notFound;
		if (input.version !== null && before.version !== input.version) {
			const [last] = await tx
				.select({ name: nameOf(goalEvents.memberId, goalEvents.staffId) })
				.from(goalEvents)
				.where(and(eq(goalEvents.goalId, input.id), inArray(goalEvents.kind, ['created', 'proposed', 'accepted', 'edited'])))
				.orderBy(desc(goalEvents.id))
				.limit(1);
			return { ok: false, reason: 'conflict', current: { text: before.text, version: before.version, authorName: last?.name ?? '' } };
		}
		await tx
			.update(goals)
			.set({ ...set, version: sql`${goals.version} + 1`, updatedAt: sql`now()` })
			.where(mine);
		const words = set.text !== undefined && set.text !== before.text;
		await logEvent(tx, grant, input.id, kind, {
			text: eventText ?? (words ? set.text : null),
			oldText: words ? before.text : null
		});
		return { ok: true, id: input.id };
	});
}

/** New words for an active goal, from the version the member was shown. */
export function editGoal(db: Db, grant: FamilyGrant, input: { id: string; version: number; text: string }): Promise<GoalResult> {
	return change(db, grant, input, ['active'], { text: input.text }, 'edited');
}

/** Yes to a staff member's proposal, with the words as the member left them: the goal is active. */
export function acceptGoal(db: Db, grant: FamilyGrant, input: { id: string; version: number; text: string }): Promise<GoalResult> {
	return change(db, grant, input, ['proposed'], { text: input.text, status: 'active' }, 'accepted');
}

/** No to a proposal, with an optional reason (kept on the goal and in its story). */
export function declineGoal(db: Db, grant: FamilyGrant, input: { id: string; reason: string | null }): Promise<GoalResult> {
	return change(
		db,
		grant,
		{ id: input.id, version: null },
		['proposed'],
		{ status: 'declined', declineReason: input.reason },
		'declined',
		input.reason
	);
}

/** Reached (a reason to celebrate), or open again. */
export function setGoalReached(db: Db, grant: FamilyGrant, input: { id: string; reached: boolean }): Promise<GoalResult> {
	return input.reached
		? change(db, grant, { id: input.id, version: null }, ['active'], { status: 'reached' }, 'reached')
		: change(db, grant, { id: input.id, version: null }, ['reached'], { status: 'active' }, 'reopened');
}
