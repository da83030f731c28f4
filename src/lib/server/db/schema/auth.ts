import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { familyMembers, staff } from './people';
// Relative, not $lib: drizzle-kit loads the schema without SvelteKit's aliases.
import { notifyChannels, oneOf, signInLinkPurposes } from '../../../codes';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	// postgres.js hands back a Buffer; both it and PGlite's Uint8Array compare the same way.
	fromDriver: (v) => new Uint8Array(v)
});

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A sign-in. Belongs to exactly one family member or one staff member, and is found by an
 * e-mail, a phone number or either (a grandmother without e-mail signs in with her phone).
 */
export const users = pgTable(
	'users',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** Stored normalised (trimmed, NFKC, lower case); unique. */
		email: text('email'),
		/** Stored normalised as +CC… ($lib/login normalisePhone: 8 Danish digits become +45…); unique. */
		phone: text('phone'),
		passwordHash: text('password_hash').notNull(),
		locale: text('locale').notNull().default('da'),
		/** How this person wants to hear from Opgang; null: e-mail when there is an address (outbox/channels.ts). */
		notifyBy: text('notify_by', { enum: notifyChannels }),
		familyMemberId: uuid('family_member_id').references(() => familyMembers.id, {
			onDelete: 'cascade'
		}),
		staffId: uuid('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
		createdAt: at('created_at').notNull().defaultNow(),
		lastSignInAt: at('last_sign_in_at'),
		/** Wrong passwords for this sign-in since the first of a run (a run ends after a quiet day). */
		failedSignIns: integer('failed_sign_ins').notNull().default(0),
		lastFailedSignInAt: at('last_failed_sign_in_at')
	},
	(t) => [
		uniqueIndex('users_email_key').on(t.email),
		uniqueIndex('users_phone_key').on(t.phone),
		check('users_email_or_phone', sql`${t.email} is not null or ${t.phone} is not null`),
		// E.164: a plus, a country code and at most 15 digits; a Danish number has 8 after +45.
		check(
			'users_phone_shape',
			sql`${t.phone} ~ '^[+][1-9][0-9]{6,14}$' and (${t.phone} not like '+45%' or ${t.phone} ~ '^[+]45[0-9]{8}$')`
		),
		uniqueIndex('users_family_member_key').on(t.familyMemberId),
		uniqueIndex('users_staff_key').on(t.staffId),
		check('users_notify_by', sql.raw(`notify_by is null or notify_by in (${oneOf(notifyChannels)})`)),
		check('users_one_owner', sql`num_nonnulls(${t.familyMemberId}, ${t.staffId}) = 1`)
	]
);

/** Lucia-style sessions: the cookie holds `id.secret`, the table only SHA-256(secret). */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		secretHash: bytea('secret_hash').notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: at('created_at').notNull().defaultNow(),
		lastActiveAt: at('last_active_at').notNull().defaultNow(),
		/** A short description of the device ("Chrome on Android"), never the full header. */
		device: text('device').notNull().default('')
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/**
 * A single-use sign-in link: an invitation lets a family member without a sign-in make one, a
 * reset lets one who has a sign-in choose a new password. Reached by the long link (id.secret)
 * or by its short code; only hashes of the secret and the code are stored.
 */
export const invitations = pgTable(
	'invitations',
	{
		id: text('id').primaryKey(),
		secretHash: bytea('secret_hash').notNull(),
		purpose: text('purpose', { enum: signInLinkPurposes }).notNull().default('invite'),
		/** SHA-256 of the short code (auth/short-codes.ts); null on links made before codes existed. */
		codeHash: bytea('code_hash'),
		/** Whose link it is: a family member, or a colleague setting their password (auth/staff-links.ts). Exactly one. */
		familyMemberId: uuid('family_member_id').references(() => familyMembers.id, { onDelete: 'cascade' }),
		staffId: uuid('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
		createdByStaffId: uuid('created_by_staff_id')
			.notNull()
			.references(() => staff.id),
		createdAt: at('created_at').notNull().defaultNow(),
		expiresAt: at('expires_at').notNull(),
		usedAt: at('used_at'),
		revokedAt: at('revoked_at')
	},
	(t) => [
		index('invitations_member_idx').on(t.familyMemberId),
		// At most one open link per person, even when two staff press the button at once.
		uniqueIndex('invitations_one_open_per_member')
			.on(t.familyMemberId)
			.where(sql`${t.usedAt} is null and ${t.revokedAt} is null`),
		index('invitations_staff_idx').on(t.staffId),
		uniqueIndex('invitations_one_open_per_staff')
			.on(t.staffId)
			.where(sql`${t.usedAt} is null and ${t.revokedAt} is null`),
		check('invitations_one_person', sql`(${t.familyMemberId} is null) <> (${t.staffId} is null)`),
		// A short code leads to one open link only.
		uniqueIndex('invitations_open_code')
			.on(t.codeHash)
			.where(sql`${t.usedAt} is null and ${t.revokedAt} is null`),
		check('invitations_purpose', sql.raw(`purpose in (${oneOf(signInLinkPurposes)})`))
	]
);

/**
 * Browsers that have signed in to an account before (an opaque cookie, stored hashed). They
 * skip the account-wide sign-in delay, so a guesser elsewhere cannot slow the real person.
 */
export const knownDevices = pgTable(
	'known_devices',
	{
		deviceHash: bytea('device_hash').notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lastUsedAt: at('last_used_at').notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.deviceHash, t.userId] }), index('known_devices_user_idx').on(t.userId)]
);

/** Attempts counted per key ("signInAddress:…", "invitationLink:…", "codeAddress:…") within a window; see throttle.ts. */
export const signInThrottle = pgTable('sign_in_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull().default(0),
	windowStartedAt: at('window_started_at').notNull().defaultNow(),
	blockedUntil: at('blocked_until')
});
