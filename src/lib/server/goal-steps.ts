/**
 * Helping a goal along ('goal.support'): next steps, marking them done, notes on the story,
 * and the family home's "your next steps". Visibility is the goal's, which is its wish's
 * (goals.ts: visibleGoals), in every statement. A family member who sees a goal adds steps
 * for anyone and marks any step; a staff member adds steps for themselves and marks only
 * their own.
 */
import { and, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db } from './db';
import { families, familyMembers, familyStaff, goalSteps, goals, staff, wishes } from './db/schema';
import { visibleItems, type FamilyGrant } from './access';
import { authorOf, logEvent, visibleGoals } from './goals';
import type { NextStep, StepPerson } from '$lib/types';

type Result = { ok: true; id: string } | { ok: false; reason: 'notFound' };
const notFound = { ok: false, reason: 'notFound' } as const;

/** Who a step is for: the actor, a member of the family, someone on its team, or everyone together. */
export type Assignee = { kind: 'me' } | { kind: 'together' } | { kind: 'member'; id: string } | { kind: 'staff'; id: string };

/**
 * The people a family member may give a step to: the family's members and, from the team,
 * the contact person and the staff involved with the family (one statement).
 */
export async function stepPeople(db: Db, grant: FamilyGrant): Promise<StepPerson[]> {
	const rows = await db.execute(sql`
		select 'member' as kind, ${familyMembers.id} as id, ${familyMembers.name} as name, false as contact
			from ${familyMembers} where ${familyMembers.familyId} = ${grant.familyId}
		union all
		select 'staff', ${staff.id}, ${staff.name}, ${staff.id} = ${families.contactPersonId}
			from ${staff} join ${families} on ${families.id} = ${grant.familyId}
			where ${staff.id} = ${families.contactPersonId}
			or ${staff.id} in (select ${familyStaff.staffId} from ${familyStaff} where ${familyStaff.familyId} = ${grant.familyId})`);
	const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as StepPerson[];
	return list.sort((a, b) => Number(b.contact) - Number(a.contact) || a.name.localeCompare(b.name));
}

/** Whether `who` may get a step from this actor: staff only themselves; members anyone on the list. */
async function assignee(db: Db, grant: FamilyGrant, who: Assignee) {
	const actor = grant.actor;
	if (actor.kind === 'staff') return who.kind === 'me' ? { assigneeStaffId: actor.staffId } : null;
	if (who.kind === 'me') return { assigneeMemberId: actor.memberId };
	if (who.kind === 'together') return { together: true };
	const people = await stepPeople(db, grant);
	if (!people.some((p) => p.kind === who.kind && p.id === who.id)) return null;
	return who.kind === 'member' ? { assigneeMemberId: who.id } : { assigneeStaffId: who.id };
}

/** A next step on an active goal the actor can see. */
export async function addStep(
	db: Db,
	grant: FamilyGrant,
	input: { goalId: string; text: string; who: Assignee; dueOn: string | null; formKey: string }
): Promise<Result> {
	if (grant.action !== 'goal.support') return notFound;
	const to = await assignee(db, grant, input.who);
	if (!to) return notFound;
	return db.transaction(async (tx) => {
		const [goal] = await tx
			.select({ id: goals.id })
			.from(goals)
			.where(and(eq(goals.id, input.goalId), eq(goals.familyId, grant.familyId), eq(goals.status, 'active'), visibleGoals(grant.actor)));
		if (!goal) return notFound;
		const [row] = await tx
			.insert(goalSteps)
			.values({
				familyId: grant.familyId,
				goalId: goal.id,
				text: input.text,
				dueOn: input.dueOn,
				formKey: input.formKey,
				...to,
				...authorOf(grant.actor)
			})
			.onConflictDoNothing({ target: goalSteps.formKey })
			.returning({ id: goalSteps.id });
		if (!row) {
			// The same form sent twice: one step.
			const [first] = await tx
				.select({ id: goalSteps.id })
				.from(goalSteps)
				.where(and(eq(goalSteps.formKey, input.formKey), eq(goalSteps.goalId, goal.id)));
			return first ? { ok: true as const, id: first.id } : notFound;
		}
		await logEvent(tx, grant, goal.id, 'step_added', { stepId: row.id });
		return { ok: true as const, id: row.id };
	});
}

/** Marks a step done (recording who and when) or open again. Staff: only steps given to them. */
export async function setStepDone(db: Db, grant: FamilyGrant, input: { id: string; done: boolean; goalId?: string }): Promise<Result> {
	if (grant.action !== 'goal.support') return notFound;
	const actor = grant.actor;
	const by = authorOf(actor);
	const visibleGoal = sql`exists (select 1 from ${goals} where ${goals.id} = ${goalSteps.goalId} and ${goals.status} = 'active' and ${visibleGoals(actor)})`;
	const where = and(
		eq(goalSteps.id, input.id),
		eq(goalSteps.familyId, grant.familyId),
		input.goalId ? eq(goalSteps.goalId, input.goalId) : undefined,
		input.done ? isNull(goalSteps.doneAt) : isNotNull(goalSteps.doneAt),
		actor.kind === 'staff' ? eq(goalSteps.assigneeStaffId, actor.staffId) : undefined,
		visibleGoal
	);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(goalSteps)
			.set(
				input.done
					? { doneAt: sql`now()`, doneByMemberId: by.memberId, doneByStaffId: by.staffId }
					: { doneAt: null, doneByMemberId: null, doneByStaffId: null }
			)
			.where(where)
			.returning({ id: goalSteps.id, goalId: goalSteps.goalId });
		if (!row) return notFound;
		await logEvent(tx, grant, row.goalId, input.done ? 'step_done' : 'step_reopened', { stepId: row.id });
		return { ok: true as const, id: row.goalId };
	});
}

/** A note on the story of a goal the actor can see (any status). */
export async function addNote(db: Db, grant: FamilyGrant, input: { goalId: string; text: string }): Promise<Result> {
	if (grant.action !== 'goal.support') return notFound;
	return db.transaction(async (tx) => {
		const [goal] = await tx
			.select({ id: goals.id })
			.from(goals)
			.where(and(eq(goals.id, input.goalId), eq(goals.familyId, grant.familyId), visibleGoals(grant.actor)));
		if (!goal) return notFound;
		await logEvent(tx, grant, goal.id, 'note', { text: input.text });
		return { ok: true as const, id: goal.id };
	});
}

const wishCols = { familyId: wishes.familyId, memberId: wishes.memberId, visibility: wishes.visibility };

/**
 * The family home's figures in ONE statement (the page's query budget): how many open wishes
 * the member may see, and their next steps — open steps of visible active goals for them or
 * for everyone together, nearest date first, undated last, at most three.
 */
export async function homeFigures(db: Db, grant: FamilyGrant): Promise<{ wishes: number; steps: NextStep[] }> {
	const actor = grant.actor;
	if (actor.kind !== 'family') return { wishes: 0, steps: [] };
	const mine = or(eq(goalSteps.assigneeMemberId, actor.memberId), eq(goalSteps.together, true));
	const result = await db.execute(sql`
		select c.n as "wishes", s.id, s.text, s.due_on as "dueOn", s.together, s.goal_id as "goalId", s.goal_text as "goalText"
		from (select count(*)::int as n from ${wishes}
			where ${wishes.familyId} = ${grant.familyId} and ${wishes.status} = 'open' and ${visibleItems(actor, wishCols)}) c
		left join (
			select ${goalSteps.id} as id, ${goalSteps.text} as text, ${goalSteps.dueOn}::text as due_on, ${goalSteps.together} as together,
				${goals.id} as goal_id, ${goals.text} as goal_text
			from ${goalSteps} join ${goals} on ${goals.id} = ${goalSteps.goalId}
			where ${goalSteps.familyId} = ${grant.familyId} and ${goalSteps.doneAt} is null and ${mine}
				and ${goals.status} = 'active' and ${visibleGoals(actor)}
			order by ${goalSteps.dueOn} nulls last, ${goalSteps.createdAt}, ${goalSteps.id}
			limit 3
		) s on true`);
	const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as (NextStep & {
		wishes: number;
		id: string | null;
	})[];
	return {
		wishes: Number(rows[0]?.wishes ?? 0),
		steps: rows
			.filter((r) => r.id)
			.map(({ id, text, dueOn, together, goalId, goalText }) => ({ id: id!, text, dueOn, together, goalId, goalText }))
	};
}
