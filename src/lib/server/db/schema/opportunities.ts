import { sql } from 'drizzle-orm';
// Relative, not $lib: drizzle-kit loads the schema without SvelteKit's aliases.
import {
	costPeriods,
	interestStatuses,
	oneOf,
	opportunityAges,
	opportunityKinds,
	opportunityTextMaxLength,
	opportunityTitleMaxLength,
	partnerKinds
} from '../../../codes';
import {
	boolean,
	check,
	customType,
	date,
	foreignKey,
	index,
	integer,
	pgTable,
	primaryKey,
	smallint,
	text,
	time,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { families, familyMembers, organisations } from './people';
import { users } from './auth';
import { goals } from './goals';

const at = (name: string) => timestamp(name, { withTimezone: true });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const locales = ['da', 'en', 'ar', 'so', 'tr', 'fa', 'ur', 'uk'];

/**
 * Who owns opportunities in the neighbourhood: associations, clubs, employers, the housing
 * association, municipal services. Team data of one municipality (staff keep it).
 */
export const partners = pgTable(
	'partners',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		kind: text('kind', { enum: partnerKinds }).notNull(),
		area: text('area').notNull(),
		/** For staff only ("ask for Jamal on Tuesdays"); never shown to a family. */
		notes: text('notes').notNull().default(''),
		createdAt: at('created_at').notNull().defaultNow()
	},
	(t) => [
		check('partners_kind', sql.raw(`kind in (${oneOf(partnerKinds)})`)),
		check('partners_name_length', sql`char_length(${t.name}) between 1 and 120`),
		check('partners_notes_length', sql`char_length(${t.notes}) <= ${sql.raw(String(opportunityTextMaxLength))}`),
		unique('partners_id_org_key').on(t.id, t.organisationId),
		index('partners_org').on(t.organisationId, t.name)
	]
);

/** A person at a partner the team calls: for staff only. */
export const partnerContacts = pgTable(
	'partner_contacts',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		partnerId: uuid('partner_id')
			.notNull()
			.references(() => partners.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		role: text('role').notNull().default(''),
		phone: text('phone'),
		email: text('email')
	},
	(t) => [
		check('partner_contacts_reachable', sql`${t.phone} is not null or ${t.email} is not null`),
		index('partner_contacts_partner').on(t.partnerId)
	]
);

/**
 * A leisure job, activity, club, course or volunteering place, with the fields of an Open
 * Referral HSDS service that a teenager and a parent decide by: where, for which ages, what it
 * costs and whether the municipality's support can pay, when, which languages are spoken
 * there, the first step, and whether a grown-up from the team may come along the first time.
 * Written by staff in Danish; opportunity_texts carry other languages where someone wrote them.
 */
export const opportunities = pgTable(
	'opportunities',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id').notNull(),
		partnerId: uuid('partner_id').notNull(),
		kind: text('kind', { enum: opportunityKinds }).notNull(),
		title: text('title').notNull(),
		description: text('description').notNull(),
		area: text('area').notNull(),
		address: text('address').notNull().default(''),
		minAge: smallint('min_age').notNull(),
		maxAge: smallint('max_age').notNull(),
		/** Whole kroner; 0 is free. */
		costDkk: integer('cost_dkk').notNull().default(0),
		costPeriod: text('cost_period', { enum: costPeriods }),
		/** Fritidspas or other municipal support can pay the fee. */
		supportCovers: boolean('support_covers').notNull().default(false),
		/** ISO weekdays (1 Monday … 7 Sunday); none is "by arrangement". */
		weekdays: smallint('weekdays')
			.array()
			.notNull()
			.default(sql`'{}'::smallint[]`),
		startsAt: time('starts_at'),
		endsAt: time('ends_at'),
		/** Languages spoken there besides Danish (locale codes or others, e.g. 'so', 'ar'). */
		languages: text('languages')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		/** How to start: "Come on Tuesday at 17; ask for Ali." */
		firstStep: text('first_step').notNull(),
		/** A grown-up from the team may come along the first time. */
		companion: boolean('companion').notNull().default(true),
		placesLeft: integer('places_left'),
		activeFrom: date('active_from').notNull().defaultNow(),
		activeUntil: date('active_until'),
		/** The day someone last checked it is still right (flagged after six months). */
		checkedOn: date('checked_on').notNull().defaultNow(),
		/** Danish full-text search over the words (stemmed: "fodbold" finds "Fodboldklub"'s "fodbold"). */
		search: tsvector('search')
			.notNull()
			.generatedAlwaysAs(
				sql`setweight(to_tsvector('danish', title), 'A') || setweight(to_tsvector('danish', description), 'B') || to_tsvector('danish', area)`
			),
		createdAt: at('created_at').notNull().defaultNow(),
		updatedAt: at('updated_at').notNull().defaultNow()
	},
	(t) => [
		// The partner is of the same municipality.
		foreignKey({
			name: 'opportunities_partner_org_fk',
			columns: [t.partnerId, t.organisationId],
			foreignColumns: [partners.id, partners.organisationId]
		}),
		check('opportunities_kind', sql.raw(`kind in (${oneOf(opportunityKinds)})`)),
		check('opportunities_title_length', sql`char_length(${t.title}) between 1 and ${sql.raw(String(opportunityTitleMaxLength))}`),
		check(
			'opportunities_text_length',
			sql`char_length(${t.description}) between 1 and ${sql.raw(String(opportunityTextMaxLength))} and char_length(${t.firstStep}) between 1 and ${sql.raw(String(opportunityTextMaxLength))}`
		),
		check(
			'opportunities_ages',
			sql`${t.minAge} between ${sql.raw(String(opportunityAges.min))} and ${sql.raw(String(opportunityAges.max))} and ${t.maxAge} between ${t.minAge} and ${sql.raw(String(opportunityAges.max))}`
		),
		check(
			'opportunities_cost',
			sql.raw(
				`cost_dkk >= 0 and (cost_dkk = 0) = (cost_period is null) and (cost_period is null or cost_period in (${oneOf(costPeriods)}))`
			)
		),
		check('opportunities_weekdays', sql`${t.weekdays} <@ '{1,2,3,4,5,6,7}'::smallint[]`),
		check('opportunities_times', sql`${t.endsAt} is null or (${t.startsAt} is not null and ${t.endsAt} > ${t.startsAt})`),
		check('opportunities_places', sql`${t.placesLeft} is null or ${t.placesLeft} >= 0`),
		check('opportunities_active', sql`${t.activeUntil} is null or ${t.activeUntil} >= ${t.activeFrom}`),
		unique('opportunities_id_org_key').on(t.id, t.organisationId),
		index('opportunities_search').using('gin', t.search),
		index('opportunities_org_active').on(t.organisationId, t.activeUntil)
	]
);

/** An opportunity's words in another language than Danish, shown when present. */
export const opportunityTexts = pgTable(
	'opportunity_texts',
	{
		opportunityId: uuid('opportunity_id')
			.notNull()
			.references(() => opportunities.id, { onDelete: 'cascade' }),
		locale: text('locale').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull(),
		firstStep: text('first_step').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.opportunityId, t.locale] }),
		check('opportunity_texts_locale', sql.raw(`locale in (${oneOf(locales.filter((l) => l !== 'da'))})`)),
		check(
			'opportunity_texts_length',
			sql`char_length(${t.title}) between 1 and ${sql.raw(String(opportunityTitleMaxLength))} and char_length(${t.description}) between 1 and ${sql.raw(String(opportunityTextMaxLength))} and char_length(${t.firstStep}) between 1 and ${sql.raw(String(opportunityTextMaxLength))}`
		)
	]
);

/** "Save for later": a member's bookmark, private to them. */
export const savedOpportunities = pgTable(
	'saved_opportunities',
	{
		memberId: uuid('member_id')
			.notNull()
			.references(() => familyMembers.id, { onDelete: 'cascade' }),
		opportunityId: uuid('opportunity_id')
			.notNull()
			.references(() => opportunities.id, { onDelete: 'cascade' }),
		createdAt: at('created_at').notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.memberId, t.opportunityId] })]
);

/**
 * "I'm interested": family data with the visibility of wishes (access.ts visibleItems) — a
 * teenager's own is `member_private` until shared; one a parent marks for a child is the
 * family's. Its way (status) is told by interest_events, a short timeline.
 */
export const interests = pgTable(
	'interests',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		familyId: uuid('family_id')
			.notNull()
			.references(() => families.id, { onDelete: 'cascade' }),
		/** The child or teenager it is for. */
		memberId: uuid('member_id').notNull(),
		opportunityId: uuid('opportunity_id')
			.notNull()
			.references(() => opportunities.id),
		status: text('status', { enum: interestStatuses }).notNull().default('interested'),
		visibility: text('visibility', { enum: ['family', 'member_private'] }).notNull(),
		/** Their own sentence ("I played in Somalia"), optional. */
		note: text('note').notNull().default(''),
		/** "Come with me the first time." */
		companion: boolean('companion').notNull().default(false),
		goalId: uuid('goal_id'),
		/** Why it stopped, in their or the team's words. */
		stopReason: text('stop_reason'),
		startedOn: date('started_on'),
		/** When "still going?" is asked (four weeks after started); null once answered. */
		askOn: date('ask_on'),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		formKey: uuid('form_key').notNull(),
		version: integer('version').notNull().default(1),
		createdAt: at('created_at').notNull().defaultNow(),
		updatedAt: at('updated_at').notNull().defaultNow()
	},
	(t) => [
		foreignKey({
			name: 'interests_member_family_fk',
			columns: [t.memberId, t.familyId],
			foreignColumns: [familyMembers.id, familyMembers.familyId]
		}).onDelete('cascade'),
		foreignKey({ name: 'interests_goal_family_fk', columns: [t.goalId, t.familyId], foreignColumns: [goals.id, goals.familyId] }),
		unique('interests_form_key_key').on(t.formKey),
		// One open interest per child and opportunity; after "stopped" a new one may begin.
		uniqueIndex('interests_one_open')
			.on(t.memberId, t.opportunityId)
			.where(sql`${t.status} <> 'stopped'`),
		check('interests_status', sql.raw(`status in (${oneOf(interestStatuses)})`)),
		check('interests_visibility', sql`${t.visibility} in ('family', 'member_private')`),
		check('interests_note_length', sql`char_length(${t.note}) <= 500`),
		check('interests_stopped_reason', sql`(${t.status} = 'stopped') = (${t.stopReason} is not null)`),
		check('interests_started', sql`${t.status} not in ('started', 'still_going') or ${t.startedOn} is not null`),
		index('interests_family').on(t.familyId, t.updatedAt),
		index('interests_ask')
			.on(t.askOn)
			.where(sql`${t.askOn} is not null`)
	]
);

/** An interest's timeline: each change of its way, by whom, with a note. */
export const interestEvents = pgTable(
	'interest_events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		interestId: uuid('interest_id')
			.notNull()
			.references(() => interests.id, { onDelete: 'cascade' }),
		status: text('status', { enum: interestStatuses }).notNull(),
		note: text('note').notNull().default(''),
		/** "I need help" from the still-going question. */
		needsHelp: boolean('needs_help').notNull().default(false),
		byUser: uuid('by_user').references(() => users.id, { onDelete: 'set null' }),
		at: at('at').notNull().defaultNow()
	},
	(t) => [
		check('interest_events_status', sql.raw(`status in (${oneOf(interestStatuses)})`)),
		check('interest_events_note_length', sql`char_length(${t.note}) <= 500`),
		index('interest_events_interest').on(t.interestId, t.at)
	]
);
