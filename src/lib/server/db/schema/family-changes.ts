import { sql } from 'drizzle-orm';
// Relative, not $lib: drizzle-kit loads the schema without SvelteKit's aliases.
import { endReasons, familyChangeKinds, familyChangeNoteMaxLength, oneOf } from '../../../codes';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { families, staff } from './people';

/**
 * The history of a family's time with the team (family-manage.ts): who its contact person was
 * before whom and when, when it ended and why, when it began again. Written by the team leader,
 * read by the team; never shown to the family (the note is the team's own words).
 */
export const familyChanges = pgTable(
	'family_changes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		familyId: uuid('family_id')
			.notNull()
			.references(() => families.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: familyChangeKinds }).notNull(),
		/** A new contact person: the one before and the new one (null once they have left the team). */
		fromStaffId: uuid('from_staff_id').references(() => staff.id, { onDelete: 'set null' }),
		toStaffId: uuid('to_staff_id').references(() => staff.id, { onDelete: 'set null' }),
		endedReason: text('ended_reason', { enum: endReasons }),
		note: text('note').notNull().default(''),
		changedBy: uuid('changed_by').references(() => staff.id, { onDelete: 'set null' }),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('family_changes_family_idx').on(t.familyId, t.at),
		check('family_changes_kind', sql.raw(`kind in (${oneOf(familyChangeKinds)})`)),
		check(
			'family_changes_reason',
			sql.raw(`(kind = 'ended') = (ended_reason is not null) and (ended_reason is null or ended_reason in (${oneOf(endReasons)}))`)
		),
		check('family_changes_note_length', sql`char_length(${t.note}) <= ${sql.raw(String(familyChangeNoteMaxLength))}`)
	]
);
