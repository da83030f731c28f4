/**
 * The staff's side of meetings: a week's calendar (one's own meetings, and an away colleague's
 * for whom one stands in), and what staff do to a meeting: arrange the interpreter, mark it
 * held or not held, move or cancel it with a word to the family. The calendar is built on
 * visibleFamilies (access.ts): nobody sees a meeting of a family they do not work with, except
 * their own meetings. Changes take a 'meeting.manage' grant on the meeting's family (audited).
 * A family answers a staff member's proposal here too.
 */
import { and, asc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { absences, copenhagenToday, families, meetings, staff } from '../db/schema';
import { visibleFamilies, type Actor, type FamilyGrant, type StaffActor } from '../access';
import { meetingGoalJson } from '../goals';
import type { InterpreterStatus, MeetingStatus, MeetingType } from '$lib/codes';
import { getMeeting, meetingMembersJson, moveToFreeTime, type ChangeResult } from './meetings';
import { notifyMeeting } from '../outbox/enqueue';

export interface CalendarMeeting {
	id: string;
	familyId: string;
	familyName: string;
	staffId: string;
	staffName: string;
	type: MeetingType;
	status: MeetingStatus;
	startsAt: Date;
	endsAt: Date;
	place: string;
	topic: string;
	/** The goal the topic is about, if the reader may see it (staff who work with the family may). */
	goal: { id: string; text: string } | null;
	interpreterLanguage: string | null;
	interpreterStatus: InterpreterStatus | null;
	members: { id: string; name: string }[];
	changeNote: string;
}

/** The colleagues the actor stands in for today (their meetings show in the actor's calendar). */
const standingInFor = (actor: StaffActor) =>
	sql`(select ${absences.staffId} from ${absences} where ${absences.standInId} = ${actor.staffId}
		and ${absences.startsOn} <= ${copenhagenToday} and ${absences.endsOn} >= ${copenhagenToday})`;

/** What a calendar shows of a meeting (the goal through access.ts, like every family item). */
const calendarColumns = (actor: Actor) => ({
	id: meetings.id,
	familyId: meetings.familyId,
	familyName: families.name,
	staffId: meetings.staffId,
	staffName: staff.name,
	type: meetings.type,
	status: meetings.status,
	startsAt: meetings.startsAt,
	endsAt: meetings.endsAt,
	place: meetings.place,
	topic: meetings.topic,
	goal: meetingGoalJson(actor, meetings.goalId),
	interpreterLanguage: meetings.interpreterLanguage,
	interpreterStatus: meetings.interpreterStatus,
	changeNote: meetings.changeNote,
	members: meetingMembersJson
});

/** A staff member's meetings from `from` until `to` (not cancelled ones), one statement. */
export async function staffMeetings(db: Db, actor: StaffActor, from: Date, to: Date): Promise<CalendarMeeting[]> {
	return db
		.select(calendarColumns(actor))
		.from(meetings)
		.innerJoin(families, eq(families.id, meetings.familyId))
		.innerJoin(staff, eq(staff.id, meetings.staffId))
		.where(
			and(
				or(
					eq(meetings.staffId, actor.staffId),
					and(sql`${meetings.staffId} in ${standingInFor(actor)}`, sql`${meetings.familyId} in ${visibleFamilies(actor)}`)
				),
				gte(meetings.startsAt, from),
				lt(meetings.startsAt, to),
				inArray(meetings.status, ['proposed', 'booked', 'held', 'not_held'])
			)
		)
		.orderBy(asc(meetings.startsAt));
}

/** A family's meetings as its team sees them (the grant is for the family, audited). */
export async function familyMeetingsForStaff(db: Db, grant: FamilyGrant): Promise<CalendarMeeting[]> {
	const rows = await db
		.select(calendarColumns(grant.actor))
		.from(meetings)
		.innerJoin(families, eq(families.id, meetings.familyId))
		.innerJoin(staff, eq(staff.id, meetings.staffId))
		.where(eq(meetings.familyId, grant.familyId))
		.orderBy(asc(meetings.startsAt));
	return rows;
}

/** The family a meeting belongs to, if the actor may see that meeting at all (to ask for a grant). */
export async function meetingFamily(db: Db, actor: StaffActor, id: string): Promise<string | null> {
	const [row] = await db
		.select({ familyId: meetings.familyId })
		.from(meetings)
		.where(and(eq(meetings.id, id), or(eq(meetings.staffId, actor.staffId), sql`${meetings.familyId} in ${visibleFamilies(actor)}`)));
	return row?.familyId ?? null;
}

const isStaffGrant = (grant: FamilyGrant) => grant.actor.kind === 'staff' && grant.action === 'meeting.manage';

/** Requested → arranged or not possible (or back): the family sees how it stands. */
export async function setInterpreterStatus(db: Db, grant: FamilyGrant, input: { id: string; status: InterpreterStatus }): Promise<boolean> {
	if (!isStaffGrant(grant)) return false;
	const rows = await db
		.update(meetings)
		.set({ interpreterStatus: input.status, updatedAt: sql`now()` })
		.where(and(eq(meetings.id, input.id), eq(meetings.familyId, grant.familyId), sql`${meetings.interpreterLanguage} is not null`))
		.returning({ id: meetings.id });
	return rows.length > 0;
}

/** After a meeting has started: held, or not held (nobody came). Feeds the team's figures later. */
export async function markHeld(db: Db, grant: FamilyGrant, input: { id: string; held: boolean }): Promise<boolean> {
	if (!isStaffGrant(grant)) return false;
	const rows = await db
		.update(meetings)
		.set({ status: input.held ? 'held' : 'not_held', updatedAt: sql`now()` })
		.where(
			and(
				eq(meetings.id, input.id),
				eq(meetings.familyId, grant.familyId),
				inArray(meetings.status, ['booked', 'held', 'not_held']),
				sql`${meetings.startsAt} <= now()`
			)
		)
		.returning({ id: meetings.id });
	return rows.length > 0;
}

/** Staff cancel a coming meeting at any time, with a word the family sees. */
export async function staffCancel(db: Db, grant: FamilyGrant, input: { id: string; note: string }): Promise<boolean> {
	if (!isStaffGrant(grant)) return false;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(meetings)
			.set({ status: 'cancelled', changeNote: input.note, sequence: sql`${meetings.sequence} + 1`, updatedAt: sql`now()` })
			.where(and(eq(meetings.id, input.id), eq(meetings.familyId, grant.familyId), inArray(meetings.status, ['booked', 'proposed'])))
			.returning({ id: meetings.id });
		if (row) await notifyMeeting(tx as unknown as Db, grant.actor, row.id, 'meeting_cancelled');
		return !!row;
	});
}

/**
 * Staff move a coming meeting to a free time of the same staff member and kind, with a word to
 * the family; the notice period does not bind staff (they may have agreed it on the phone),
 * but the time must be free and in the future.
 */
export async function staffMove(
	db: Db,
	grant: FamilyGrant,
	input: { id: string; start: Date; note: string },
	now = new Date()
): Promise<ChangeResult> {
	if (!isStaffGrant(grant)) return { ok: false, reason: 'notFound' };
	const meeting = await getMeeting(db, grant, input.id);
	if (!meeting || (meeting.status !== 'booked' && meeting.status !== 'proposed')) return { ok: false, reason: 'notFound' };
	return moveToFreeTime(db, grant, meeting, { start: input.start, note: input.note, noNotice: true }, now);
}

/**
 * The family answers a staff member's proposed time: yes makes it booked; no cancels it (and
 * frees the time), with an optional reason the staff member sees.
 */
export async function answerProposal(db: Db, grant: FamilyGrant, input: { id: string; accept: boolean; reason: string }): Promise<boolean> {
	if (grant.actor.kind !== 'family' || grant.action !== 'meeting.book') return false;
	return db.transaction(async (tx) => {
		const rows = await tx
			.update(meetings)
			.set(
				input.accept
					? { status: 'booked', sequence: sql`${meetings.sequence} + 1`, updatedAt: sql`now()` }
					: { status: 'cancelled', changeNote: input.reason, sequence: sql`${meetings.sequence} + 1`, updatedAt: sql`now()` }
			)
			.where(
				and(
					eq(meetings.id, input.id),
					eq(meetings.familyId, grant.familyId),
					eq(meetings.status, 'proposed'),
					sql`${meetings.startsAt} > now()`
				)
			)
			.returning({ id: meetings.id });
		// Yes books it (the staff member hears so, and the family's reminders start); no cancels it.
		if (rows[0]) await notifyMeeting(tx as unknown as Db, grant.actor, rows[0].id, input.accept ? 'meeting_booked' : 'meeting_cancelled');
		return rows.length > 0;
	});
}
