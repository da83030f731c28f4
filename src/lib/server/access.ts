/**
 * The one place that decides who may see which family's data. Every family-scoped read or
 * write starts here with the acting user and gets a grant, or a 404 that looks exactly like
 * "no such family". Staff access is written to the audit log here, so no route can forget.
 */
import { error } from '@sveltejs/kit';
import { alias } from 'drizzle-orm/pg-core';
import { and, asc, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from './db';
import { families, familyStaff, staff } from './db/schema';
import type { SessionUser } from './auth/session';
import { writeAudit } from './audit';

export type Actor = SessionUser;
export type StaffActor = Extract<SessionUser, { kind: 'staff' }>;
export type Relation = 'own' | 'contact' | 'stand_in' | 'involved' | 'leader';

declare const granted: unique symbol;
/** Proof that access was checked; only this module makes one. */
export interface FamilyGrant {
	readonly [granted]: true;
	readonly familyId: string;
	readonly relation: Relation;
	readonly actor: Actor;
}

const contact = alias(staff, 'contact');

/** SQL for "this staff member works with the family" and the relation it gives, in one place. */
function staffRelationSql(actor: StaffActor): { relation: SQL<Relation | null>; allowed: SQL } {
	const involved = exists(
		sql`(select 1 from ${familyStaff} where ${familyStaff.familyId} = ${families.id} and ${familyStaff.staffId} = ${actor.staffId})`
	);
	const isLeader = actor.role === 'team_leader';
	const relation = sql<Relation | null>`case
		when ${families.contactPersonId} = ${actor.staffId} then 'contact'
		when ${contact.standInId} = ${actor.staffId} then 'stand_in'
		when ${involved} then 'involved'
		when ${isLeader} and ${families.teamId} = ${actor.teamId} then 'leader'
		end`;
	const allowed = or(
		eq(families.contactPersonId, actor.staffId),
		eq(contact.standInId, actor.staffId),
		involved,
		isLeader ? eq(families.teamId, actor.teamId) : sql`false`
	)!;
	return { relation, allowed };
}

async function relationOf(db: Db, actor: Actor, familyId: string): Promise<Relation | null> {
	if (actor.kind === 'family') return actor.familyId === familyId ? 'own' : null;
	const { relation, allowed } = staffRelationSql(actor);
	const [row] = await db
		.select({ relation })
		.from(families)
		.innerJoin(contact, eq(contact.id, families.contactPersonId))
		.where(and(eq(families.id, familyId), allowed));
	return row?.relation ?? null;
}

/**
 * Grants access to one family's data or throws 404. `action` names what the actor is doing
 * (e.g. "family.view"); for staff it goes to the audit log.
 */
export async function requireFamilyAccess(db: Db, actor: Actor, familyId: string, action: string): Promise<FamilyGrant> {
	const relation = await relationOf(db, actor, familyId);
	if (!relation) error(404, 'notFound');
	if (actor.kind === 'staff') {
		await writeAudit(db, { actorUserId: actor.id, actorStaffId: actor.staffId, action, familyId });
	}
	return { familyId, relation, actor } as FamilyGrant;
}

/** The signed-in family member's own family. */
export function ownFamily(actor: Extract<Actor, { kind: 'family' }>): FamilyGrant {
	return { familyId: actor.familyId, relation: 'own', actor } as FamilyGrant;
}

/** The families a staff member works with, with how, contact-person families first. */
export async function listFamiliesForStaff(db: Db, actor: StaffActor) {
	const { relation, allowed } = staffRelationSql(actor);
	const rows = await db
		.select({
			id: families.id,
			name: families.name,
			area: families.area,
			status: families.status,
			contactName: contact.name,
			contactAway: contact.away,
			relation,
			members: sql<number>`(select count(*)::int from family_members m where m.family_id = ${families.id})`
		})
		.from(families)
		.innerJoin(contact, eq(contact.id, families.contactPersonId))
		.where(allowed)
		.orderBy(
			sql`case ${relation} when 'contact' then 0 when 'stand_in' then 1 when 'involved' then 2 else 3 end`,
			asc(families.name)
		);
	return rows as (Omit<(typeof rows)[number], 'relation'> & { relation: Relation })[];
}
