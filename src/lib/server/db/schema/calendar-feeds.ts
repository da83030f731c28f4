import { sql } from 'drizzle-orm';
import { check, customType, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { familyMembers, staff } from './people';

// As in auth.ts (kept there unexported, so the schema index exports tables only).
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (v) => new Uint8Array(v)
});

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A private calendar subscription: a secret URL (meetings/feeds.ts) that a calendar app polls
 * for its owner's meetings. One per owner — a staff member or a family member, never both —
 * and only SHA-256 of the secret is stored, so the URL is shown once. A new link replaces the
 * hash (the old URL stops at once); turning it off deletes the row.
 */
export const calendarFeeds = pgTable(
	'calendar_feeds',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		staffId: uuid('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
		familyMemberId: uuid('family_member_id').references(() => familyMembers.id, { onDelete: 'cascade' }),
		secretHash: bytea('secret_hash').notNull(),
		/** When the current link was made (a new link starts over). */
		createdAt: at('created_at').notNull().defaultNow(),
		/** When a calendar app last fetched it: the page tells the owner the subscription works. */
		lastFetchedAt: at('last_fetched_at')
	},
	(t) => [
		uniqueIndex('calendar_feeds_secret_key').on(t.secretHash),
		uniqueIndex('calendar_feeds_staff_key').on(t.staffId),
		uniqueIndex('calendar_feeds_member_key').on(t.familyMemberId),
		check('calendar_feeds_one_owner', sql`num_nonnulls(${t.staffId}, ${t.familyMemberId}) = 1`),
		check('calendar_feeds_hash_length', sql`octet_length(${t.secretHash}) = 32`)
	]
);
