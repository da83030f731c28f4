/**
 * The team keeps the directory (/staff/opportunities/…): partners, the people to call there,
 * opportunities and their words in other languages. Team data of one municipality: any staff
 * member of it may keep it (as they may mark it checked), and every statement is scoped to the
 * actor's municipality (access.ts actorOrganisation), so an id from elsewhere changes nothing
 * and answers like one that does not exist. Family members keep nothing here.
 *
 * Saving an opportunity counts as checking it: whoever changes it has just looked at it.
 * An edit carries the version it was made from; a colleague's change in between is never
 * overwritten unseen ('changed'). Ending an opportunity is its "active until": it leaves the
 * directory and stays in the history of the interests that point to it.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { CostPeriod, OpportunityKind, PartnerKind } from '$lib/codes';
import type { ContactInput, OpportunityInput, OpportunityTextInput, PartnerInput } from '$lib/schemas/opportunities';
import { sqlState, type Db } from '../db';
import { copenhagenToday, opportunities, opportunityTexts, partnerContacts, partners } from '../db/schema';
import { actorOrganisation, type Actor } from '../access';

const ofOrg = (actor: Actor, column: typeof partners.organisationId | typeof opportunities.organisationId) =>
	sql`${column} = ${actorOrganisation(actor)}`;
/** Exact to the microsecond (a JavaScript date is not), as text a form can carry. */
const versionOf = sql<string>`(extract(epoch from ${opportunities.updatedAt}) * 1000000)::bigint::text`;

export interface PartnerChoice {
	id: string;
	name: string;
}

/** The municipality's partners, for the opportunity form's "who runs it". */
export async function partnerChoices(db: Db, actor: Actor): Promise<PartnerChoice[]> {
	if (actor.kind !== 'staff') return [];
	const rows = await db.select({ id: partners.id, name: partners.name }).from(partners).where(ofOrg(actor, partners.organisationId));
	return rows.sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

export interface PartnerDetail {
	id: string;
	name: string;
	kind: PartnerKind;
	area: string;
	notes: string;
	contacts: { id: string; name: string; role: string; phone: string | null; email: string | null }[];
}

/** One partner with its people to call; null when it is not the actor's municipality's. One statement. */
export async function getPartner(db: Db, actor: Actor, id: string): Promise<PartnerDetail | null> {
	if (actor.kind !== 'staff') return null;
	const [row] = await db
		.select({
			id: partners.id,
			name: partners.name,
			kind: partners.kind,
			area: partners.area,
			notes: partners.notes,
			contacts: sql<PartnerDetail['contacts']>`coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'role', c.role,
				'phone', c.phone, 'email', c.email) order by c.name, c.id) from ${partnerContacts} c where c.partner_id = "partners"."id"), '[]'::json)`
		})
		.from(partners)
		.where(and(eq(partners.id, id), ofOrg(actor, partners.organisationId)));
	return row ?? null;
}

export async function createPartner(db: Db, actor: Actor, input: PartnerInput): Promise<string | null> {
	if (actor.kind !== 'staff') return null;
	const [row] = await db
		.insert(partners)
		.values({ ...input, organisationId: sql`${actorOrganisation(actor)}` })
		.returning({ id: partners.id });
	return row.id;
}

export async function updatePartner(db: Db, actor: Actor, id: string, input: PartnerInput): Promise<boolean> {
	if (actor.kind !== 'staff') return false;
	const rows = await db
		.update(partners)
		.set(input)
		.where(and(eq(partners.id, id), ofOrg(actor, partners.organisationId)))
		.returning({ id: partners.id });
	return rows.length === 1;
}

/** A person to call at a partner of the actor's municipality. */
export async function addContact(db: Db, actor: Actor, partnerId: string, input: ContactInput): Promise<boolean> {
	if (actor.kind !== 'staff') return false;
	const rows = await db
		.insert(partnerContacts)
		.select(
			db
				.select({
					id: sql`gen_random_uuid()`.as('id'),
					partnerId: partners.id,
					name: sql`${input.name}`.as('name'),
					role: sql`${input.role}`.as('role'),
					phone: sql`${input.phone}::text`.as('phone'),
					email: sql`${input.email}::text`.as('email')
				})
				.from(partners)
				.where(and(eq(partners.id, partnerId), ofOrg(actor, partners.organisationId)))
		)
		.returning({ id: partnerContacts.id });
	return rows.length === 1;
}

export async function removeContact(db: Db, actor: Actor, partnerId: string, contactId: string): Promise<boolean> {
	if (actor.kind !== 'staff') return false;
	const rows = await db
		.delete(partnerContacts)
		.where(
			and(
				eq(partnerContacts.id, contactId),
				eq(partnerContacts.partnerId, partnerId),
				sql`exists (select 1 from ${partners} where ${partners.id} = ${partnerContacts.partnerId} and ${ofOrg(actor, partners.organisationId)})`
			)
		)
		.returning({ id: partnerContacts.id });
	return rows.length === 1;
}

export interface OpportunityDetail {
	id: string;
	partnerId: string;
	kind: OpportunityKind;
	title: string;
	description: string;
	area: string;
	address: string;
	minAge: number;
	maxAge: number;
	costDkk: number;
	costPeriod: CostPeriod | null;
	supportCovers: boolean;
	weekdays: number[];
	startsAt: string | null;
	endsAt: string | null;
	languages: string[];
	firstStep: string;
	companion: boolean;
	placesLeft: number | null;
	activeFrom: string;
	activeUntil: string | null;
	checkedOn: string;
	version: string;
	/** Its words in other languages, by locale. */
	texts: Record<string, { title: string; description: string; firstStep: string }>;
}

/** One opportunity as the team edits it, with its versions in other languages; null when not the actor's municipality's. One statement. */
export async function getOpportunityForEdit(db: Db, actor: Actor, id: string): Promise<OpportunityDetail | null> {
	if (actor.kind !== 'staff') return null;
	const [row] = await db
		.select({
			id: opportunities.id,
			partnerId: opportunities.partnerId,
			kind: opportunities.kind,
			title: opportunities.title,
			description: opportunities.description,
			area: opportunities.area,
			address: opportunities.address,
			minAge: opportunities.minAge,
			maxAge: opportunities.maxAge,
			costDkk: opportunities.costDkk,
			costPeriod: opportunities.costPeriod,
			supportCovers: opportunities.supportCovers,
			weekdays: opportunities.weekdays,
			startsAt: sql<string | null>`to_char(${opportunities.startsAt}, 'HH24:MI')`,
			endsAt: sql<string | null>`to_char(${opportunities.endsAt}, 'HH24:MI')`,
			languages: opportunities.languages,
			firstStep: opportunities.firstStep,
			companion: opportunities.companion,
			placesLeft: opportunities.placesLeft,
			activeFrom: opportunities.activeFrom,
			activeUntil: opportunities.activeUntil,
			checkedOn: opportunities.checkedOn,
			version: versionOf,
			texts: sql<OpportunityDetail['texts']>`coalesce((select json_object_agg(t.locale, json_build_object('title', t.title,
				'description', t.description, 'firstStep', t.first_step)) from ${opportunityTexts} t where t.opportunity_id = "opportunities"."id"), '{}'::json)`
		})
		.from(opportunities)
		.where(and(eq(opportunities.id, id), ofOrg(actor, opportunities.organisationId)));
	return row ? { ...row, weekdays: row.weekdays.map(Number) } : null;
}

/** A new opportunity of a partner of the actor's municipality (the database refuses any other: opportunities_partner_org_fk). */
export async function createOpportunity(db: Db, actor: Actor, input: OpportunityInput): Promise<string | null> {
	if (actor.kind !== 'staff') return null;
	try {
		const [row] = await db
			.insert(opportunities)
			.values({ ...input, organisationId: sql`${actorOrganisation(actor)}`, checkedOn: copenhagenToday })
			.returning({ id: opportunities.id });
		return row.id;
	} catch (error) {
		// A partner of another municipality, or one removed meanwhile.
		if (sqlState(error) === '23503') return null;
		throw error;
	}
}

export type UpdateResult = 'ok' | 'notFound' | 'changed';

/** Saves the team's changes, if nobody changed it since `version`; saving is checking it. */
export async function updateOpportunity(db: Db, actor: Actor, id: string, version: string, input: OpportunityInput): Promise<UpdateResult> {
	if (actor.kind !== 'staff') return 'notFound';
	try {
		const rows = await db
			.update(opportunities)
			.set({ ...input, checkedOn: copenhagenToday, updatedAt: sql`now()` })
			.where(and(eq(opportunities.id, id), ofOrg(actor, opportunities.organisationId), sql`${versionOf} = ${version}`))
			.returning({ id: opportunities.id });
		if (rows.length === 1) return 'ok';
	} catch (error) {
		if (sqlState(error) === '23503') return 'notFound';
		throw error;
	}
	const [still] = await db
		.select({ id: opportunities.id })
		.from(opportunities)
		.where(and(eq(opportunities.id, id), ofOrg(actor, opportunities.organisationId)));
	return still ? 'changed' : 'notFound';
}

/** Writes (or, all blank, removes) the opportunity's words in one other language. */
export async function saveOpportunityText(db: Db, actor: Actor, id: string, input: OpportunityTextInput): Promise<boolean> {
	if (actor.kind !== 'staff') return false;
	return db.transaction(async (tx) => {
		const [mine] = await tx
			.update(opportunities)
			.set({ updatedAt: sql`now()` })
			.where(and(eq(opportunities.id, id), ofOrg(actor, opportunities.organisationId)))
			.returning({ id: opportunities.id });
		if (!mine) return false;
		if (!input.title) {
			await tx.delete(opportunityTexts).where(and(eq(opportunityTexts.opportunityId, id), eq(opportunityTexts.locale, input.locale)));
			return true;
		}
		const words = { title: input.title, description: input.description, firstStep: input.firstStep };
		await tx
			.insert(opportunityTexts)
			.values({ opportunityId: id, locale: input.locale, ...words })
			.onConflictDoUpdate({ target: [opportunityTexts.opportunityId, opportunityTexts.locale], set: words });
		return true;
	});
}
