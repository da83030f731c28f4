/**
 * The staff's family list (/staff): the families a staff member works with, searched by the
 * family's or a member's name, filtered by the staff member's relation and by status, sorted
 * by name or by last activity.
 *
 * Access: every statement here takes its rows from visibleFamilies(actor) (access.ts), and the
 * search and filters are more conditions in the same statement, so they can only narrow what
 * the actor may see; a name from a family they may not see finds nothing.
 *
 * Cost: one statement for the rows and one for the counts, whatever the search (the page adds
 * the session check, so it stays at 3–4 queries; family-list.test.ts counts them).
 *
 * "Last activity" of a family, for now: the latest moment any of its members was active in the
 * portal (the last_active_at of their sign-ins' sessions, which moves at most every 5 minutes,
 * or last_sign_in_at, which outlives a session that was signed out), else the day the family
 * was enrolled. A later feature that counts as activity (a message written, a meeting held)
 * adds its moment to the greatest(…) in `activeAt` below and nothing else changes.
 */
import { z } from 'zod';
import { and, eq, exists, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from './db';
import { absences, copenhagenToday, families, familyMembers, sessions, staff, users } from './db/schema';
import { standInLeadDays, staffRelation, visibleFamilies, type StaffActor } from './access';
import type { StaffFamilyRelation, StaffFamilyRow } from '$lib/types';

export const familyListRelations = ['all', 'contact', 'stand_in', 'involved', 'leader'] as const;
export const familyListStatuses = ['all', 'active', 'ended'] as const;
export const familyListSorts = ['name', 'activity'] as const;

const maxSearchLength = 100;
const maxSearchWords = 6;

/** A search as typed, made safe to send: no control characters, one space between words, not too long. */
function cleanSearch(raw: string): string {
	const text = raw
		.normalize('NFC')
		.replace(/[\p{Cc}\p{Cs}]/gu, ' ')
		.replace(/\s+/gu, ' ')
		.trim();
	return Array.from(text).slice(0, maxSearchLength).join('').trim();
}

/**
 * The list's URL parameters (?q=&relation=&status=&sort=), read at the edge. A value that is
 * missing, repeated (the first counts) or not one of ours falls back to the default: a link
 * somebody edited shows the whole list, never an error.
 */
export const familyListQuery = z.object({
	q: z.string().transform(cleanSearch).catch(''),
	relation: z.enum(familyListRelations).catch('all'),
	status: z.enum(familyListStatuses).catch('all'),
	sort: z.enum(familyListSorts).catch('name')
});
export type FamilyListQuery = z.infer<typeof familyListQuery>;
export const defaultFamilyListQuery: FamilyListQuery = familyListQuery.parse({});

export function readFamilyListQuery(params: URLSearchParams): FamilyListQuery {
	const first = (key: string) => params.get(key) ?? undefined;
	return familyListQuery.parse({ q: first('q'), relation: first('relation'), status: first('status'), sort: first('sort') });
}

// PostgreSQL's \uXXXX in a regular expression: the combining accents NFD splits off letters.
const combiningMarks = sql.raw(String.raw`'[\u0300-\u036f]'`);

/**
 * SQL: text folded for matching names: accents off ("Ayşe" → "ayse", "Åse" → "ase"), lower
 * case, and the letters that are not an accent on a plain one folded by hand ("Yılmaz" →
 * "yilmaz", "Ødegård" → "odegard", "Kjær" → "kjaer"). The same on PGlite and PostgreSQL, and
 * whatever the database's locale: accents go before lower() (which only knows ASCII under the C
 * locale), and the hand-folded letters are listed in both cases. Needs a UTF8 database.
 */
function folded(text: SQL | AnyColumn): SQL<string> {
	const plain = sql`lower(regexp_replace(normalize(${text}, NFD), ${combiningMarks}, '', 'g'))`;
	return sql`replace(replace(replace(translate(${plain}, 'ıØøĐđŁł', 'iooddll'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss')`;
}

/** SQL: `text` holds `word`, both folded. */
function holds(text: SQL | AnyColumn, word: string): SQL<boolean> {
	return sql<boolean>`(strpos(${folded(text)}, ${folded(sql`${word}::text`)}) > 0)`;
}

const member = alias(familyMembers, 'member');
const contact = alias(staff, 'contact');
const standIn = alias(staff, 'stand_in');
const memberUser = alias(users, 'member_user');
// In a sql`` subquery an alias prints as its name only: these give the FROM item.
const fromMember = sql`${familyMembers} as ${sql.identifier('member')}`;
const fromMemberUser = sql`${users} as ${sql.identifier('member_user')}`;

/**
 * SQL: every word is in the family's name or in one member's name ("ayse yilmaz" finds the
 * Yılmaz family through Ayşe Yılmaz; "hassan amina" finds the Hassans).
 */
function matchesAll(words: string[]): SQL | undefined {
	if (!words.length) return undefined;
	return and(
		...words.map(
			(w) =>
				sql`(${holds(families.name, w)} or ${exists(
					sql`(select 1 from ${fromMember} where ${member.familyId} = ${families.id} and ${holds(member.name, w)})`
				)})`
		)
	);
}

/** SQL: the members found by their own name: by a word that the family's name does not hold. */
function foundMembers(words: string[]): SQL<string[]> {
	if (!words.length) return sql<string[]>`'{}'::text[]`;
	const byOwnName = sql.join(
		words.map((w) => sql`(${holds(member.name, w)} and not ${holds(families.name, w)})`),
		sql` or `
	);
	return sql<
		string[]
	>`array(select ${member.name} from ${fromMember} where ${member.familyId} = ${families.id} and (${byOwnName}) order by ${member.name})`;
}

/** SQL: the latest moment a member of the family was active in the portal, or null (see the top). */
const activeAt = sql<Date | null>`(select greatest(max(${sessions.lastActiveAt}), max(${memberUser.lastSignInAt}))
	from ${fromMember} join ${fromMemberUser} on ${memberUser.familyMemberId} = ${member.id}
	left join ${sessions} on ${sessions.userId} = ${memberUser.id}
	where ${member.familyId} = ${families.id})`.mapWith(sessions.lastActiveAt);

/** The contact person's absence that covers today or starts within the stand-in's lead time. */
function comingAbsence(db: Db) {
	return db
		.select({
			startsOn: absences.startsOn,
			endsOn: absences.endsOn,
			current: sql<boolean>`${absences.startsOn} <= ${copenhagenToday}`.as('current'),
			standInId: absences.standInId,
			standInName: standIn.name
		})
		.from(absences)
		.leftJoin(standIn, eq(standIn.id, absences.standInId))
		.where(
			and(
				eq(absences.staffId, families.contactPersonId),
				sql`${absences.endsOn} >= ${copenhagenToday}`,
				sql`${absences.startsOn} <= ${copenhagenToday} + ${standInLeadDays}::int`
			)
		)
		.orderBy(absences.startsOn)
		.limit(1)
		.as('absence');
}

const byName = new Intl.Collator('da', { sensitivity: 'base', numeric: true });
const compareNames = (a: StaffFamilyRow, b: StaffFamilyRow) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id);

/**
 * The families the actor works with that match the query, in its order. Names sort as a
 * Danish reader expects (Æ, Ø, Å last), by Intl.Collator: PGlite has no ICU collations.
 */
export async function listFamiliesForStaff(
	db: Db,
	actor: StaffActor,
	query: FamilyListQuery = defaultFamilyListQuery
): Promise<StaffFamilyRow[]> {
	const relation = staffRelation(actor);
	const words = [...new Set(query.q.split(' ').filter(Boolean))].slice(0, maxSearchWords);
	const absence = comingAbsence(db);
	const rows = await db
		.select({
			id: families.id,
			name: families.name,
			status: families.status,
			endedOn: families.endedOn,
			enrolledOn: families.enrolledOn,
			relation,
			members: sql<number>`(select count(*)::int from ${fromMember} where ${member.familyId} = ${families.id})`,
			found: foundMembers(words),
			contactId: contact.id,
			contactName: contact.name,
			absenceStartsOn: absence.startsOn,
			absenceEndsOn: absence.endsOn,
			absenceCurrent: absence.current,
			standInId: absence.standInId,
			standInName: absence.standInName,
			activeAt
		})
		.from(families)
		.innerJoin(contact, eq(contact.id, families.contactPersonId))
		.leftJoinLateral(absence, sql`true`)
		.where(
			and(
				sql`${families.id} in ${visibleFamilies(actor)}`,
				query.status === 'all' ? undefined : eq(families.status, query.status),
				query.relation === 'all' ? undefined : sql`${relation} = ${query.relation}`,
				matchesAll(words)
			)
		);

	const list: StaffFamilyRow[] = rows.map((r) => ({
		id: r.id,
		name: r.name,
		status: r.status,
		endedOn: r.endedOn,
		relation: r.relation as StaffFamilyRelation,
		members: r.members,
		found: r.found,
		contact: {
			name: r.contactName,
			isViewer: r.contactId === actor.staffId,
			absence:
				r.absenceStartsOn && r.absenceEndsOn
					? {
							startsOn: r.absenceStartsOn,
							endsOn: r.absenceEndsOn,
							current: r.absenceCurrent === true,
							standInName: r.standInName,
							standInIsViewer: r.standInId === actor.staffId
						}
					: null
		},
		// A bare date is noon in Copenhagen's day, as formatDate reads it.
		lastActivity: r.activeAt ? { at: r.activeAt, source: 'portal' } : { at: new Date(`${r.enrolledOn}T12:00:00Z`), source: 'enrolled' }
	}));
	return list.sort(
		query.sort === 'activity' ? (a, b) => b.lastActivity.at.getTime() - a.lastActivity.at.getTime() || compareNames(a, b) : compareNames
	);
}

export interface FamilyCounts {
	/** Every family the actor works with. */
	total: number;
	ended: number;
	byRelation: Record<StaffFamilyRelation, number>;
}

/** How many families the actor works with, in all and per relation and status (no search, no filter). */
export async function countFamiliesForStaff(db: Db, actor: StaffActor): Promise<FamilyCounts> {
	const rows = await db
		.select({ relation: staffRelation(actor), status: families.status, n: sql<number>`count(*)::int` })
		.from(families)
		.where(sql`${families.id} in ${visibleFamilies(actor)}`)
		// By position: the relation's SQL carries parameters, and the same expression written
		// twice would be two different ones to PostgreSQL.
		.groupBy(sql`1`, sql`2`);
	const counts: FamilyCounts = { total: 0, ended: 0, byRelation: { contact: 0, stand_in: 0, involved: 0, leader: 0 } };
	for (const r of rows) {
		counts.total += r.n;
		if (r.status === 'ended') counts.ended += r.n;
		counts.byRelation[r.relation as StaffFamilyRelation] += r.n;
	}
	return counts;
}

/** The list page's data: active families first, ended ones apart, and the counts for the filters. */
export async function staffFamilyList(db: Db, actor: StaffActor, query: FamilyListQuery) {
	const [rows, counts] = await Promise.all([listFamiliesForStaff(db, actor, query), countFamiliesForStaff(db, actor)]);
	return {
		active: rows.filter((f) => f.status === 'active'),
		ended: rows.filter((f) => f.status === 'ended'),
		counts
	};
}
