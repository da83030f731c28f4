import { sql } from 'drizzle-orm';
// Relative, not $lib: drizzle-kit loads the schema without SvelteKit's aliases.
import { lifeAreas, oneOf, wishMaxLength, wishStatuses } from '../../../codes';
import { check, foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { families, familyMembers } from './people';

/**
 * A wish or dream in a family member's own words. Who sees it is `visibility` (access.ts):
 * an adult's wish is the family's; a teenager's is `member_private` until they share it.
 */
export const wishes = pgTable(
	'wishes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		familyId: uuid('family_id')
			.notNull()
			.references(() => families.id, { onDelete: 'cascade' }),
		/** The author: only they change the words. */
		memberId: uuid('member_id').notNull(),
		text: text('text').notNull(),
		lifeArea: text('life_area', { enum: lifeAreas }),
		status: text('status', { enum: wishStatuses }).notNull().default('open'),
		visibility: text('visibility', { enum: ['family', 'member_private'] }).notNull(),
		/** Raised by every change: a save made from an older version is a conflict, not an overwrite. */
		version: integer('version').notNull().default(1),
		/** Set while its writer counts it among their (at most three) most important wishes now. */
		pinnedAt: timestamp('pinned_at', { withTimezone: true }),
		/** The form's one-time key: a double tap on "save" makes one wish. */
		formKey: uuid('form_key').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('wishes_family_idx').on(t.familyId, t.createdAt),
		unique('wishes_form_key_key').on(t.formKey),
		// Lets a wish's goals reference (wish, family) together (goals.ts).
		unique('wishes_id_family_key').on(t.id, t.familyId),
		// The author is a member of this family, never of another.
		foreignKey({
			name: 'wishes_member_family_fk',
			columns: [t.memberId, t.familyId],
			foreignColumns: [familyMembers.id, familyMembers.familyId]
		}).onDelete('cascade'),
		check('wishes_text_length', sql`char_length(${t.text}) between 1 and ${sql.raw(String(wishMaxLength))}`),
		check('wishes_life_area', sql.raw(`life_area is null or life_area in (${oneOf(lifeAreas)})`)),
		check('wishes_status', sql.raw(`status in (${oneOf(wishStatuses)})`)),
		check('wishes_visibility', sql`${t.visibility} in ('family', 'member_private')`),
		check('wishes_version', sql`${t.version} >= 1`),
		// Only a wish still wished for is "most important now"; at most three per writer (a trigger, 0010).
		check('wishes_pinned_open', sql`${t.pinnedAt} is null or ${t.status} = 'open'`)
	]
);
