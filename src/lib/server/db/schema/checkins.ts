import { sql } from 'drizzle-orm';
// Relative, not $lib: drizzle-kit loads the schema without SvelteKit's aliases.
import { checkinNoteMaxLength, lifeAreas, oneOf } from '../../../codes';
import { check, date, foreignKey, index, integer, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { copenhagenToday, families, familyMembers } from './people';

/**
 * How one member feels one part of life is going, on one day (a five-step scale). One per
 * member, area and Copenhagen day: checking in again the same day replaces the score. Who sees
 * it is `visibility` (access.ts): an adult's is the family's; a teenager's is `member_private`
 * until they share that one.
 */
export const checkins = pgTable(
	'checkins',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		familyId: uuid('family_id')
			.notNull()
			.references(() => families.id, { onDelete: 'cascade' }),
		/** The member it is about, who wrote it: only they change it. */
		memberId: uuid('member_id').notNull(),
		lifeArea: text('life_area', { enum: lifeAreas }).notNull(),
		score: smallint('score').notNull(),
		note: text('note'),
		/** The day in Copenhagen, not UTC: a check-in at 00:30 belongs to the new day there. */
		day: date('day').notNull().default(copenhagenToday),
		visibility: text('visibility', { enum: ['family', 'member_private'] }).notNull(),
		/** Raised by every change (a replacement the same day, sharing). */
		version: integer('version').notNull().default(1),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('checkins_family_idx').on(t.familyId, t.day),
		unique('checkins_member_area_day_key').on(t.memberId, t.lifeArea, t.day),
		// The member is one of this family's, never of another.
		foreignKey({
			name: 'checkins_member_family_fk',
			columns: [t.memberId, t.familyId],
			foreignColumns: [familyMembers.id, familyMembers.familyId]
		}).onDelete('cascade'),
		check('checkins_score', sql`${t.score} between 1 and 5`),
		check('checkins_note_length', sql`${t.note} is null or char_length(${t.note}) between 1 and ${sql.raw(String(checkinNoteMaxLength))}`),
		check('checkins_life_area', sql.raw(`life_area in (${oneOf(lifeAreas)})`)),
		check('checkins_visibility', sql`${t.visibility} in ('family', 'member_private')`),
		check('checkins_version', sql`${t.version} >= 1`)
	]
);
