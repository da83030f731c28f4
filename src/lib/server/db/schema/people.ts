import { sql } from 'drizzle-orm';
// Relative, not $lib: drizzle-kit loads the schema without SvelteKit's aliases.
import {
	absenceKinds,
	allOf,
	caseloadTargetDefault,
	caseloadTargetRange,
	endReasons,
	familyStatuses,
	helpsWithMaxLength,
	lifeAreas,
	memberRoles,
	officeAddressMaxLength,
	oneOf,
	staffRoles
} from '../../../codes';
import {
	check,
	date,
	foreignKey,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../localized';
import type { OpeningHours } from '../../../i18n/hours';

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * A municipality. Every date is shown in Europe/Copenhagen ($lib/i18n/locales timeZone):
 * one deployment serves one Danish municipality, so there is no time zone per organisation.
 */
export const organisations = pgTable(
	'organisations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		name: text('name').notNull(),
		/** The municipality's switchboard as it is written on letters ("+45 87 10 20 30"). */
		phone: text('phone'),
		/** The frame every page shows (footer, privacy notice, accessibility statement). */
		address: text('address'),
		email: text('email'),
		openingHours: jsonb('opening_hours').$type<OpeningHours[]>().notNull().default([]),
		logoPath: text('logo_path'),
		/** Where people ask about their data, and the data protection officer (GDPR art. 13). */
		privacyEmail: text('privacy_email'),
		dpoEmail: text('dpo_email'),
		accessibilityReviewedOn: date('accessibility_reviewed_on'),
		createdAt: created()
	},
	(t) => [check('organisations_opening_hours_list', sql`jsonb_typeof(${t.openingHours}) = 'array'`)]
);

/** Today's date where the families live, not the server's UTC date. */
export const copenhagenToday = sql`(now() at time zone 'Europe/Copenhagen')::date`;

/**
 * An organisation's departments (employment, social, …): a lookup table, not a fixed type,
 * because each municipality names and cuts its own. Codes of $lib/codes standardDepartments
 * have translated names; others show `name`.
 */
export const departments = pgTable(
	'departments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		code: text('code').notNull(),
		/** The organisation's own name for it, in Danish. */
		name: text('name').notNull()
	},
	(t) => [unique('departments_org_code_key').on(t.organisationId, t.code)]
);

/** One interdisciplinary team working in one neighbourhood. */
export const teams = pgTable(
	'teams',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id),
		name: text('name').notNull(),
		area: text('area').notNull(),
		/**
		 * The team's local office, where office meetings are (the team leader keeps it on
		 * /staff/team). None: the organisation's address (meetings/booking.ts falls back to it).
		 */
		officeAddress: text('office_address'),
		/** Families per staff member the team leader aims at (contact person or involved); on /staff/team. */
		caseloadTarget: integer('caseload_target').notNull().default(caseloadTargetDefault),
		createdAt: created()
	},
	(t) => [
		check(
			'teams_office_address_length',
			sql`${t.officeAddress} is null or char_length(${t.officeAddress}) between 1 and ${sql.raw(String(officeAddressMaxLength))}`
		),
		check('teams_caseload_target_range', sql.raw(`caseload_target between ${caseloadTargetRange.min} and ${caseloadTargetRange.max}`))
	]
);

export const staff = pgTable(
	'staff',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		teamId: uuid('team_id')
			.notNull()
			.references(() => teams.id),
		name: text('name').notNull(),
		departmentId: uuid('department_id')
			.notNull()
			.references(() => departments.id),
		role: text('role', { enum: staffRoles }).notNull().default('caseworker'),
		/** BCP 47 codes of the languages this person can speak with a family in. */
		languages: text('languages')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		phone: text('phone'),
		/** What this person helps families with, as life areas the family reads in its own language. */
		helpTopics: text('help_topics')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		/**
		 * "What I can help with" in the staff member's own words, per language they wrote it in
		 * ({ "da": "…", "ar": "…" }); a reader gets their language when it is there, else Danish.
		 */
		helpText: jsonb('help_text').$type<LocalizedText>().notNull().default({}),
		photoPath: text('photo_path'),
		/** The colleague who usually stands in when this person is away (each absence may name another). */
		standInId: uuid('stand_in_id').references((): AnyPgColumn => staff.id, {
			onDelete: 'set null'
		}),
		createdAt: created()
	},
	(t) => [
		index('staff_team_idx').on(t.teamId),
		index('staff_stand_in_idx').on(t.standInId),
		check('staff_role', sql.raw(`role in (${oneOf(staffRoles)})`)),
		check('staff_help_topics', sql.raw(`help_topics <@ ${allOf(lifeAreas)}`)),
		check('staff_help_text_object', sql`jsonb_typeof(${t.helpText}) = 'object'`),
		// Lets families reference (contact person, team) together: see families below.
		unique('staff_id_team_key').on(t.id, t.teamId),
		check('staff_not_own_stand_in', sql`${t.standInId} is null or ${t.standInId} <> ${t.id}`),
		// The usual stand-in works in the same team.
		foreignKey({
			name: 'staff_stand_in_in_team_fk',
			columns: [t.standInId, t.teamId],
			foreignColumns: [t.id, t.teamId]
		})
	]
);

/**
 * A time a staff member is away (holiday, illness, leave, a course), with who stands in.
 * "Away now" and "back on" are derived from these rows; one person's absences never overlap.
 */
export const absences = pgTable(
	'absences',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		staffId: uuid('staff_id')
			.notNull()
			.references(() => staff.id, { onDelete: 'cascade' }),
		teamId: uuid('team_id').notNull(),
		/** First and last day away (inclusive), as dates where the team works. */
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		kind: text('kind', { enum: absenceKinds }).notNull(),
		/** Who families turn to meanwhile; null: "someone else from the team". */
		standInId: uuid('stand_in_id'),
		createdAt: created()
	},
	(t) => [
		index('absences_staff_idx').on(t.staffId, t.endsOn),
		index('absences_stand_in_idx').on(t.standInId, t.endsOn),
		check('absences_dates', sql`${t.endsOn} >= ${t.startsOn}`),
		// At most a year at a time (366 days): a mistyped year must not make someone away for decades.
		check('absences_length', sql`${t.endsOn} - ${t.startsOn} <= 365`),
		check('absences_kind', sql.raw(`kind in (${oneOf(absenceKinds)})`)),
		check('absences_not_own_stand_in', sql`${t.standInId} is null or ${t.standInId} <> ${t.staffId}`),
		foreignKey({ name: 'absences_staff_in_team_fk', columns: [t.staffId, t.teamId], foreignColumns: [staff.id, staff.teamId] }).onDelete(
			'cascade'
		),
		foreignKey({ name: 'absences_stand_in_in_team_fk', columns: [t.standInId, t.teamId], foreignColumns: [staff.id, staff.teamId] })
		// No overlapping absences for one person: an exclusion constraint in 0003 (drizzle cannot express it).
	]
);

export const families = pgTable(
	'families',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		teamId: uuid('team_id')
			.notNull()
			.references(() => teams.id),
		/** How the family is named on screen, usually its surname. */
		name: text('name').notNull(),
		/** Exactly one contact person: a non-null column, not a row among many. */
		contactPersonId: uuid('contact_person_id')
			.notNull()
			.references(() => staff.id),
		area: text('area').notNull(),
		status: text('status', { enum: familyStatuses }).notNull().default('active'),
		enrolledOn: date('enrolled_on').notNull().default(copenhagenToday),
		endedOn: date('ended_on'),
		endedReason: text('ended_reason', { enum: endReasons }),
		createdAt: created()
	},
	(t) => [
		index('families_team_idx').on(t.teamId),
		index('families_contact_idx').on(t.contactPersonId),
		// Lets family_staff reference (family, team) together.
		unique('families_id_team_key').on(t.id, t.teamId),
		// The contact person works in the family's own team.
		foreignKey({
			name: 'families_contact_in_team_fk',
			columns: [t.contactPersonId, t.teamId],
			foreignColumns: [staff.id, staff.teamId]
		}),
		check('families_status', sql.raw(`status in (${oneOf(familyStatuses)})`)),
		check('families_ended_has_date', sql`(${t.status} = 'ended') = (${t.endedOn} is not null)`),
		check('families_ended_has_reason', sql`(${t.status} = 'ended') = (${t.endedReason} is not null)`),
		check('families_ended_reason', sql.raw(`ended_reason is null or ended_reason in (${oneOf(endReasons)})`)),
		check('families_ended_after_enrolled', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.enrolledOn}`)
	]
);

/** The other staff involved with a family, and what each helps it with. Always the family's own team. */
export const familyStaff = pgTable(
	'family_staff',
	{
		familyId: uuid('family_id')
			.notNull()
			.references(() => families.id, { onDelete: 'cascade' }),
		staffId: uuid('staff_id')
			.notNull()
			.references(() => staff.id, { onDelete: 'cascade' }),
		teamId: uuid('team_id').notNull(),
		/** What the staff member helps this family with, as topics the whole family may see. */
		topics: text('topics')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		/** The team's own words on what this person does for the family: staff only, never shown to the family. */
		helpsWith: text('helps_with').notNull().default(''),
		since: date('since').notNull().default(copenhagenToday)
	},
	(t) => [
		primaryKey({ columns: [t.familyId, t.staffId] }),
		check('family_staff_topics', sql.raw(`topics <@ ${allOf(lifeAreas)}`)),
		check('family_staff_helps_with_length', sql`char_length(${t.helpsWith}) <= ${sql.raw(String(helpsWithMaxLength))}`),
		index('family_staff_staff_idx').on(t.staffId),
		foreignKey({
			name: 'family_staff_family_team_fk',
			columns: [t.familyId, t.teamId],
			foreignColumns: [families.id, families.teamId]
		}).onDelete('cascade'),
		foreignKey({ name: 'family_staff_staff_team_fk', columns: [t.staffId, t.teamId], foreignColumns: [staff.id, staff.teamId] }).onDelete(
			'cascade'
		)
	]
);

export const familyMembers = pgTable(
	'family_members',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		familyId: uuid('family_id')
			.notNull()
			.references(() => families.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		role: text('role', { enum: memberRoles }).notNull(),
		birthYear: integer('birth_year'),
		preferredLanguage: text('preferred_language').notNull().default('da'),
		createdAt: created()
	},
	(t) => [
		index('family_members_family_idx').on(t.familyId),
		check('family_members_birth_year', sql`${t.birthYear} is null or ${t.birthYear} between 1900 and 2100`),
		check('family_members_role', sql.raw(`role in (${oneOf(memberRoles)})`)),
		// A child's age decides whether they are a teenager with a sign-in: it must be known.
		check('family_members_child_born', sql`${t.role} <> 'child' or ${t.birthYear} is not null`),
		// Lets a member's items reference (member, family) together, so an item never points at
		// another family's member.
		unique('family_members_id_family_key').on(t.id, t.familyId)
	]
);

/**
 * What a staff member on the family's team helps one member with, in the staff member's words
 * (per language, like staff.help_text). Private to that member: the member reads it, and so do
 * the adults of a child too young for a sign-in (access.ts, policy `member.privateItems.read`);
 * the rest of the family sees only the staff member's topics.
 */
export const memberHelp = pgTable(
	'member_help',
	{
		familyId: uuid('family_id').notNull(),
		staffId: uuid('staff_id').notNull(),
		memberId: uuid('member_id').notNull(),
		note: jsonb('note').$type<LocalizedText>().notNull(),
		createdAt: created()
	},
	(t) => [
		primaryKey({ columns: [t.familyId, t.staffId, t.memberId] }),
		index('member_help_member_idx').on(t.memberId),
		// Only staff on the family's team, about the family's own members.
		foreignKey({
			name: 'member_help_family_staff_fk',
			columns: [t.familyId, t.staffId],
			foreignColumns: [familyStaff.familyId, familyStaff.staffId]
		}).onDelete('cascade'),
		foreignKey({
			name: 'member_help_member_family_fk',
			columns: [t.memberId, t.familyId],
			foreignColumns: [familyMembers.id, familyMembers.familyId]
		}).onDelete('cascade'),
		check('member_help_note_object', sql`jsonb_typeof(${t.note}) = 'object' and ${t.note} <> '{}'::jsonb`)
	]
);
