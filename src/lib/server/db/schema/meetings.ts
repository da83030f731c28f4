import { sql } from 'drizzle-orm';
// Relative, not $lib: drizzle-kit loads the schema without SvelteKit's aliases.
import {
	absenceKinds,
	allOf,
	interpreterStatuses,
	meetingPointDescriptionMaxLength,
	meetingPointNameMaxLength,
	meetingStatuses,
	meetingTypes,
	oneOf
} from '../../../codes';
import {
	boolean,
	check,
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
import { families, familyMembers, staff, teams } from './people';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A staff member's rules for bookings. No row: the defaults (codes.ts defaultMeetingMinutes,
 * 30 minutes' travel around a home visit, 24 hours' notice, three weeks ahead, and families
 * move or cancel until 24 hours before).
 */
export const bookingRules = pgTable(
	'booking_rules',
	{
		staffId: uuid('staff_id')
			.primaryKey()
			.references(() => staff.id, { onDelete: 'cascade' }),
		homeMinutes: smallint('home_minutes').notNull().default(60),
		officeMinutes: smallint('office_minutes').notNull().default(45),
		walkMinutes: smallint('walk_minutes').notNull().default(45),
		phoneMinutes: smallint('phone_minutes').notNull().default(30),
		videoMinutes: smallint('video_minutes').notNull().default(30),
		travelMinutes: smallint('travel_minutes').notNull().default(30),
		noticeHours: smallint('notice_hours').notNull().default(24),
		horizonDays: smallint('horizon_days').notNull().default(21),
		cutoffHours: smallint('cutoff_hours').notNull().default(24)
	},
	(t) => [
		check(
			'booking_rules_minutes',
			sql`least(${t.homeMinutes}, ${t.officeMinutes}, ${t.walkMinutes}, ${t.phoneMinutes}, ${t.videoMinutes}) >= 10
				and greatest(${t.homeMinutes}, ${t.officeMinutes}, ${t.walkMinutes}, ${t.phoneMinutes}, ${t.videoMinutes}) <= 240`
		),
		check('booking_rules_travel', sql`${t.travelMinutes} between 0 and 120`),
		check('booking_rules_notice', sql`${t.noticeHours} between 0 and 336`),
		check('booking_rules_horizon', sql`${t.horizonDays} between 1 and 90`),
		check('booking_rules_cutoff', sql`${t.cutoffHours} between 0 and 168`)
	]
);

/** When a staff member can meet families each week, and which kinds of meeting each window offers. */
export const availabilityWindows = pgTable(
	'availability_windows',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		staffId: uuid('staff_id')
			.notNull()
			.references(() => staff.id, { onDelete: 'cascade' }),
		/** ISO weekday: Monday 1 … Sunday 7. */
		weekday: smallint('weekday').notNull(),
		startsAt: time('starts_at').notNull(),
		endsAt: time('ends_at').notNull(),
		types: text('types', { enum: meetingTypes }).array().notNull()
	},
	(t) => [
		index('availability_windows_staff_idx').on(t.staffId, t.weekday),
		check('availability_windows_weekday', sql`${t.weekday} between 1 and 7`),
		check('availability_windows_order', sql`${t.endsAt} > ${t.startsAt}`),
		check('availability_windows_types', sql.raw(`cardinality(types) >= 1 and types <@ ${allOf(meetingTypes)}`))
	]
);

/** Hours off (a course, a doctor's visit): no meeting may fall in them. Whole days away are absences. */
export const timeOff = pgTable(
	'time_off',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		staffId: uuid('staff_id')
			.notNull()
			.references(() => staff.id, { onDelete: 'cascade' }),
		startsAt: at('starts_at').notNull(),
		endsAt: at('ends_at').notNull(),
		kind: text('kind', { enum: absenceKinds }).notNull()
	},
	(t) => [
		index('time_off_staff_idx').on(t.staffId, t.endsAt),
		check('time_off_order', sql`${t.endsAt} > ${t.startsAt}`),
		check('time_off_kind', sql.raw(`kind in (${oneOf(absenceKinds)})`))
	]
);

/**
 * A meeting between a family and one staff member. It blocks [blocked_from, blocked_until):
 * its own time and, for a home visit, the travel time around it. No two meetings that hold a
 * staff member's time may block overlapping ranges: an exclusion constraint (added by hand in
 * the migration; drizzle cannot express it) decides every race, on PostgreSQL and PGlite.
 */
export const meetings = pgTable(
	'meetings',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		familyId: uuid('family_id')
			.notNull()
			.references(() => families.id, { onDelete: 'cascade' }),
		teamId: uuid('team_id').notNull(),
		staffId: uuid('staff_id').notNull(),
		type: text('type', { enum: meetingTypes }).notNull(),
		status: text('status', { enum: meetingStatuses }).notNull(),
		startsAt: at('starts_at').notNull(),
		endsAt: at('ends_at').notNull(),
		blockedFrom: at('blocked_from').notNull(),
		blockedUntil: at('blocked_until').notNull(),
		/** Where: the family's home, the office's address, a walk's meeting point; empty for phone and video. */
		place: text('place').notNull().default(''),
		/** The language an interpreter is wanted for, and how that stands. */
		interpreterLanguage: text('interpreter_language'),
		interpreterStatus: text('interpreter_status', { enum: interpreterStatuses }),
		/** What the family would like to talk about, in its own words. */
		topic: text('topic').notNull().default(''),
		/**
		 * One of the family's goals the topic is about (chosen by a member who can see it). The
		 * meeting is the whole family's, the goal may be a teenager's own: readers get the goal's
		 * words only through access.ts (meetings.ts). Its foreign key (goal, family) → goals is
		 * written by hand in 0014 (ON DELETE SET NULL (goal_id), which drizzle cannot express),
		 * so a meeting never points at another family's goal.
		 */
		goalId: uuid('goal_id'),
		bookedByMemberId: uuid('booked_by_member_id'),
		bookedByStaffId: uuid('booked_by_staff_id').references(() => staff.id, { onDelete: 'set null' }),
		/** The confirm form's one-time key: a double tap or a retry books once. */
		formKey: uuid('form_key').notNull(),
		/** iCalendar SEQUENCE: raised on every change the family's calendar must learn about. */
		sequence: integer('sequence').notNull().default(0),
		/** A staff member's words to the family when they move or cancel; a family's reason when it does. */
		changeNote: text('change_note').notNull().default(''),
		createdAt: at('created_at').notNull().defaultNow(),
		updatedAt: at('updated_at').notNull().defaultNow()
	},
	(t) => [
		index('meetings_family_idx').on(t.familyId, t.startsAt),
		index('meetings_staff_idx').on(t.staffId, t.startsAt),
		index('meetings_goal_idx').on(t.goalId),
		unique('meetings_form_key_key').on(t.formKey),
		unique('meetings_id_family_key').on(t.id, t.familyId),
		// The staff member is on the family's team: both pairs must exist.
		foreignKey({
			name: 'meetings_family_team_fk',
			columns: [t.familyId, t.teamId],
			foreignColumns: [families.id, families.teamId]
		}).onDelete('cascade'),
		foreignKey({ name: 'meetings_staff_team_fk', columns: [t.staffId, t.teamId], foreignColumns: [staff.id, staff.teamId] }).onDelete(
			'cascade'
		),
		foreignKey({
			name: 'meetings_booked_by_member_fk',
			columns: [t.bookedByMemberId, t.familyId],
			foreignColumns: [familyMembers.id, familyMembers.familyId]
		}).onDelete('cascade'),
		check('meetings_type', sql.raw(`type in (${oneOf(meetingTypes)})`)),
		check('meetings_status', sql.raw(`status in (${oneOf(meetingStatuses)})`)),
		check('meetings_times', sql`${t.blockedFrom} <= ${t.startsAt} and ${t.startsAt} < ${t.endsAt} and ${t.endsAt} <= ${t.blockedUntil}`),
		check(
			'meetings_interpreter',
			sql.raw(
				`(interpreter_language is null) = (interpreter_status is null) and (interpreter_status is null or interpreter_status in (${oneOf(interpreterStatuses)}))`
			)
		),
		check('meetings_place_length', sql`char_length(${t.place}) <= 300`),
		check('meetings_topic_length', sql`char_length(${t.topic}) <= 1000`),
		check('meetings_change_note_length', sql`char_length(${t.changeNote}) <= 1000`),
		check('meetings_sequence', sql`${t.sequence} >= 0`)
	]
);

/**
 * A walk-and-talk meeting point the team keeps (the park's entrance, the library): offered to
 * families in this order when they book a walk. A booked walk keeps the point's words as they
 * were (meetings.place), so renaming or removing a point never rewrites a meeting.
 */
export const meetingPoints = pgTable(
	'meeting_points',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		teamId: uuid('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		/** In Danish, as the team says it. */
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		sortOrder: integer('sort_order').notNull().default(0),
		/** Offered to families when booking; a point put aside keeps its place in the list. */
		active: boolean('active').notNull().default(true),
		createdAt: at('created_at').notNull().defaultNow()
	},
	(t) => [
		// One name once per team, whatever the capitals.
		uniqueIndex('meeting_points_team_name_key').on(t.teamId, sql`lower(${t.name})`),
		index('meeting_points_team_idx').on(t.teamId, t.sortOrder),
		check(
			'meeting_points_name_length',
			sql`char_length(${t.name}) between 1 and ${sql.raw(String(meetingPointNameMaxLength))} and ${t.name} = btrim(${t.name})`
		),
		check('meeting_points_description_length', sql`char_length(${t.description}) <= ${sql.raw(String(meetingPointDescriptionMaxLength))}`),
		check('meeting_points_sort_order', sql`${t.sortOrder} >= 0`)
	]
);

/** Who from the family takes part. */
export const meetingMembers = pgTable(
	'meeting_members',
	{
		meetingId: uuid('meeting_id').notNull(),
		familyId: uuid('family_id').notNull(),
		memberId: uuid('member_id').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.meetingId, t.memberId] }),
		foreignKey({
			name: 'meeting_members_meeting_family_fk',
			columns: [t.meetingId, t.familyId],
			foreignColumns: [meetings.id, meetings.familyId]
		}).onDelete('cascade'),
		// A member of the meeting's own family, never of another.
		foreignKey({
			name: 'meeting_members_member_family_fk',
			columns: [t.memberId, t.familyId],
			foreignColumns: [familyMembers.id, familyMembers.familyId]
		}).onDelete('cascade')
	]
);
