/**
 * Notifications are written here, in the transaction of the change they tell about (DESIGN.md
 * 12): a rolled-back change leaves none, a committed one cannot lose its notification. Each row
 * is for one sign-in; the worker (worker.ts) picks the channel and the words when it sends.
 * Family recipients come from access.ts (familyReaders): the same condition that lists the item
 * for them, so a teenager's private conversation never reaches a parent.
 */
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { NotificationKind } from '$lib/codes';
import { rowsOf, type Db } from '../db';
import {
	absences,
	interests,
	users,
	copenhagenToday,
	conversations,
	families,
	goalSteps,
	goals,
	meetingMembers,
	meetings,
	notifications,
	staff
} from '../db/schema';
import { familyReaders, type Actor } from '../access';
import { visibleConversations } from '../messages/conversations';
import { visibleGoals } from '../goals';
import { deliverAt, reminderTimes } from './timing';
import { localDay } from '$lib/time/zone';

interface Note {
	kind: NotificationKind;
	familyId: string;
	subjectId: string;
	fromName: string;
	meetingAt?: Date | null;
	deliverAfter: Date;
}

/** Inserts one row per `user_id` of the subquery; a message already waiting for someone gathers this one. */
async function insertFor(tx: Db, recipients: SQL | null, note: Note): Promise<void> {
	if (!recipients) return;
	await tx.execute(sql`insert into ${notifications} (user_id, family_id, kind, subject_id, from_name, meeting_at, deliver_after)
		select r.user_id, ${note.familyId}::uuid, ${note.kind}, ${note.subjectId}::uuid, ${note.fromName},
			${note.meetingAt?.toISOString() ?? null}::timestamptz, ${note.deliverAfter.toISOString()}::timestamptz
		from ${recipients} r
		on conflict (user_id, kind, subject_id) where status = 'pending' and kind = 'message' do nothing`);
}

/** A staff member's sign-in, and their stand-in's while they are away today. */
function staffAndStandIn(staffId: string): SQL {
	return sql`(select u.id as user_id from users u where u.staff_id = ${staffId}::uuid
		union select u.id from users u join ${absences} a on a.stand_in_id = u.staff_id
		where a.staff_id = ${staffId}::uuid and a.starts_on <= ${copenhagenToday} and a.ends_on >= ${copenhagenToday})`;
}

/**
 * A new line in a conversation: from the team, to each member who may see the conversation;
 * from the family, to the staff member who answers it (and their stand-in while away).
 */
export async function notifyLine(
	tx: Db,
	actor: Actor,
	conv: { id: string; familyId: string; staffId: string },
	now = new Date()
): Promise<void> {
	const recipients =
		actor.kind === 'staff'
			? await familyReaders(
					tx,
					conv.familyId,
					(member) =>
						sql`exists (select 1 from ${conversations} where ${conversations.id} = ${conv.id}::uuid and ${visibleConversations(member)})`
				)
			: staffAndStandIn(conv.staffId);
	await insertFor(tx, recipients, {
		kind: 'message',
		familyId: conv.familyId,
		subjectId: conv.id,
		fromName: actor.kind === 'staff' ? actor.name : '',
		deliverAfter: deliverAt('message', now)
	});
}

/** A goal the team proposes: everyone in the family who sees its wish. */
export async function notifyGoalProposed(tx: Db, actor: Actor, goal: { id: string; familyId: string }, now = new Date()): Promise<void> {
	const recipients = await familyReaders(
		tx,
		goal.familyId,
		(member) => sql`exists (select 1 from ${goals} where ${goals.id} = ${goal.id}::uuid and ${visibleGoals(member)})`
	);
	await insertFor(tx, recipients, {
		kind: 'goal_proposed',
		familyId: goal.familyId,
		subjectId: goal.id,
		fromName: actor.name,
		deliverAfter: deliverAt('goal_proposed', now)
	});
}

export type MeetingChange = 'meeting_booked' | 'meeting_proposed' | 'meeting_moved' | 'meeting_cancelled';

/**
 * A meeting booked, proposed, moved or cancelled: by the team, to the family members taking
 * part; by the family, to the staff member (and stand-in). Its reminders are made again from
 * what the meeting is now (none once cancelled). `earlier` is the time it had before a move.
 */
export async function notifyMeeting(
	tx: Db,
	actor: Actor,
	meetingId: string,
	kind: MeetingChange,
	earlier: Date | null = null,
	now = new Date()
): Promise<void> {
	const [meeting] = await tx
		.select({ familyId: meetings.familyId, staffId: meetings.staffId, startsAt: meetings.startsAt, staffName: staff.name })
		.from(meetings)
		.innerJoin(staff, eq(staff.id, meetings.staffId))
		.where(eq(meetings.id, meetingId));
	if (!meeting) return;
	const times = earlier ? [earlier, meeting.startsAt] : [meeting.startsAt];
	const recipients =
		actor.kind === 'staff'
			? await familyReaders(tx, meeting.familyId, (member) => takesPart(meetingId, member.memberId))
			: staffAndStandIn(meeting.staffId);
	await insertFor(tx, recipients, {
		kind,
		familyId: meeting.familyId,
		subjectId: meetingId,
		fromName: actor.kind === 'staff' ? meeting.staffName : '',
		meetingAt: meeting.startsAt,
		deliverAfter: deliverAt(kind, now, { meetingTimes: times })
	});
	await scheduleReminders(tx, meetingId, now);
}

function takesPart(meetingId: string, memberId: string): SQL {
	return sql`exists (select 1 from ${meetingMembers} where ${meetingMembers.meetingId} = ${meetingId}::uuid and ${meetingMembers.memberId} = ${memberId}::uuid)`;
}

/**
 * The reminders of a meeting, as it is now: those waiting are dropped, and a booked meeting
 * in the future gets new ones for the members taking part.
 */
export async function scheduleReminders(tx: Db, meetingId: string, now = new Date()): Promise<void> {
	await tx
		.update(notifications)
		.set({ status: 'skipped', lastError: 'meeting changed' })
		.where(
			and(
				eq(notifications.subjectId, meetingId),
				inArray(notifications.kind, ['reminder_day', 'reminder_hours']),
				eq(notifications.status, 'pending')
			)
		);
	const [meeting] = await tx
		.select({ familyId: meetings.familyId, status: meetings.status, startsAt: meetings.startsAt, staffName: staff.name })
		.from(meetings)
		.innerJoin(staff, eq(staff.id, meetings.staffId))
		.where(eq(meetings.id, meetingId));
	if (!meeting || meeting.status !== 'booked') return;
	const times = reminderTimes(meeting.startsAt, now);
	if (times.length === 0) return;
	const recipients = await familyReaders(tx, meeting.familyId, (member) => takesPart(meetingId, member.memberId));
	for (const r of times)
		await insertFor(tx, recipients, {
			kind: r.kind,
			familyId: meeting.familyId,
			subjectId: meetingId,
			fromName: meeting.staffName,
			meetingAt: meeting.startsAt,
			deliverAfter: r.at
		});
}

/**
 * Steps that fall due today (Copenhagen), not done: the member they are for, or everyone in the
 * family who sees the goal when it is "together". Run from the hourly housekeeping; each person
 * is told once per step (the unique index `notifications_step_due_once`), however many
 * instances sweep. Staff's own steps are theirs to see in their lists, not notified.
 */
export async function notifyDueSteps(db: Db, now = new Date()): Promise<number> {
	const due = await db
		.select({ id: goalSteps.id, familyId: goalSteps.familyId, goalId: goalSteps.goalId, memberId: goalSteps.assigneeMemberId })
		.from(goalSteps)
		.where(and(eq(goalSteps.dueOn, localDay(now)), isNull(goalSteps.doneAt), isNull(goalSteps.assigneeStaffId)));
	for (const step of due) {
		await db.transaction(async (tx) => {
			const recipients = await familyReaders(
				tx as unknown as Db,
				step.familyId,
				(member) =>
					sql`exists (select 1 from ${goals} where ${goals.id} = ${step.goalId}::uuid and ${visibleGoals(member)})
						and ${step.memberId === null ? sql`true` : sql`${member.memberId}::uuid = ${step.memberId}::uuid`}`
			);
			if (!recipients) return;
			await tx.execute(sql`insert into ${notifications} (user_id, family_id, kind, subject_id, deliver_after)
				select r.user_id, ${step.familyId}::uuid, 'step_due', ${step.id}::uuid, ${deliverAt('step_due', now).toISOString()}::timestamptz
				from ${recipients} r
				on conflict (user_id, subject_id) where kind = 'step_due' do nothing`);
		});
	}
	return due.length;
}

/**
 * A family says "I'm interested" in a leisure opportunity, or a teenager answers "I need help"
 * to "still going?": the family's contact person hears (and their stand-in while away). The
 * words say only that it happened, never what or who.
 */
export async function notifyInterest(
	tx: Db,
	kind: 'interest_new' | 'interest_help',
	interest: { id: string; familyId: string },
	now = new Date()
): Promise<void> {
	const [family] = await tx.select({ contact: families.contactPersonId }).from(families).where(eq(families.id, interest.familyId));
	if (!family) return;
	await insertFor(tx, staffAndStandIn(family.contact), {
		kind,
		familyId: interest.familyId,
		subjectId: interest.id,
		fromName: '',
		deliverAfter: deliverAt(kind, now)
	});
}

/**
 * Four weeks after "started", "still going?" is asked (interests.askOn): the young person it is
 * about hears once, after the quiet hours — their own interest, which they always see. Run by
 * the hourly tidy-up, like steps that fall due. Returns how many were written.
 */
export async function notifyStillGoing(db: Db, now = new Date()): Promise<number> {
	const result = await db.execute(sql`insert into ${notifications} (user_id, family_id, kind, subject_id, deliver_after)
		select u.id, i.family_id, 'interest_ask', i.id, ${deliverAt('interest_ask', now).toISOString()}::timestamptz
		from ${interests} i join ${users} u on u.family_member_id = i.member_id
		where i.status = 'started' and i.ask_on is not null and i.ask_on <= ${localDay(now)}::date
		on conflict (user_id, subject_id) where kind = 'interest_ask' do nothing
		returning id`);
	return rowsOf(result).length;
}
