/**
 * Where a team meets families: its local office (an address the team leader keeps; none means
 * the organisation's) and the walk-and-talk meeting points it keeps (a park's entrance, the
 * library). Everyone on the team reads them; only the team leader changes them (a TeamGrant
 * from access.ts, made from the session: a team never travels in a URL or a form, so nobody
 * reaches another team's). Every statement is scoped to the grant's team, so an id from
 * another team's list changes nothing and answers like one that does not exist.
 *
 * A booked meeting keeps its place as words (meetings.place): `placeOf` decides them when a
 * meeting is booked, from what the booking read (booking.ts staffCalendar), so a point renamed
 * or removed later never rewrites a meeting.
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { sqlState, type Db } from '../db';
import { meetingPoints, organisations, teams } from '../db/schema';
import type { TeamGrant } from '../access';
import type { MeetingType } from '$lib/codes';

/** A meeting point as families are offered it. */
export interface OfferedPoint {
	id: string;
	name: string;
	description: string;
}

export interface MeetingPoint extends OfferedPoint {
	/** Offered to families when they book a walk. */
	active: boolean;
}

export interface TeamPlaces {
	teamName: string;
	/** The team's own office address, or null (then office meetings are at `organisationAddress`). */
	officeAddress: string | null;
	organisationAddress: string | null;
	/** Families per staff member the team aims at (staff-admin.ts sets it). */
	caseloadTarget: number;
	/** In the order families see them. */
	points: MeetingPoint[];
}

/** SQL: a team's points as JSON, in the order families see them (`onlyActive`: the ones offered). */
export function pointsJson(teamId: SQL | { getSQL(): SQL }, onlyActive: boolean) {
	const p = meetingPoints;
	return sql<MeetingPoint[]>`(select coalesce(json_agg(json_build_object('id', ${p.id}, 'name', ${p.name},
		'description', ${p.description}, 'active', ${p.active}) order by ${p.sortOrder}, ${p.name}), '[]'::json)
		from ${p} where ${p.teamId} = ${teamId}${onlyActive ? sql` and ${p.active}` : sql``})`;
}

/** The team's office and every meeting point (offered or put aside), in one statement. */
export async function getTeamPlaces(db: Db, grant: TeamGrant): Promise<TeamPlaces | null> {
	const [row] = await db
		.select({
			teamName: teams.name,
			officeAddress: teams.officeAddress,
			caseloadTarget: teams.caseloadTarget,
			organisationAddress: organisations.address,
			points: pointsJson(teams.id, false)
		})
		.from(teams)
		.innerJoin(organisations, eq(organisations.id, teams.organisationId))
		.where(eq(teams.id, grant.teamId));
	return row ?? null;
}

/** The office's address (null: the organisation's again). Team leader only. */
export async function saveOfficeAddress(db: Db, grant: TeamGrant, address: string | null): Promise<boolean> {
	if (!grant.mayEdit) return false;
	const rows = await db.update(teams).set({ officeAddress: address }).where(eq(teams.id, grant.teamId)).returning({ id: teams.id });
	return rows.length > 0;
}

export type PointResult = { ok: true } | { ok: false; reason: 'notFound' } | { ok: false; reason: 'nameTaken' };

/** A unique violation on the team's point names becomes "that name is taken". */
async function named(work: () => Promise<boolean>): Promise<PointResult> {
	try {
		return (await work()) ? { ok: true } : { ok: false, reason: 'notFound' };
	} catch (e) {
		if (sqlState(e) === '23505') return { ok: false, reason: 'nameTaken' };
		throw e;
	}
}

/** A new meeting point, last in the list and offered at once. Team leader only. */
export function addPoint(db: Db, grant: TeamGrant, input: { name: string; description: string }): Promise<PointResult> {
	if (!grant.mayEdit) return Promise.resolve({ ok: false, reason: 'notFound' });
	return named(async () => {
		const last = sql`(select coalesce(max(${meetingPoints.sortOrder}) + 1, 0) from ${meetingPoints} where ${meetingPoints.teamId} = ${grant.teamId}::uuid)`;
		const rows = await db
			.insert(meetingPoints)
			.values({ teamId: grant.teamId, name: input.name, description: input.description, sortOrder: last })
			.returning({ id: meetingPoints.id });
		return rows.length > 0;
	});
}

/** New words for a point, and whether families are offered it. Team leader only. */
export function editPoint(
	db: Db,
	grant: TeamGrant,
	input: { id: string; name: string; description: string; active: boolean }
): Promise<PointResult> {
	if (!grant.mayEdit) return Promise.resolve({ ok: false, reason: 'notFound' });
	return named(async () => {
		const rows = await db
			.update(meetingPoints)
			.set({ name: input.name, description: input.description, active: input.active })
			.where(and(eq(meetingPoints.id, input.id), eq(meetingPoints.teamId, grant.teamId)))
			.returning({ id: meetingPoints.id });
		return rows.length > 0;
	});
}

/** Removes a point for good (booked walks keep their words). Team leader only. */
export async function removePoint(db: Db, grant: TeamGrant, id: string): Promise<boolean> {
	if (!grant.mayEdit) return false;
	const rows = await db
		.delete(meetingPoints)
		.where(and(eq(meetingPoints.id, id), eq(meetingPoints.teamId, grant.teamId)))
		.returning({ id: meetingPoints.id });
	return rows.length > 0;
}

/**
 * One place up or down the list: the team's points are numbered again in their new order, in
 * one transaction with the rows locked (two leaders moving at once wait for each other).
 * False when there is no such point of the team's; moving the first up (or the last down)
 * leaves the order as it is.
 */
export async function movePoint(db: Db, grant: TeamGrant, input: { id: string; direction: 'up' | 'down' }): Promise<boolean> {
	if (!grant.mayEdit) return false;
	return db.transaction(async (tx) => {
		const rows = await tx
			.select({ id: meetingPoints.id, sortOrder: meetingPoints.sortOrder })
			.from(meetingPoints)
			.where(eq(meetingPoints.teamId, grant.teamId))
			.orderBy(asc(meetingPoints.sortOrder), asc(meetingPoints.name))
			.for('update');
		const i = rows.findIndex((r) => r.id === input.id);
		if (i < 0) return false;
		const j = input.direction === 'up' ? i - 1 : i + 1;
		if (j < 0 || j >= rows.length) return true;
		[rows[i], rows[j]] = [rows[j], rows[i]];
		for (const [n, r] of rows.entries())
			if (r.sortOrder !== n)
				await tx
					.update(meetingPoints)
					.set({ sortOrder: n })
					.where(and(eq(meetingPoints.id, r.id), eq(meetingPoints.teamId, grant.teamId)));
		return true;
	});
}

/** What the booking knows of where the family's team meets (booking.ts reads it with the calendar). */
export interface TeamMeetingPlaces {
	/** The team's office address, else the organisation's; null when neither is known. */
	office: string | null;
	/** The meeting points offered now. */
	points: OfferedPoint[];
}

/** A point as a meeting keeps it: its name, and its description after a dash. */
export function pointWords(p: OfferedPoint): string {
	return p.description ? `${p.name} – ${p.description}` : p.name;
}

/**
 * The words a new meeting keeps for its place: an office meeting is at the team's office; a
 * walk starts at one of the team's points (`pointId`, which must be one offered to this
 * family's team now) or where the booker wrote (`typed`); anything else keeps what was typed
 * (the family's pages send nothing: a home visit is at the family's home, phone and video have
 * no place). Null: the point is not one of the team's (any more).
 */
export function placeOf(
	type: MeetingType,
	places: TeamMeetingPlaces,
	choice: { pointId?: string | null; typed: string }
): { place: string } | null {
	if (type === 'office') return { place: places.office ?? '' };
	if (type === 'walk' && choice.pointId) {
		const point = places.points.find((p) => p.id === choice.pointId);
		return point ? { place: pointWords(point) } : null;
	}
	return { place: choice.typed };
}
