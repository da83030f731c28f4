/**
 * A family's meetings: the list, one meeting, and the family's own move and cancel (until the
 * staff member's cut-off; after it the page says to call). Every statement is scoped to the
 * grant's family, so another family's meeting answers exactly like one that does not exist.
 */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { sqlState, type Db } from '../db';
import { bookingRules, familyMembers, meetingMembers, meetings, staff } from '../db/schema';
import type { Actor, FamilyGrant } from '../access';
import { meetingGoalJson } from '../goals';
import { type InterpreterStatus, type MeetingStatus, type MeetingType } from '$lib/codes';
import { defaultRules, slotsOf, staffCalendar } from './booking';
import type { Slot } from './slots';
import { notifyMeeting } from '../outbox/enqueue';

export interface Meeting {
	id: string;
	type: MeetingType;
	status: MeetingStatus;
	startsAt: Date;
	endsAt: Date;
	place: string;
	topic: string;
	/** The goal the topic is about, when the reader may see it (a teenager's own goal: only they). */
	goal: { id: string; text: string } | null;
	interpreterLanguage: string | null;
	interpreterStatus: InterpreterStatus | null;
	changeNote: string;
	sequence: number;
	staff: { id: string; name: string; phone: string | null };
	members: { id: string; name: string }[];
	/** Until when the family may move or cancel it itself. */
	cutoff: Date;
	updatedAt: Date;
}

/** SQL: who from the family takes part in the row in `meetings`, by name (one JSON column). */
export const meetingMembersJson = sql<
	{ id: string; name: string }[]
>`(select coalesce(json_agg(json_build_object('id', ${familyMembers.id}, 'name', ${familyMembers.name}) order by ${familyMembers.name}), '[]'::json)
	from ${meetingMembers} join ${familyMembers} on ${familyMembers.id} = ${meetingMembers.memberId} where ${meetingMembers.meetingId} = ${meetings.id})`;

/** What a family's page shows of a meeting; the goal only to a reader who may see it. */
const columnsFor = (actor: Actor) => ({
	id: meetings.id,
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
	sequence: meetings.sequence,
	updatedAt: meetings.updatedAt,
	staff: { id: staff.id, name: staff.name, phone: staff.phone },
	cutoffHours: sql<number>`coalesce((select ${bookingRules.cutoffHours} from ${bookingRules} where ${bookingRules.staffId} = ${meetings.staffId}), ${defaultRules.cutoffHours})`,
	members: meetingMembersJson
});

function shape({ cutoffHours, ...row }: Omit<Meeting, 'cutoff'> & { cutoffHours: number }): Meeting {
	return { ...row, cutoff: new Date(row.startsAt.getTime() - Number(cutoffHours) * 3_600_000) };
}

/**
 * SQL: the meetings a family grant shows its holder — the /meetings list and the member's
 * calendar feed (feeds.ts) alike, so the two can never disagree.
 */
export const familyMeetingsOf = (grant: FamilyGrant) => eq(meetings.familyId, grant.familyId);

/**
 * The family's meetings: the coming ones (soonest first), then up to five past or cancelled
 * ones (newest first). One statement.
 */
export async function listMeetings(db: Db, grant: FamilyGrant, now = new Date()): Promise<{ coming: Meeting[]; earlier: Meeting[] }> {
	const rows = await db
		.select({
			...columnsFor(grant.actor),
			coming: sql<boolean>`${meetings.endsAt} > ${now.toISOString()}::timestamptz and ${meetings.status} in ('proposed', 'booked')`
		})
		.from(meetings)
		.innerJoin(staff, eq(staff.id, meetings.staffId))
		.where(familyMeetingsOf(grant))
		.orderBy(asc(meetings.startsAt));
	const coming = rows.filter((r) => r.coming).map(({ coming: _, ...r }) => shape(r));
	const earlier = rows
		.filter((r) => !r.coming)
		.reverse()
		.slice(0, 5)
		.map(({ coming: _, ...r }) => shape(r));
	return { coming, earlier };
}

/** The family's next meeting, for the home page (one statement), or null. */
export async function nextMeeting(db: Db, grant: FamilyGrant, now = new Date()): Promise<Meeting | null> {
	const [row] = await db
		.select(columnsFor(grant.actor))
		.from(meetings)
		.innerJoin(staff, eq(staff.id, meetings.staffId))
		.where(and(eq(meetings.familyId, grant.familyId), gt(meetings.endsAt, now), inArray(meetings.status, ['proposed', 'booked'])))
		.orderBy(asc(meetings.startsAt))
		.limit(1);
	return row ? shape(row) : null;
}

/** One of the family's meetings, or null (another family's answers the same). */
export async function getMeeting(db: Db, grant: FamilyGrant, id: string): Promise<Meeting | null> {
	const [row] = await db
		.select(columnsFor(grant.actor))
		.from(meetings)
		.innerJoin(staff, eq(staff.id, meetings.staffId))
		.where(and(eq(meetings.id, id), eq(meetings.familyId, grant.familyId)));
	return row ? shape(row) : null;
}

export type ChangeResult =
	| { ok: true }
	| { ok: false; reason: 'notFound' }
	/** Past the cut-off (or already over): the family is asked to call. */
	| { ok: false; reason: 'tooLate' }
	| { ok: false; reason: 'taken'; slots: Slot[] };

/** Whether the family itself may still change a meeting now. */
export function familyMayChange(meeting: Pick<Meeting, 'status' | 'cutoff'>, now = new Date()): boolean {
	return (meeting.status === 'booked' || meeting.status === 'proposed') && now < meeting.cutoff;
}

/**
 * The family's own meeting `id`, when the family may still change it now (its grant, its meeting,
 * before the cut-off); otherwise the answer to give: not found, or too late.
 */
async function changeableByFamily(
	db: Db,
	grant: FamilyGrant,
	id: string,
	now: Date
): Promise<Meeting | { ok: false; reason: 'notFound' | 'tooLate' }> {
	if (grant.actor.kind !== 'family' || grant.action !== 'meeting.book') return { ok: false, reason: 'notFound' };
	const meeting = await getMeeting(db, grant, id);
	if (!meeting) return { ok: false, reason: 'notFound' };
	return familyMayChange(meeting, now) ? meeting : { ok: false, reason: 'tooLate' };
}

/** The family cancels a coming meeting, with an optional reason the staff member sees. */
export async function cancelMeeting(
	db: Db,
	grant: FamilyGrant,
	input: { id: string; reason: string },
	now = new Date()
): Promise<ChangeResult> {
	const meeting = await changeableByFamily(db, grant, input.id, now);
	if ('ok' in meeting) return meeting;
	const done = await db.transaction(async (tx) => {
		const [row] = await tx
			.update(meetings)
			.set({ status: 'cancelled', changeNote: input.reason, sequence: sql`${meetings.sequence} + 1`, updatedAt: sql`now()` })
			.where(and(eq(meetings.id, input.id), eq(meetings.familyId, grant.familyId), inArray(meetings.status, ['booked', 'proposed'])))
			.returning({ id: meetings.id });
		if (row) await notifyMeeting(tx as unknown as Db, grant.actor, row.id, 'meeting_cancelled', null, now);
		return !!row;
	});
	return done ? { ok: true } : { ok: false, reason: 'notFound' };
}

/**
 * Moves a coming meeting (booked or proposed) of the grant's family to a free slot, with a word
 * to the other side, and tells them (outbox) in the same transaction. The family's and the
 * staff's move both end here; the exclusion constraint still refuses a time taken meanwhile.
 */
async function moveTo(
	db: Db,
	grant: FamilyGrant,
	input: { id: string; slot: Slot; note: string; was: Date },
	now = new Date()
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(meetings)
			.set({
				startsAt: input.slot.start,
				endsAt: input.slot.end,
				blockedFrom: input.slot.blocked.from,
				blockedUntil: input.slot.blocked.to,
				changeNote: input.note,
				sequence: sql`${meetings.sequence} + 1`,
				updatedAt: sql`now()`
			})
			.where(and(eq(meetings.id, input.id), eq(meetings.familyId, grant.familyId), inArray(meetings.status, ['booked', 'proposed'])))
			.returning({ id: meetings.id });
		if (row) await notifyMeeting(tx as unknown as Db, grant.actor, row.id, 'meeting_moved', input.was, now);
		return !!row;
	});
}

/**
 * Moves `meeting` to the free time that starts at `start` in its staff member's calendar: the
 * family's move and the staff's both end here. Staff are not bound by the notice (`noNotice`: they
 * may have agreed the time on the phone). A time that is not free, or is taken meanwhile (the
 * exclusion constraint, 23P01), answers `taken` with the free times as they are now.
 */
export async function moveToFreeTime(
	db: Db,
	grant: FamilyGrant,
	meeting: Meeting,
	input: { start: Date; note: string; noNotice?: boolean },
	now = new Date()
): Promise<ChangeResult> {
	const freeTimes = async () => {
		const calendar = await staffCalendar(db, grant, meeting.staff.id, meeting.id);
		if (calendar && input.noNotice) calendar.rules = { ...calendar.rules, noticeHours: 0 };
		return calendar ? slotsOf(calendar, meeting.type, now) : null;
	};
	const slots = await freeTimes();
	if (!slots) return { ok: false, reason: 'notFound' };
	const slot = slots.find((s) => s.start.getTime() === input.start.getTime());
	if (!slot) return { ok: false, reason: 'taken', slots };
	try {
		const done = await moveTo(db, grant, { id: meeting.id, slot, note: input.note, was: meeting.startsAt }, now);
		return done ? { ok: true } : { ok: false, reason: 'notFound' };
	} catch (e) {
		if (sqlState(e) === '23P01') return { ok: false, reason: 'taken', slots: (await freeTimes()) ?? [] };
		throw e;
	}
}

/** The family moves a coming meeting to another free time with the same person, same kind. */
export async function moveMeeting(
	db: Db,
	grant: FamilyGrant,
	input: { id: string; start: Date; reason: string },
	now = new Date()
): Promise<ChangeResult> {
	const meeting = await changeableByFamily(db, grant, input.id, now);
	if ('ok' in meeting) return meeting;
	return moveToFreeTime(db, grant, meeting, { start: input.start, note: input.reason }, now);
}
