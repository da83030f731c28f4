import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	foreignKey,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';

export const department = pgEnum('department', [
	'employment',
	'social',
	'children_youth',
	'health',
	'culture'
]);
export const staffRole = pgEnum('staff_role', ['caseworker', 'team_leader']);
export const familyStatus = pgEnum('family_status', ['active', 'ended']);
export const memberRole = pgEnum('member_role', ['parent', 'teenager', 'child', 'other_adult']);

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A municipality. Its time zone is the one every date on screen is shown in. */
export const organisations = pgTable('organisations', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: text('name').notNull(),
	timeZone: text('time_zone').notNull().default('Europe/Copenhagen'),
	createdAt: created()
});

/** One interdisciplinary team working in one neighbourhood. */
export const teams = pgTable('teams', {
	id: uuid('id').primaryKey().defaultRandom(),
	organisationId: uuid('organisation_id')
		.notNull()
		.references(() => organisations.id),
	name: text('name').notNull(),
	area: text('area').notNull(),
	createdAt: created()
});

export const staff = pgTable(
	'staff',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		teamId: uuid('team_id')
			.notNull()
			.references(() => teams.id),
		name: text('name').notNull(),
		department: department('department').notNull(),
		role: staffRole('role').notNull().default('caseworker'),
		/** BCP 47 codes of the languages this person can speak with a family in. */
		languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
		phone: text('phone'),
		/** In the staff member's own words: "what I can help with". */
		helpsWith: text('helps_with').notNull().default(''),
		photoPath: text('photo_path'),
		/** The colleague families are sent to while this person is away. */
		standInId: uuid('stand_in_id').references((): AnyPgColumn => staff.id, {
			onDelete: 'set null'
		}),
		away: boolean('away').notNull().default(false),
		awayUntil: date('away_until'),
		createdAt: created()
	},
	(t) => [
		index('staff_team_idx').on(t.teamId),
		index('staff_stand_in_idx').on(t.standInId),
		// Lets families reference (contact person, team) together: see families below.
		unique('staff_id_team_key').on(t.id, t.teamId),
		check('staff_not_own_stand_in', sql`${t.standInId} is null or ${t.standInId} <> ${t.id}`)
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
		status: familyStatus('status').notNull().default('active'),
		enrolledOn: date('enrolled_on').notNull().defaultNow(),
		endedOn: date('ended_on'),
		createdAt: created()
	},
	(t) => [
		index('families_team_idx').on(t.teamId),
		index('families_contact_idx').on(t.contactPersonId),
		// The contact person works in the family's own team.
		foreignKey({
			name: 'families_contact_in_team_fk',
			columns: [t.contactPersonId, t.teamId],
			foreignColumns: [staff.id, staff.teamId]
		}),
		check('families_ended_has_date', sql`(${t.status} = 'ended') = (${t.endedOn} is not null)`)
	]
);

/** The other staff involved with a family, and what each helps it with. */
export const familyStaff = pgTable(
	'family_staff',
	{
		familyId: uuid('family_id')
			.notNull()
			.references(() => families.id, { onDelete: 'cascade' }),
		staffId: uuid('staff_id')
			.notNull()
			.references(() => staff.id, { onDelete: 'cascade' }),
		helpsWith: text('helps_with').notNull().default(''),
		since: date('since').notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.familyId, t.staffId] }), index('family_staff_staff_idx').on(t.staffId)]
);

export const familyMembers = pgTable(
	'family_members',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		familyId: uuid('family_id')
			.notNull()
			.references(() => families.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		role: memberRole('role').notNull(),
		birthYear: integer('birth_year'),
		preferredLanguage: text('preferred_language').notNull().default('da'),
		createdAt: created()
	},
	(t) => [
		index('family_members_family_idx').on(t.familyId),
		check('family_members_birth_year', sql`${t.birthYear} is null or ${t.birthYear} between 1900 and 2100`)
	]
);
