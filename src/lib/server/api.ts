/**
 * What the API (/api/v1) reads and writes for the team's other systems. Access is decided in
 * access.ts (apiActor, apiFamilyGrant): a token reaches its team's families and the items the
 * team's staff see, through the same SQL rules as the staff pages (visibleFamilies,
 * visibleItems, visibleGoals). Lists are pages in id order with an opaque cursor (the last id).
 * Only what schemas/api.ts documents leaves here: no sign-in data, no words the family wrote.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from './db';
import { families, familyMembers, goals, meetings, outcomes, staff } from './db/schema';
import { apiActor, visibleFamilies, visibleItems, type ApiCaller, type FamilyGrant } from './access';
import { visibleGoals } from './goals';
import { familyMeetingsOf } from './meetings/meetings';
import { noteColumns } from './outcomes';
import type { PageQuery } from '$lib/schemas/api';

export interface Page<T> {
	data: T[];
	/** The cursor of the next page, or null. */
	next: string | null;
}

/** A cursor is the last id of a page, base64url: opaque to callers, checked by shape when read back. */
export const encodeCursor = (id: string) => Buffer.from(id).toString('base64url');
export function decodeCursor(cursor: string | undefined): string | null {
	if (!cursor) return null;
	const id = Buffer.from(cursor, 'base64url').toString();
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? id : null;
}

/** One more row than asked tells whether there is a next page. */
function paged<T extends { id: string }>(rows: T[], limit: number): Page<T> {
	const data = rows.slice(0, limit);
	return { data, next: rows.length > limit ? encodeCursor(data[data.length - 1].id) : null };
}

const after = (col: AnyPgColumn, cursor: string | null) => (cursor ? gt(col, cursor) : undefined);

const familyColumns = {
	id: families.id,
	name: families.name,
	area: families.area,
	status: families.status,
	enrolledOn: families.enrolledOn,
	endedOn: families.endedOn,
	contactPerson: { id: staff.id, name: staff.name }
};

/** The families of the token's team (families:read). */
export async function listApiFamilies(db: Db, caller: ApiCaller, page: PageQuery & { after: string | null }) {
	const rows = await db
		.select(familyColumns)
		.from(families)
		.innerJoin(staff, eq(staff.id, families.contactPersonId))
		.where(and(sql`${families.id} in ${visibleFamilies(apiActor(caller))}`, after(families.id, page.after)))
		.orderBy(asc(families.id))
		.limit(page.limit + 1);
	return paged(rows, page.limit);
}

/** One family and its members (families:read), in the order the family was written down. */
export async function getApiFamily(db: Db, grant: FamilyGrant) {
	const [family] = await db
		.select(familyColumns)
		.from(families)
		.innerJoin(staff, eq(staff.id, families.contactPersonId))
		.where(eq(families.id, grant.familyId));
	if (!family) return null;
	const members = await db
		.select({
			id: familyMembers.id,
			name: familyMembers.name,
			role: familyMembers.role,
			birthYear: familyMembers.birthYear,
			preferredLanguage: familyMembers.preferredLanguage
		})
		.from(familyMembers)
		.where(eq(familyMembers.familyId, grant.familyId))
		.orderBy(asc(familyMembers.createdAt), asc(familyMembers.id));
	return { ...family, members };
}

/** The family's outcomes the team sees (outcomes:read): a teenager's included, as for staff. */
export async function listApiOutcomes(db: Db, grant: FamilyGrant, page: PageQuery & { after: string | null }) {
	const rows = await db
		.select({
			id: outcomes.id,
			memberId: outcomes.memberId,
			...noteColumns,
			source: outcomes.source,
			recordedAt: outcomes.recordedAt
		})
		.from(outcomes)
		.where(
			and(
				eq(outcomes.familyId, grant.familyId),
				visibleItems(grant.actor, { familyId: outcomes.familyId, memberId: outcomes.memberId, visibility: outcomes.visibility }),
				after(outcomes.id, page.after)
			)
		)
		.orderBy(asc(outcomes.id))
		.limit(page.limit + 1);
	return paged(
		rows.map((r) => ({ ...r, absencePercent: r.absencePercent === null ? null : Number(r.absencePercent) })),
		page.limit
	);
}

/** The family's meetings (meetings:read): when, how, with whom and where they stand — no place, topic or notes. */
export async function listApiMeetings(db: Db, grant: FamilyGrant, page: PageQuery & { after: string | null }) {
	const rows = await db
		.select({
			id: meetings.id,
			type: meetings.type,
			status: meetings.status,
			startsAt: meetings.startsAt,
			endsAt: meetings.endsAt,
			staffId: meetings.staffId
		})
		.from(meetings)
		.where(and(familyMeetingsOf(grant), after(meetings.id, page.after)))
		.orderBy(asc(meetings.id))
		.limit(page.limit + 1);
	return paged(rows, page.limit);
}

/** The family's goals (goals:read): where each stands and who proposed it — never its words. */
export async function listApiGoals(db: Db, grant: FamilyGrant, page: PageQuery & { after: string | null }) {
	const rows = await db
		.select({
			id: goals.id,
			status: goals.status,
			proposedBy: sql<'family' | 'team'>`case when ${goals.staffId} is null then 'family' else 'team' end`,
			createdAt: goals.createdAt,
			updatedAt: goals.updatedAt
		})
		.from(goals)
		.where(and(eq(goals.familyId, grant.familyId), visibleGoals(grant.actor), after(goals.id, page.after)))
		.orderBy(asc(goals.id))
		.limit(page.limit + 1);
	return paged(rows, page.limit);
}
