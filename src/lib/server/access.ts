/**
 * The one place that decides who may see which family's data, following the policy table in
 * policy.ts. A route asks for a grant for one action on one family; it gets one, or null —
 * and null looks exactly like "no such family" (the route answers 404). Staff grants are
 * written to the audit log here, so no route can forget.
 *
 * Lists and figures use the same rules as SQL: visibleFamilies(actor) is the set of families
 * an actor may see, visibleItems(actor, columns) the family-scoped items (by visibility:
 * family / adults / member_private / staff_only), so a list, a count and a single read cannot disagree.
 * The staff's family list (family-list.ts) is built on visibleFamilies: its search and filters
 * are conditions in the same statement, so they can only narrow that set.
 *
 * Stand-ins (decided): the colleague named on an absence of the contact person sees the
 * family from 7 days before the absence starts (to prepare) until its last day — not always.
 * Staff outside the family's team never see it, and the database keeps contact persons,
 * involved staff and stand-ins inside the team (0001, 0003).
 */
import { and, eq, exists, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from './db';
import { absences, families, familyMembers, familyStaff, copenhagenToday, staff as staffTable, teams, users } from './db/schema';
import { signInAge } from '$lib/roles';
import { isLocale, defaultLocale } from '$lib/i18n/locales';
import type { SessionUser } from './auth/session';
import { auditInsert } from './audit';
import { allows, familyRelations, visibilities, type Action, type Relation, type Visibility } from './policy';

export type { Action, Relation } from './policy';
export type Actor = SessionUser;
export type StaffActor = Extract<SessionUser, { kind: 'staff' }>;
export type FamilyActor = Extract<SessionUser, { kind: 'family' }>;

/** How long before an absence starts its stand-in sees the families. */
export const standInLeadDays = 7;

declare const granted: unique symbol;
/** Proof that access was checked for one action; only this module makes one. */
export interface FamilyGrant {
	readonly [granted]: true;
	readonly familyId: string;
	readonly relation: Relation;
	readonly action: Action;
	readonly actor: Actor;
}

/** SQL: the contact person of `families` is away today (an absence covers today). */
export function contactAwayToday(contactId: AnyColumn | SQL = families.contactPersonId): SQL<boolean> {
	return sql<boolean>`exists (select 1 from ${absences} where ${absences.staffId} = ${contactId}
		and ${absences.startsOn} <= ${copenhagenToday} and ${absences.endsOn} >= ${copenhagenToday})`;
}

/** Who a relation is worked out for: the acting staff member (parameters), or a staff row in the statement (columns). */
interface StaffWho {
	staffId: SQL;
	teamId: SQL;
	/** Whether they lead their team: known for the actor, a column condition for a staff row. */
	leader: boolean | SQL;
}

/** SQL for a staff member's relation to the row in `families`, and whether there is one. */
function relationSql(who: StaffWho): { relation: SQL<Relation | null>; allowed: SQL } {
	const involved = exists(
		sql`(select 1 from ${familyStaff} where ${familyStaff.familyId} = ${families.id} and ${familyStaff.staffId} = ${who.staffId})`
	);
	const standingIn = exists(
		sql`(select 1 from ${absences} where ${absences.staffId} = ${families.contactPersonId}
			and ${absences.standInId} = ${who.staffId} and ${absences.endsOn} >= ${copenhagenToday}
			and ${absences.startsOn} <= ${copenhagenToday} + ${standInLeadDays}::int)`
	);
	const sameTeam = sql`${families.teamId} = ${who.teamId}`;
	const leads = who.leader === true ? sameTeam : who.leader === false ? sql`false` : and(who.leader, sameTeam)!;
	const isContact = sql`${families.contactPersonId} = ${who.staffId}`;
	const relation = sql<Relation | null>`case
		when ${isContact} then 'contact'
		when ${standingIn} then 'stand_in'
		when ${involved} then 'involved'
		when ${leads} then 'leader'
		end`;
	// Only families of their own team, whatever the rows say.
	const allowed = and(sameTeam, or(isContact, standingIn, involved, leads))!;
	return { relation, allowed };
}

function staffRelationSql(actor: StaffActor): { relation: SQL<Relation | null>; allowed: SQL } {
	return relationSql({ staffId: sql`${actor.staffId}`, teamId: sql`${actor.teamId}`, leader: actor.role === 'team_leader' });
}

/**
 * SQL condition: the staff row `person` (an alias of the staff table in the statement) works
 * with the row in `families` by the same relations that let a staff member see a family —
 * contact person, stand-in, involved, team leader. For choosing a colleague who will be able
 * to see what is handed to them; never a test of the actor's own access (familyGrant is).
 */
export function worksWithFamily(person: { id: AnyColumn; teamId: AnyColumn; role: AnyColumn }): SQL {
	return relationSql({ staffId: sql`${person.id}`, teamId: sql`${person.teamId}`, leader: sql`${person.role} = 'team_leader'` }).allowed;
}

/**
 * A staff member's relation to a family, and — in the same statement (a data-modifying CTE) —
 * the audit line for the action, written only when the relation allows it. One round trip per
 * staff page instead of two.
 */
async function auditedStaffRelation(db: Db, actor: StaffActor, familyId: string, action: Action): Promise<Relation | null> {
	const { relation, allowed } = staffRelationSql(actor);
	const permitted = familyRelations.filter((r) => allows(action, r));
	if (permitted.length === 0) return null;
	const entry = { actorUserId: actor.id, actorStaffId: actor.staffId, actorName: actor.name, action, familyId };
	const list = sql.join(
		permitted.map((r) => sql`${r}`),
		sql`, `
	);
	const result =
		await db.execute(sql`with rel as (select ${relation} as relation from ${families} where ${families.id} = ${familyId}::uuid and ${allowed}),
		logged as (${auditInsert(entry, new Date(), sql`exists (select 1 from rel where rel.relation in (${list}))`)})
		select relation from rel`);
	return rowsOf<{ relation: Relation | null }>(result)[0]?.relation ?? null;
}

/**
 * A grant for one action on one family, or null when the actor has no relation to the family
 * that the policy allows for it (or the family does not exist: the same answer). Staff grants
 * are audited (in the same statement as the check); a family member's own reads are not.
 */
export async function familyGrant(db: Db, actor: Actor, familyId: string, action: Action): Promise<FamilyGrant | null> {
	const relation =
		actor.kind === 'family'
			? actor.familyId === familyId
				? ('own' as const)
				: null
			: await auditedStaffRelation(db, actor, familyId, action);
	if (!relation || !allows(action, relation)) return null;
	return { familyId, relation, action, actor } as FamilyGrant;
}

/** The signed-in family member's own family, for an action the policy allows them. */
export function ownFamily(actor: FamilyActor, action: Action = 'family.view'): FamilyGrant | null {
	if (!allows(action, 'own')) return null;
	return { familyId: actor.familyId, relation: 'own', action, actor } as FamilyGrant;
}

/** Whether a grant's relation also allows another action (e.g. to show an "invite" button). */
export function grantAllows(grant: FamilyGrant, action: Action): boolean {
	return allows(action, grant.relation);
}

/** SQL subquery: the ids of every family the actor may see (for lists and figures). */
export function visibleFamilies(actor: Actor): SQL {
	if (actor.kind === 'family') return sql`(select ${actor.familyId}::uuid)`;
	return sql`(select ${families.id} from ${families} where ${staffRelationSql(actor).allowed})`;
}

/**
 * SQL subquery: the municipality whose team data (partners, opportunities) the actor reads —
 * their own family's team's, or their own team's. One deployment may hold several; nobody
 * reads another's directory.
 */
export function actorOrganisation(actor: Actor): SQL {
	if (actor.kind === 'family')
		return sql`(select ${teams.organisationId} from ${teams} join ${families} on ${families.teamId} = ${teams.id} where ${families.id} = ${actor.familyId}::uuid)`;
	return sql`(select ${teams.organisationId} from ${teams} where ${teams.id} = ${actor.teamId}::uuid)`;
}

/**
 * SQL: how a staff member works with the row in `families` ('contact', 'stand_in', 'involved',
 * 'leader'), or null where they do not. A column for lists, never a test of access on its own:
 * a list takes its rows from visibleFamilies(actor) (family-list.ts does) and may filter on
 * this only to narrow them.
 */
export function staffRelation(actor: StaffActor): SQL<Relation | null> {
	return staffRelationSql(actor).relation;
}

/** The columns a family-scoped item table has for visibility. */
export interface ItemColumns {
	familyId: SQL.Aliased | SQL | typeof families.id | { getSQL(): SQL };
	/** The member the item belongs to (for member-private items). */
	memberId: { getSQL(): SQL };
	visibility: { getSQL(): SQL };
}

const readAction: Record<Visibility, Action> = {
	family: 'family.view',
	adults: 'family.adultItems.read',
	member_private: 'member.privateItems.read',
	staff_only: 'family.staffItems.read'
};

// Staff lists span families with different relations; today every staff relation has the same
// item rights, so one SQL rule fits all. Should the policy ever differ per relation, this stops
// the server at start instead of quietly showing too much.
const staffRelations = familyRelations.filter((r) => r !== 'own');
const staffVisibilities = visibilities.filter((v) => {
	const allowed = staffRelations.map((r) => allows(readAction[v], r));
	if (new Set(allowed).size > 1) throw new Error(`policy: staff relations disagree on ${v} items; visibleItems needs a per-relation rule`);
	return allowed[0];
});

/** SQL condition: the items of these columns that the actor may see (list, count and single read alike). */
export function visibleItems(actor: Actor, cols: ItemColumns): SQL {
	if (actor.kind === 'staff') {
		if (staffVisibilities.length === 0) return sql`false`;
		const list = sql.join(
			staffVisibilities.map((v) => sql`${v}`),
			sql`, `
		);
		return sql`(${cols.familyId} in ${visibleFamilies(actor)} and ${cols.visibility} in (${list}))`;
	}
	const isPrivate = sql`${cols.visibility} = 'member_private'`;
	const ownItem = and(isPrivate, sql`${cols.memberId} = ${actor.memberId}::uuid`);
	// An adult reads a young child's items: children of this family under the sign-in age this year.
	const childsItem =
		actor.role !== 'child' && allows(readAction.member_private, 'guardian')
			? and(
					isPrivate,
					sql`${cols.memberId} in (select ${familyMembers.id} from ${familyMembers} where ${familyMembers.familyId} = ${actor.familyId}::uuid
						and ${familyMembers.role} = 'child' and ${familyMembers.birthYear} > extract(year from ${copenhagenToday})::int - ${signInAge})`
				)
			: undefined;
	const adults = allows(readAction.adults, 'own') || (allows(readAction.adults, 'adult') && actor.role !== 'child');
	const rules = [
		allows(readAction.family, 'own') ? sql`${cols.visibility} = 'family'` : undefined,
		adults ? sql`${cols.visibility} = 'adults'` : undefined,
		allows(readAction.member_private, 'own') ? isPrivate : allows(readAction.member_private, 'self') ? ownItem : undefined,
		childsItem,
		allows(readAction.staff_only, 'own') ? sql`${cols.visibility} = 'staff_only'` : undefined
	].filter(Boolean) as SQL[];
	return sql`(${cols.familyId} = ${actor.familyId}::uuid and ${rules.length ? or(...rules) : sql`false`})`;
}

/**
 * SQL condition on an item's own visibility for a staff member: the item half of visibleItems,
 * for statements that join items to families already taken from visibleFamilies(actor) (the
 * team's figures, dashboard.ts). The family set is then worked out once per statement instead
 * of once per item, and the two halves together are exactly visibleItems.
 */
export function staffItemVisibility(actor: StaffActor, visibility: { getSQL(): SQL }): SQL {
	if (actor.kind !== 'staff' || staffVisibilities.length === 0) return sql`false`;
	return sql`${visibility} in (${sql.join(
		staffVisibilities.map((v) => sql`${v}`),
		sql`, `
	)})`;
}

/**
 * SQL condition: the items of these columns the actor may change with `action` as their author
 * ('self' in the policy: a wish's words are only its writer's). Always within what the actor
 * may see, so changing a hidden item looks exactly like changing one that does not exist.
 */
export function authoredItems(actor: Actor, action: Action, cols: ItemColumns): SQL {
	if (actor.kind !== 'family' || !allows(action, 'self')) return sql`false`;
	return sql`(${visibleItems(actor, cols)} and ${cols.memberId} = ${actor.memberId}::uuid)`;
}

/**
 * Who in a family may see one item, for telling them about it (the outbox): the sign-ins of the
 * family's members for whom `visibleAs(member)` holds, as a subquery of `user_id`s to insert
 * from. Each member is asked the very condition their own lists are built on (visibleItems and
 * the feature's wrappers of it), so a notification can never reach someone whose pages would
 * not show the item: a parent is never told about a teenager's private conversation.
 * One statement finds the members; the condition runs inside the caller's insert. Null when
 * nobody (left) has a sign-in.
 */
export async function familyReaders(
	db: Db,
	familyId: string,
	visibleAs: (member: FamilyActor) => SQL,
	options: { except?: string | null; among?: string[] } = {}
): Promise<SQL | null> {
	const rows = await db
		.select({
			id: users.id,
			email: users.email,
			phone: users.phone,
			locale: users.locale,
			memberId: familyMembers.id,
			name: familyMembers.name,
			role: familyMembers.role
		})
		.from(users)
		.innerJoin(familyMembers, eq(familyMembers.id, users.familyMemberId))
		.where(eq(familyMembers.familyId, familyId));
	const members = rows.filter((r) => r.memberId !== options.except && (!options.among || options.among.includes(r.memberId)));
	if (members.length === 0) return null;
	const each = members.map((r) => {
		const member: FamilyActor = {
			kind: 'family',
			id: r.id,
			email: r.email,
			phone: r.phone,
			locale: isLocale(r.locale) ? r.locale : defaultLocale,
			memberId: r.memberId,
			familyId,
			name: r.name,
			role: r.role
		};
		return sql`select ${r.id}::uuid as user_id where ${visibleAs(member)}`;
	});
	return sql`(${sql.join(each, sql` union all `)})`;
}

declare const staffGranted: unique symbol;
/** Proof that an actor may change one staff member's own settings (availability, hours off). */
export interface StaffGrant {
	readonly [staffGranted]: true;
	readonly staffId: string;
	readonly teamId: string;
	readonly actor: StaffActor;
}

/**
 * Who may change a staff member's availability and hours off: that person, and the team
 * leader for anyone on their team. Null otherwise (and for a staff id of another team, or
 * none: the same answer).
 */
export async function staffGrant(db: Db, actor: Actor, staffId: string): Promise<StaffGrant | null> {
	if (actor.kind !== 'staff') return null;
	if (staffId === actor.staffId) return { staffId, teamId: actor.teamId, actor } as StaffGrant;
	if (actor.role !== 'team_leader') return null;
	const [row] = await db
		.select({ id: staffTable.id })
		.from(staffTable)
		.where(and(eq(staffTable.id, staffId), eq(staffTable.teamId, actor.teamId)));
	return row ? ({ staffId, teamId: actor.teamId, actor } as StaffGrant) : null;
}

declare const teamGranted: unique symbol;
/**
 * Proof that a staff member may read (or, with `mayEdit`, change) their team's own settings:
 * the office's address and the walk meeting points. Made from the session alone, so a team
 * never appears in a URL or a form: a staff member can only ever reach their own team's.
 */
export interface TeamGrant {
	readonly [teamGranted]: true;
	readonly teamId: string;
	readonly mayEdit: boolean;
	readonly actor: StaffActor;
}

/**
 * The team's own settings: everyone on the team reads them (they book office meetings and
 * walks for families); only the team leader changes them. 'edit' answers null to anyone else.
 */
export function teamGrant(actor: Actor, action: 'view' | 'edit'): TeamGrant | null {
	if (actor.kind !== 'staff') return null;
	const mayEdit = actor.role === 'team_leader';
	if (action === 'edit' && !mayEdit) return null;
	return { teamId: actor.teamId, mayEdit, actor } as TeamGrant;
}

/** What a verified API token tells access.ts (api-tokens.ts verifyApiToken makes it). */
export interface ApiCaller {
	tokenId: string;
	teamId: string;
	name: string;
}

const nobody = '00000000-0000-0000-0000-000000000000';

/**
 * A team's API token as an actor: it acts as its team, with the team leader's reach — every
 * family of the team and the items the team's staff see (visibleItems), nobody else's. It is no
 * person: its staff id matches no contact person, stand-in or helper, so its only relation is
 * 'leader', and what it writes is recorded as by another system (outcomes: source 'api').
 * Decided: a system of the municipality's team works at the team's level, as the leader does;
 * which data it gets is narrowed by the token's scopes and by what the API returns (api.ts).
 */
export function apiActor(caller: ApiCaller): StaffActor {
	return {
		kind: 'staff',
		id: nobody,
		email: null,
		phone: null,
		locale: 'da',
		staffId: nobody,
		teamId: caller.teamId,
		name: `API: ${caller.name}`,
		role: 'team_leader'
	};
}

/** The audit line of one API call: no person, the token's name, its id's first characters and what was asked. */
function apiAuditEntry(caller: ApiCaller, action: Action, familyId: string | null, what: string) {
	return {
		actorUserId: null,
		actorStaffId: null,
		actorName: `API: ${caller.name}`,
		action,
		familyId,
		detail: `${caller.tokenId.slice(0, 8)} ${what}`
	};
}

/**
 * A grant for an API call on one family of the token's team, or null (another team's family, or
 * none: the same answer, 404), or 'limited' when the token has used its calls for now. One
 * statement: `take` (api-tokens.ts takeCall) counts the call, and the audit line is written when
 * the call is counted and the family is the team's, like a staff grant.
 */
export async function apiFamilyGrant(
	db: Db,
	caller: ApiCaller,
	familyId: string,
	action: Action,
	what: string,
	take: SQL
): Promise<FamilyGrant | null | 'limited'> {
	if (!allows(action, 'leader')) return null;
	const actor = apiActor(caller);
	const result = await db.execute(sql`with taken as (${take}),
		fam as (select ${families.id} from ${families} where ${families.id} = ${familyId}::uuid and ${families.teamId} = ${caller.teamId}::uuid),
		logged as (${auditInsert(apiAuditEntry(caller, action, familyId, what), new Date(), sql`exists (select 1 from fam) and exists (select 1 from taken)`)})
		select exists (select 1 from taken) as taken, exists (select 1 from fam) as found`);
	const [row] = rowsOf<{ taken: boolean; found: boolean }>(result);
	if (!row?.taken) return 'limited';
	if (!row.found) return null;
	return { familyId, relation: 'leader', action, actor } as FamilyGrant;
}

/** Audits an API call about no one family (a list of the team's families), counting it (`take`); false when limited. */
export async function auditApiCall(db: Db, caller: ApiCaller, what: string, take: SQL): Promise<boolean> {
	const result = await db.execute(sql`with taken as (${take}),
		logged as (${auditInsert(apiAuditEntry(caller, 'api.read', null, what), new Date(), sql`exists (select 1 from taken)`)})
		select 1 from taken`);
	return rowsOf(result).length > 0;
}
