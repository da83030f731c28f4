import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff, teams } from './people';
// Relative, not $lib: drizzle-kit loads the schema without SvelteKit's aliases.
import { allOf, apiScopes, apiTokenNameMaxLength } from '../../../codes';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (v) => new Uint8Array(v)
});

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A token the team leader makes for one of the team's other systems (/api/v1). The token is
 * `id.secret`, shown once; only SHA-256 of the secret is kept (auth/tokens.ts). It acts as its
 * team, within its scopes, until it expires or is revoked. The calls it may make per minute are
 * counted on the row itself (api-tokens.ts), so every instance of the app shares the count.
 */
export const apiTokens = pgTable(
	'api_tokens',
	{
		id: text('id').primaryKey(),
		secretHash: bytea('secret_hash').notNull(),
		teamId: uuid('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		/** Who made it; kept (set null) if they leave, the token stays the team's. */
		createdBy: uuid('created_by').references(() => staff.id, { onDelete: 'set null' }),
		name: text('name').notNull(),
		scopes: text('scopes').array().notNull(),
		expiresAt: at('expires_at'),
		revokedAt: at('revoked_at'),
		lastUsedAt: at('last_used_at'),
		/** Calls counted in the current window (the rate limit). */
		calls: integer('calls').notNull().default(0),
		windowStartedAt: at('window_started_at').notNull().defaultNow(),
		createdAt: at('created_at').notNull().defaultNow()
	},
	(t) => [
		index('api_tokens_team_idx').on(t.teamId, t.createdAt),
		check('api_tokens_scopes', sql.raw(`cardinality(scopes) >= 1 and scopes <@ ${allOf(apiScopes)}`)),
		check('api_tokens_name_length', sql`char_length(${t.name}) between 1 and ${sql.raw(String(apiTokenNameMaxLength))}`),
		check('api_tokens_expires_after_created', sql`${t.expiresAt} is null or ${t.expiresAt} > ${t.createdAt}`),
		check('api_tokens_calls', sql`${t.calls} >= 0`)
	]
);
