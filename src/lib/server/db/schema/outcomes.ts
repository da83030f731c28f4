import { sql } from 'drizzle-orm';
// Relative, not $lib: drizzle-kit loads the schema without SvelteKit's aliases.
import { leisureStatuses, oneOf, outcomeKinds, workStatuses } from '../../../codes';
import { boolean, check, date, foreignKey, index, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { families, familyMembers, staff } from './people';

/**
 * What the team notes about how things are going, one row per change (outcomes.ts): an adult's
 * work or education from a date, a school child's absence in a term (the term's first day), a
 * teenager's leisure job or activity and education from a date. No free text: the evaluators'
 * export and the API carry these rows as they are.
 *
 * Who sees a row follows from its kind (the database keeps them together): an adult's work is
 * for the family's adults and the team; a child's school and a teenager's leisure are the
 * child's own (and a young child's parents', access.ts), never a teenager's parents'.
 */
export const outcomes = pgTable(
	'outcomes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		familyId: uuid('family_id')
			.notNull()
			.references(() => families.id, { onDelete: 'cascade' }),
		memberId: uuid('member_id').notNull(),
		kind: text('kind', { enum: outcomeKinds }).notNull(),
		visibility: text('visibility', { enum: ['adults', 'member_private'] }).notNull(),
		/** From this day (work, youth); the term's first day, 1 January or 1 August (school). */
		fromOn: date('from_on').notNull(),
		work: text('work', { enum: workStatuses }),
		/** Absence in the term as the school reports it, in per cent with one decimal. */
		absencePercent: numeric('absence_percent', { precision: 4, scale: 1, mode: 'number' }),
		leisure: text('leisure', { enum: leisureStatuses }),
		inEducation: boolean('in_education'),
		/** Who wrote it down: a staff member here, or another system through the API. */
		source: text('source', { enum: ['staff', 'api'] })
			.notNull()
			.default('staff'),
		recordedBy: uuid('recorded_by').references(() => staff.id, { onDelete: 'set null' }),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('outcomes_family_idx').on(t.familyId, t.kind, t.fromOn),
		// One note per person, kind and day: writing the same day again corrects it.
		unique('outcomes_member_kind_from_key').on(t.memberId, t.kind, t.fromOn),
		foreignKey({
			name: 'outcomes_member_family_fk',
			columns: [t.memberId, t.familyId],
			foreignColumns: [familyMembers.id, familyMembers.familyId]
		}).onDelete('cascade'),
		check('outcomes_kind', sql.raw(`kind in (${oneOf(outcomeKinds)})`)),
		check('outcomes_visibility', sql`${t.visibility} = case when ${t.kind} = 'work' then 'adults' else 'member_private' end`),
		check('outcomes_work', sql.raw(`(kind = 'work') = (work is not null) and (work is null or work in (${oneOf(workStatuses)}))`)),
		check(
			'outcomes_school',
			sql`(${t.kind} = 'school') = (${t.absencePercent} is not null) and (${t.absencePercent} is null or ${t.absencePercent} between 0 and 100)`
		),
		check(
			'outcomes_school_term',
			sql`${t.kind} <> 'school' or (extract(day from ${t.fromOn}) = 1 and extract(month from ${t.fromOn}) in (1, 8))`
		),
		check(
			'outcomes_youth',
			sql.raw(
				`(kind = 'youth') = (leisure is not null) and (kind = 'youth') = (in_education is not null) and (leisure is null or leisure in (${oneOf(leisureStatuses)}))`
			)
		),
		check('outcomes_source', sql`${t.source} in ('staff', 'api')`)
	]
);
