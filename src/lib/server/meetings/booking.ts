/**
 * Booking: which staff a family may book, their free times, and making, moving and cancelling
 * a meeting. Every function takes a grant from access.ts (a family member's own family for
 * 'meeting.book', or a staff grant for 'meeting.manage'), so a family reaches only its own
 * meetings and the staff it works with.
 *
 * Free times are computed here from one statement's worth of data (slots.ts does the
 * arithmetic); whatever a form says, a time is booked only if it is free by the same rules
 * now. Two people taking the same time at once are told apart by the database's exclusion
 * constraint (schema/meetings.ts): the loser gets "that time was just taken" and fresh times.
 */
import { notifyMeeting } from '../outbox/enqueue';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { sqlState, type Db } from '../db';
import {
	absences,
	bookingRules,
	families,
	familyMembers,
	familyStaff,
	meetingMembers,
	meetings,
	staff,
	availabilityWindows,
	timeOff,
	copenhagenToday,
	goals,
	organisations,
	teams
} from '../db/schema';
import type { FamilyGrant } from '../access';
import { visibleGoals } from '../goals';
import { placeOf, pointsJson, type TeamMeetingPlaces } from './places';
import { defaultMeetingMinutes, holdingStatuses, meetingTypes, type MeetingType } from '$lib/codes';
import { daysAsRange, freeSlots, slotStepMinutes, type Range, type Slot, type SlotRules, type WeeklyWindow } from './slots';

/** A staff member's rules for bookings (booking_rules, or the defaults). */
export interface BookingRules {
	minutes: Record<MeetingType, number>;
	travelMinutes: number;
	noticeHours: number;
	horizonDays: number;
	cutoffHours: number;
}

export const defaultRules: BookingRules = {
	minutes: { ...defaultMeetingMinutes },
	travelMinutes: 30,
	noticeHours: 24,
	horizonDays: 21,
	cutoffHours: 24
};

/**
 * Everything needed to find a staff member's free times and to book one, read in one
 * statement: with it, where the family's team meets (its office, its walk meeting points).
 */
export interface StaffCalendar {
	staffId: string;
	name: string;
	/** For "call me" when no time is free. */
	phone: string | null;
	teamId: string;
	windows: WeeklyWindow[];
	rules: BookingRules;
	busy: Range[];
	off: Range[];
	places: TeamMeetingPlaces;
}

const holding = sql.join(
	holdingStatuses.map((s) => sql`${s}`),
	sql`, `
);

/** SQL: the staff member of the row in `staff` is one the grant's family may book. */
function bookableBy(familyId: string) {
	const involved = sql`exists (select 1 from ${familyStaff} where ${familyStaff.familyId} = ${familyId}::uuid and ${familyStaff.staffId} = ${staff.id})`;
	const contact = sql`${families.contactPersonId} = ${staff.id}`;
	// The colleague standing in for the contact person today.
	const standIn = sql`exists (select 1 from ${absences} where ${absences.staffId} = ${families.contactPersonId} and ${absences.standInId} = ${staff.id}
		and ${absences.startsOn} <= ${copenhagenToday} and ${absences.endsOn} >= ${copenhagenToday})`;
	return or(contact, involved, standIn)!;
}

/**
 * The staff member's calendar for booking with this family, or null when the family may not
 * book them (not on its team, not its contact person, not involved with it).
 * `except`: a meeting being moved does not stand in its own way.
 */
export async function staffCalendar(
	db: Db,
	grant: FamilyGrant,
	staffId: string,
	except: string | null = null
): Promise<StaffCalendar | null> {
	const [row] = await db
		.select({
			staffId: staff.id,
			name: staff.name,
			phone: staff.phone,
			teamId: staff.teamId,
			windows: sql<WeeklyWindow[]>`(select coalesce(json_agg(json_build_object('weekday', ${availabilityWindows.weekday},
				'startsAt', to_char(${availabilityWindows.startsAt}, 'HH24:MI'), 'endsAt', to_char(${availabilityWindows.endsAt}, 'HH24:MI'),
				'types', ${availabilityWindows.types})), '[]'::json) from ${availabilityWindows} where ${availabilityWindows.staffId} = ${staff.id})`,
			rules: sql<Record<
				string,
				number
			> | null>`(select json_build_object('home', ${bookingRules.homeMinutes}, 'office', ${bookingRules.officeMinutes},
				'walk', ${bookingRules.walkMinutes}, 'phone', ${bookingRules.phoneMinutes}, 'video', ${bookingRules.videoMinutes},
				'travel', ${bookingRules.travelMinutes}, 'notice', ${bookingRules.noticeHours}, 'horizon', ${bookingRules.horizonDays},
				'cutoff', ${bookingRules.cutoffHours}) from ${bookingRules} where ${bookingRules.staffId} = ${staff.id})`,
			busy: sql<[number, number][]>`(select coalesce(json_agg(json_build_array(extract(epoch from ${meetings.blockedFrom}) * 1000,
				extract(epoch from ${meetings.blockedUntil}) * 1000)), '[]'::json) from ${meetings}
				where ${meetings.staffId} = ${staff.id} and ${meetings.status} in (${holding})
				and ${meetings.blockedUntil} > now() and ${meetings.blockedFrom} < now() + interval '92 days'
				and ${meetings.id} is distinct from ${except}::uuid)`,
			timeOff: sql<[number, number][]>`(select coalesce(json_agg(json_build_array(extract(epoch from ${timeOff.startsAt}) * 1000,
				extract(epoch from ${timeOff.endsAt}) * 1000)), '[]'::json) from ${timeOff}
				where ${timeOff.staffId} = ${staff.id} and ${timeOff.endsAt} > now())`,
			away: sql<[string, string][]>`(select coalesce(json_agg(json_build_array(${absences.startsOn}, ${absences.endsOn})), '[]'::json)
				from ${absences} where ${absences.staffId} = ${staff.id} and ${absences.endsOn} >= ${copenhagenToday})`,
			// The team's own office, else the organisation's address.
			office: sql<string | null>`coalesce(${teams.officeAddress}, ${organisations.address})`,
			points: pointsJson(families.teamId, true)
		})
		.from(staff)
		.innerJoin(families, eq(families.id, grant.familyId))
		.innerJoin(teams, eq(teams.id, families.teamId))
		.innerJoin(organisations, eq(organisations.id, teams.organisationId))
		.where(and(eq(staff.id, staffId), eq(staff.teamId, families.teamId), bookableBy(grant.familyId)));
	if (!row) return null;
	const r = row.rules;
	return {
		staffId: row.staffId,
		name: row.name,
		phone: row.phone,
		teamId: row.teamId,
		windows: row.windows,
		rules: r
			? {
					minutes: { home: r.home, office: r.office, walk: r.walk, phone: r.phone, video: r.video },
					travelMinutes: r.travel,
					noticeHours: r.notice,
					horizonDays: r.horizon,
					cutoffHours: r.cutoff
				}
			: defaultRules,
		busy: row.busy.map(([from, to]) => ({ from: new Date(Number(from)), to: new Date(Number(to)) })),
		off: [
			...row.timeOff.map(([from, to]) => ({ from: new Date(Number(from)), to: new Date(Number(to)) })),
			...row.away.map(([from, to]) => daysAsRange(from, to))
		],
		places: { office: row.office, points: row.points.map(({ id, name, description }) => ({ id, name, description })) }
	};
}

/** The slot rules of one meeting type in a staff member's calendar. */
export function slotRules(calendar: StaffCalendar, type: MeetingType): SlotRules {
	const { rules } = calendar;
	return {
		minutes: rules.minutes[type],
		bufferMinutes: type === 'home' ? rules.travelMinutes : 0,
		noticeHours: rules.noticeHours,
		horizonDays: rules.horizonDays,
		stepMinutes: slotStepMinutes
	};
}

/** The free times for a meeting type with a staff member, soonest first. */
export function slotsOf(calendar: StaffCalendar, type: MeetingType, now = new Date()): Slot[] {
	return freeSlots({ windows: calendar.windows, type, rules: slotRules(calendar, type), busy: calendar.busy, off: calendar.off, now });
}

export interface BookingInput {
	staffId: string;
	type: MeetingType;
	/** The chosen time's start. */
	start: Date;
	/** Who from the family takes part (members of the family; at least the one booking). */
	memberIds: string[];
	interpreterLanguage: string | null;
	/**
	 * Where, as typed: a walk's own meeting place, or (staff) any words for a home visit, a
	 * phone or video meeting. An office meeting is always at the team's office (places.ts).
	 */
	place: string;
	/** A walk: one of the team's meeting points instead of typed words. */
	pointId?: string | null;
	topic: string;
	/** One of the family's goals the topic is about: one the booker may see. */
	goalId?: string | null;
	formKey: string;
	/** Staff only: offer the time to the family, who say yes or no (meetings held as 'proposed'). */
	propose?: boolean;
}

export type BookingResult =
	| { ok: true; id: string }
	/** No such staff member for this family, or members of another family: the same answer as nothing. */
	| { ok: false; reason: 'notFound' }
	/** The time is not free (taken meanwhile, past, inside the notice, outside the windows): fresh times. */
	| { ok: false; reason: 'taken'; slots: Slot[] }
	/** The meeting point is not one the family's team offers (now): choose again, nothing typed is lost. */
	| { ok: false; reason: 'point' }
	/** The goal is not one of the family's that the booker may see (or no longer active). */
	| { ok: false; reason: 'goal' };

/**
 * Books a meeting for the grant's family: a family member for 'meeting.book', staff for
 * 'meeting.manage'. The same form key twice books once (and answers with that meeting).
 */
export async function bookMeeting(db: Db, grant: FamilyGrant, input: BookingInput, now = new Date()): Promise<BookingResult> {
	const actor = grant.actor;
	const asFamily = actor.kind === 'family' && grant.action === 'meeting.book';
	const asStaff = actor.kind === 'staff' && grant.action === 'meeting.manage';
	if (!asFamily && !asStaff) return { ok: false, reason: 'notFound' };

	const again = await existing(db, grant.familyId, input.formKey);
	if (again) return { ok: true, id: again };

	const calendar = await staffCalendar(db, grant, input.staffId);
	if (!calendar) return { ok: false, reason: 'notFound' };
	// Staff book after a phone call: the notice period is for the family's own bookings.
	if (asStaff) calendar.rules = { ...calendar.rules, noticeHours: 0 };
	const slots = slotsOf(calendar, input.type, now);
	const slot = slots.find((s) => s.start.getTime() === input.start.getTime());
	if (!slot) return await sameForm(db, grant.familyId, input.formKey, slots);
	const where = placeOf(input.type, calendar.places, { pointId: input.pointId, typed: input.place });
	if (!where) return { ok: false, reason: 'point' };

	const memberIds = [...new Set(input.memberIds)];
	try {
		const made = await db.transaction(async (tx): Promise<{ id: string } | { failed: 'notFound' | 'goal' }> => {
			if (memberIds.length) {
				const found = await tx
					.select({ id: familyMembers.id })
					.from(familyMembers)
					.where(and(eq(familyMembers.familyId, grant.familyId), inArray(familyMembers.id, memberIds)));
				if (found.length !== memberIds.length) return { failed: 'notFound' };
			}
			if (input.goalId) {
				// Only a goal of this family that the booker sees (a teenager's own goal: only they).
				const [goal] = await tx
					.select({ id: goals.id })
					.from(goals)
					.where(
						and(
							eq(goals.id, input.goalId),
							eq(goals.familyId, grant.familyId),
							inArray(goals.status, ['active', 'reached']),
							visibleGoals(actor)
						)
					);
				if (!goal) return { failed: 'goal' };
			}
			const [row] = await tx
				.insert(meetings)
				.values({
					familyId: grant.familyId,
					teamId: calendar.teamId,
					staffId: calendar.staffId,
					type: input.type,
					status: asStaff && input.propose ? 'proposed' : 'booked',
					startsAt: slot.start,
					endsAt: slot.end,
					blockedFrom: slot.blocked.from,
					blockedUntil: slot.blocked.to,
					place: where.place,
					interpreterLanguage: input.interpreterLanguage,
					interpreterStatus: input.interpreterLanguage ? 'requested' : null,
					topic: input.topic,
					goalId: input.goalId ?? null,
					bookedByMemberId: actor.kind === 'family' ? actor.memberId : null,
					bookedByStaffId: actor.kind === 'staff' ? actor.staffId : null,
					formKey: input.formKey
				})
				.onConflictDoNothing({ target: meetings.formKey })
				.returning({ id: meetings.id });
			if (!row) {
				const first = await existing(tx as unknown as Db, grant.familyId, input.formKey);
				return first ? { id: first } : { failed: 'notFound' };
			}
			if (memberIds.length)
				await tx.insert(meetingMembers).values(memberIds.map((memberId) => ({ meetingId: row.id, familyId: grant.familyId, memberId })));
			await notifyMeeting(tx as unknown as Db, actor, row.id, asStaff && input.propose ? 'meeting_proposed' : 'meeting_booked', null, now);
			return { id: row.id };
		});
		return 'id' in made ? { ok: true, id: made.id } : { ok: false, reason: made.failed };
	} catch (e) {
		// Someone else took (part of) that time a moment ago.
		if (sqlState(e) === '23P01') {
			const fresh = await staffCalendar(db, grant, input.staffId);
			return await sameForm(db, grant.familyId, input.formKey, fresh ? slotsOf(fresh, input.type, now) : []);
		}
		throw e;
	}
}

/**
 * A time that is not free may be one this very form took a moment ago (a double tap racing
 * itself): then that meeting is the answer, otherwise "taken" with fresh times.
 */
async function sameForm(db: Db, familyId: string, formKey: string, slots: Slot[]): Promise<BookingResult> {
	const id = await existing(db, familyId, formKey);
	return id ? { ok: true, id } : { ok: false, reason: 'taken', slots };
}

/** The meeting a form key already made for this family, if any. */
async function existing(db: Db, familyId: string, formKey: string): Promise<string | null> {
	const [row] = await db
		.select({ id: meetings.id })
		.from(meetings)
		.where(and(eq(meetings.formKey, formKey), eq(meetings.familyId, familyId)));
	return row?.id ?? null;
}

export interface BookableStaff {
	id: string;
	name: string;
	contact: boolean;
	/** Away today (then the stand-in is offered too, and this person's times start after). */
	away: boolean;
	/** Stands in for the contact person, who is away today. */
	standIn: boolean;
	types: MeetingType[];
}

/** The staff the grant's family may book, contact person first, with the kinds of meeting each offers. */
export async function bookableStaff(db: Db, grant: FamilyGrant): Promise<BookableStaff[]> {
	const rows = await db
		.select({
			id: staff.id,
			name: staff.name,
			contact: sql<boolean>`${families.contactPersonId} = ${staff.id}`,
			away: sql<boolean>`exists (select 1 from ${absences} where ${absences.staffId} = ${staff.id}
				and ${absences.startsOn} <= ${copenhagenToday} and ${absences.endsOn} >= ${copenhagenToday})`,
			standIn: sql<boolean>`exists (select 1 from ${absences} where ${absences.staffId} = ${families.contactPersonId}
				and ${absences.standInId} = ${staff.id} and ${absences.startsOn} <= ${copenhagenToday} and ${absences.endsOn} >= ${copenhagenToday})`,
			types: sql<
				MeetingType[]
			>`(select coalesce(array_agg(distinct t), '{}') from ${availabilityWindows}, unnest(${availabilityWindows.types}) t
				where ${availabilityWindows.staffId} = ${staff.id})`
		})
		.from(staff)
		.innerJoin(families, eq(families.id, grant.familyId))
		.where(and(eq(staff.teamId, families.teamId), bookableBy(grant.familyId)))
		.orderBy(sql`${families.contactPersonId} = ${staff.id} desc`, staff.name);
	return rows.map((r) => ({ ...r, types: meetingTypes.filter((t) => r.types.includes(t)) }));
}
