/**
 * The directory of leisure jobs, clubs and activities (issue 14): what a teenager or a parent
 * finds on /activities, and what staff keep on /staff/opportunities. Partners and opportunities
 * are team data of one municipality (access.ts actorOrganisation); a family sees the active
 * ones of its own municipality, in its language where someone wrote it, else in Danish.
 *
 * Search is PostgreSQL's Danish full-text search (stemmed: "fodbolden" finds "fodbold") on both
 * databases, with the title's words also found inside compounds ("bold" finds "Fodboldklub").
 */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { opportunityStaleDays, type CostPeriod, type OpportunityKind, type PartnerKind } from '$lib/codes';
import type { Locale } from '$lib/i18n/locales';
import type { Db } from '../db';
import { copenhagenToday, opportunities, opportunityTexts, partnerContacts, partners, savedOpportunities } from '../db/schema';
import { actorOrganisation, type Actor } from '../access';

export interface DirectoryFilters {
	q?: string;
	kind?: OpportunityKind;
	free?: boolean;
	area?: string;
	weekday?: number;
	language?: string;
	/** Only what fits this age (years this calendar year, from a birth year). */
	age?: number | null;
	/** Only what the reader saved for later (saved.ts). */
	saved?: boolean;
}

export interface OpportunityCard {
	id: string;
	kind: OpportunityKind;
	title: string;
	/** The language the title and words are in (Danish when nobody translated them). */
	lang: string;
	partner: string;
	area: string;
	minAge: number;
	maxAge: number;
	costDkk: number;
	costPeriod: CostPeriod | null;
	supportCovers: boolean;
	weekdays: number[];
	startsAt: string | null;
	endsAt: string | null;
	languages: string[];
	companion: boolean;
	placesLeft: number | null;
	/** The reader saved it for later (their own bookmark: nobody else's shows). */
	saved: boolean;
}

/** Active today: begun, not ended. Ended ones leave the directory but stay in interests' history. */
export const activeToday = sql`(${opportunities.activeFrom} <= ${copenhagenToday} and (${opportunities.activeUntil} is null or ${opportunities.activeUntil} >= ${copenhagenToday}))`;

/**
 * SQL: the row in `opportunities` is saved for later by the reader. A bookmark is only ever its
 * member's own — a parent never sees a teenager's, nor a teenager a sibling's — and staff have none.
 */
export function savedByReader(actor: Actor): SQL<boolean> {
	if (actor.kind !== 'family') return sql<boolean>`false`;
	return sql<boolean>`exists (select 1 from ${savedOpportunities} where ${savedOpportunities.opportunityId} = ${opportunities.id}
		and ${savedOpportunities.memberId} = ${actor.memberId}::uuid)`;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(actor: Actor, f: DirectoryFilters): SQL[] {
	const where: SQL[] = [sql`${opportunities.organisationId} = ${actorOrganisation(actor)}`, activeToday];
	if (f.kind) where.push(eq(opportunities.kind, f.kind));
	if (f.free) where.push(sql`(${opportunities.costDkk} = 0 or ${opportunities.supportCovers})`);
	if (f.area) where.push(sql`lower(${opportunities.area}) = lower(${f.area})`);
	if (f.weekday) where.push(sql`${f.weekday}::smallint = any(${opportunities.weekdays})`);
	if (f.language) where.push(sql`${f.language} = any(${opportunities.languages})`);
	if (f.saved) where.push(savedByReader(actor));
	if (f.age != null) where.push(sql`${f.age}::int between ${opportunities.minAge} and ${opportunities.maxAge}`);
	if (f.q)
		where.push(
			sql`(${opportunities.search} @@ websearch_to_tsquery('danish', ${f.q}) or ${opportunities.title} ilike ${`%${likeEscape(f.q)}%`})`
		);
	return where;
}

/** What a card shows, in the reader's language where someone wrote a version (joined as opportunity_texts). */
function cardColumns(actor: Actor, locale: Locale) {
	return {
		id: opportunities.id,
		kind: opportunities.kind,
		title: sql<string>`coalesce(${opportunityTexts.title}, ${opportunities.title})`,
		lang: sql<string>`case when ${opportunityTexts.title} is null then 'da' else ${locale} end`,
		partner: partners.name,
		area: opportunities.area,
		minAge: opportunities.minAge,
		maxAge: opportunities.maxAge,
		costDkk: opportunities.costDkk,
		costPeriod: opportunities.costPeriod,
		supportCovers: opportunities.supportCovers,
		weekdays: opportunities.weekdays,
		startsAt: opportunities.startsAt,
		endsAt: opportunities.endsAt,
		languages: opportunities.languages,
		companion: opportunities.companion,
		placesLeft: opportunities.placesLeft,
		saved: savedByReader(actor)
	};
}

/** The directory, filtered, in the reader's language where there is a version in it: one statement. */
export async function findOpportunities(db: Db, actor: Actor, f: DirectoryFilters, locale: Locale, limit = 60): Promise<OpportunityCard[]> {
	const translated = sql`${opportunityTexts.opportunityId} = ${opportunities.id} and ${opportunityTexts.locale} = ${locale}`;
	// Full ones last; the best match first; then by name.
	const order: SQL[] = [sql`(${opportunities.placesLeft} = 0) nulls first`];
	if (f.q) order.push(desc(sql`ts_rank(${opportunities.search}, websearch_to_tsquery('danish', ${f.q}))`));
	order.push(asc(opportunities.title));
	const rows = await db
		.select(cardColumns(actor, locale))
		.from(opportunities)
		.innerJoin(partners, eq(partners.id, opportunities.partnerId))
		.leftJoin(opportunityTexts, translated)
		.where(and(...conditions(actor, f)))
		.orderBy(...order)
		.limit(limit);
	return rows.map((r) => ({ ...r, weekdays: r.weekdays.map(Number) }));
}

/**
 * The areas the directory has (for the filter), and how many of its opportunities the reader
 * saved for later (the link to them): one statement. Every saved one is active in this
 * directory, so it has an area: where there are no areas, nothing saved is left to show.
 */
export async function directoryFacets(db: Db, actor: Actor): Promise<{ areas: string[]; saved: number }> {
	const mine = sql`${opportunities.organisationId} = ${actorOrganisation(actor)} and ${activeToday}`;
	// The inner "opportunities" is the subquery's own table (the innermost scope names it).
	const saved = sql<number>`(select count(*)::int from ${opportunities} where ${mine} and ${savedByReader(actor)})`;
	const rows = await db.selectDistinct({ area: opportunities.area, saved }).from(opportunities).where(mine);
	// Sorted as Danish sorts (the database's collation may differ between PostgreSQL and PGlite).
	return { areas: rows.map((r) => r.area).sort((a, b) => a.localeCompare(b, 'da')), saved: rows[0]?.saved ?? 0 };
}

export interface OpportunityPage extends OpportunityCard {
	description: string;
	firstStep: string;
	address: string;
}

/** One opportunity of the actor's directory, active today, in their language where there is a version; null otherwise. */
export async function getOpportunity(db: Db, actor: Actor, id: string, locale: Locale): Promise<OpportunityPage | null> {
	const [row] = await db
		.select({
			...cardColumns(actor, locale),
			description: sql<string>`coalesce(${opportunityTexts.description}, ${opportunities.description})`,
			firstStep: sql<string>`coalesce(${opportunityTexts.firstStep}, ${opportunities.firstStep})`,
			address: opportunities.address
		})
		.from(opportunities)
		.innerJoin(partners, eq(partners.id, opportunities.partnerId))
		.leftJoin(opportunityTexts, and(eq(opportunityTexts.opportunityId, opportunities.id), eq(opportunityTexts.locale, locale)))
		.where(and(eq(opportunities.id, id), sql`${opportunities.organisationId} = ${actorOrganisation(actor)}`, activeToday));
	return row ? { ...row, weekdays: row.weekdays.map(Number) } : null;
}

export interface StaffPartner {
	id: string;
	name: string;
	kind: PartnerKind;
	area: string;
	notes: string;
	contacts: { name: string; role: string; phone: string | null; email: string | null }[];
	opportunities: {
		id: string;
		title: string;
		kind: OpportunityKind;
		minAge: number;
		maxAge: number;
		checkedOn: string;
		/** Not checked for six months: someone should call. */
		stale: boolean;
		/** Ended: gone from the directory, kept for the interests that point to it. */
		ended: boolean;
	}[];
}

/** The team's view of the directory (/staff/opportunities): every partner with its people and opportunities, ended ones too. Three statements. */
export async function staffDirectory(db: Db, actor: Actor): Promise<StaffPartner[]> {
	if (actor.kind !== 'staff') return [];
	const org = sql`${actorOrganisation(actor)}`;
	const [partnerRows, contactRows, opportunityRows] = await Promise.all([
		db
			.select({ id: partners.id, name: partners.name, kind: partners.kind, area: partners.area, notes: partners.notes })
			.from(partners)
			.where(sql`${partners.organisationId} = ${org}`),
		db
			.select({
				partnerId: partnerContacts.partnerId,
				name: partnerContacts.name,
				role: partnerContacts.role,
				phone: partnerContacts.phone,
				email: partnerContacts.email
			})
			.from(partnerContacts)
			.innerJoin(partners, eq(partners.id, partnerContacts.partnerId))
			.where(sql`${partners.organisationId} = ${org}`)
			.orderBy(asc(partnerContacts.name)),
		db
			.select({
				id: opportunities.id,
				partnerId: opportunities.partnerId,
				title: opportunities.title,
				kind: opportunities.kind,
				minAge: opportunities.minAge,
				maxAge: opportunities.maxAge,
				checkedOn: opportunities.checkedOn,
				stale: sql<boolean>`${opportunities.checkedOn} < ${copenhagenToday} - ${opportunityStaleDays}::int`,
				ended: sql<boolean>`not ${activeToday}`
			})
			.from(opportunities)
			.where(sql`${opportunities.organisationId} = ${org}`)
			.orderBy(asc(opportunities.title))
	]);
	return partnerRows
		.map((p) => ({
			...p,
			contacts: contactRows.filter((c) => c.partnerId === p.id).map(({ partnerId: _p, ...c }) => c),
			opportunities: opportunityRows.filter((o) => o.partnerId === p.id).map(({ partnerId: _p, ...o }) => o)
		}))
		.sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

/** "Still right, checked today": a staff member of the same municipality vouches for it. */
export async function markChecked(db: Db, actor: Actor, id: string): Promise<boolean> {
	if (actor.kind !== 'staff') return false;
	const rows = await db
		.update(opportunities)
		.set({ checkedOn: copenhagenToday, updatedAt: sql`now()` })
		.where(and(eq(opportunities.id, id), sql`${opportunities.organisationId} = ${actorOrganisation(actor)}`))
		.returning({ id: opportunities.id });
	return rows.length === 1;
}
