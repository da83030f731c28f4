/**
 * A staff member's availability: weekly windows (which kinds of meeting each offers), their
 * booking rules, and hours off. Changed by that person or their team leader (a StaffGrant
 * from access.ts); every statement is scoped to the grant's staff member, so an id from
 * someone else's list changes nothing.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { availabilityWindows, bookingRules, staff, timeOff } from '../db/schema';
import type { StaffGrant } from '../access';
import type { AbsenceKind, MeetingType } from '$lib/codes';
import { defaultRules, type BookingRules } from './booking';

export interface Availability {
	staffId: string;
	name: string;
	windows: { id: string; weekday: number; startsAt: string; endsAt: string; types: MeetingType[] }[];
	rules: BookingRules;
	/** Coming hours off, soonest first. */
	timeOff: { id: string; startsAt: Date; endsAt: Date; kind: AbsenceKind }[];
}

/** Everything on the availability page, in one statement. */
export async function getAvailability(db: Db, grant: StaffGrant, now = new Date()): Promise<Availability | null> {
	// One table in FROM: drizzle writes its columns without the table's name, so the subqueries
	// compare with the id itself, not with staff.id (which would bind to their own "id").
	const [row] = await db
		.select({
			staffId: staff.id,
			name: staff.name,
			windows: sql<
				Availability['windows']
			>`(select coalesce(json_agg(json_build_object('id', ${availabilityWindows.id}, 'weekday', ${availabilityWindows.weekday},
				'startsAt', to_char(${availabilityWindows.startsAt}, 'HH24:MI'), 'endsAt', to_char(${availabilityWindows.endsAt}, 'HH24:MI'),
				'types', ${availabilityWindows.types}) order by ${availabilityWindows.weekday}, ${availabilityWindows.startsAt}), '[]'::json)
				from ${availabilityWindows} where ${availabilityWindows.staffId} = ${grant.staffId}::uuid)`,
			rules: sql<Record<string, number> | null>`(select row_to_json(r) from ${bookingRules} r where r.staff_id = ${grant.staffId}::uuid)`,
			timeOff: sql<
				{ id: string; startsAt: number; endsAt: number; kind: AbsenceKind }[]
			>`(select coalesce(json_agg(json_build_object('id', ${timeOff.id},
				'startsAt', extract(epoch from ${timeOff.startsAt}) * 1000, 'endsAt', extract(epoch from ${timeOff.endsAt}) * 1000, 'kind', ${timeOff.kind})
				order by ${timeOff.startsAt}), '[]'::json) from ${timeOff} where ${timeOff.staffId} = ${grant.staffId}::uuid and ${timeOff.endsAt} > ${now.toISOString()}::timestamptz)`
		})
		.from(staff)
		.where(eq(staff.id, grant.staffId));
	if (!row) return null;
	const r = row.rules;
	return {
		staffId: row.staffId,
		name: row.name,
		windows: row.windows,
		rules: r
			? {
					minutes: { home: r.home_minutes, office: r.office_minutes, walk: r.walk_minutes, phone: r.phone_minutes, video: r.video_minutes },
					travelMinutes: r.travel_minutes,
					noticeHours: r.notice_hours,
					horizonDays: r.horizon_days,
					cutoffHours: r.cutoff_hours
				}
			: defaultRules,
		timeOff: row.timeOff.map((t) => ({ ...t, startsAt: new Date(Number(t.startsAt)), endsAt: new Date(Number(t.endsAt)) }))
	};
}

export async function addWindow(
	db: Db,
	grant: StaffGrant,
	input: { weekday: number; startsAt: string; endsAt: string; types: MeetingType[] }
): Promise<void> {
	await db.insert(availabilityWindows).values({ staffId: grant.staffId, ...input });
}

/** Removes one of the grant's staff member's windows; false when there is no such window of theirs. */
export async function removeWindow(db: Db, grant: StaffGrant, id: string): Promise<boolean> {
	const rows = await db
		.delete(availabilityWindows)
		.where(and(eq(availabilityWindows.id, id), eq(availabilityWindows.staffId, grant.staffId)))
		.returning({ id: availabilityWindows.id });
	return rows.length > 0;
}

export async function saveRules(db: Db, grant: StaffGrant, rules: BookingRules): Promise<void> {
	const values = {
		homeMinutes: rules.minutes.home,
		officeMinutes: rules.minutes.office,
		walkMinutes: rules.minutes.walk,
		phoneMinutes: rules.minutes.phone,
		videoMinutes: rules.minutes.video,
		travelMinutes: rules.travelMinutes,
		noticeHours: rules.noticeHours,
		horizonDays: rules.horizonDays,
		cutoffHours: rules.cutoffHours
	};
	await db
		.insert(bookingRules)
		.values({ staffId: grant.staffId, ...values })
		.onConflictDoUpdate({ target: bookingRules.staffId, set: values });
}

export async function addTimeOff(db: Db, grant: StaffGrant, input: { startsAt: Date; endsAt: Date; kind: AbsenceKind }): Promise<void> {
	await db.insert(timeOff).values({ staffId: grant.staffId, ...input });
}

export async function removeTimeOff(db: Db, grant: StaffGrant, id: string): Promise<boolean> {
	const rows = await db
		.delete(timeOff)
		.where(and(eq(timeOff.id, id), eq(timeOff.staffId, grant.staffId)))
		.returning({ id: timeOff.id });
	return rows.length > 0;
}

/** The staff of the grant's team, for a team leader's "whose availability" choice. */
export async function teamStaff(db: Db, grant: StaffGrant): Promise<{ id: string; name: string }[]> {
	return db.select({ id: staff.id, name: staff.name }).from(staff).where(eq(staff.teamId, grant.teamId)).orderBy(asc(staff.name));
}
