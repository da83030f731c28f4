import { sql } from 'drizzle-orm';
// Relative, not $lib: drizzle-kit loads the schema without SvelteKit's aliases.
import { notificationKinds, notificationStatuses, notifyChannels, oneOf } from '../../../codes';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { families } from './people';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The outbox (DESIGN.md 12): one row per notification to one sign-in, written in the same
 * transaction as the change that causes it, delivered by the worker (outbox/worker.ts). The
 * channel is the person's choice when it is sent, so a change of mind counts until then.
 * A row holds no words of the family's: the text is made at sending from its kind, the
 * sender's name and, for a meeting, its time.
 */
export const notifications = pgTable(
	'notifications',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		familyId: uuid('family_id').references(() => families.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: notificationKinds }).notNull(),
		/** What it is about: a conversation, a meeting, a goal or a step (its page is the link). */
		subjectId: uuid('subject_id').notNull(),
		/** Who it is from, as the recipient knows them (a staff member's name); '' when nobody in particular. */
		fromName: text('from_name').notNull().default(''),
		/** A meeting's start, for reminders and changes. */
		meetingAt: at('meeting_at'),
		/** Not before: quiet hours, a gathering pause for messages, a reminder's time, a retry's back-off. */
		deliverAfter: at('deliver_after').notNull().defaultNow(),
		status: text('status', { enum: notificationStatuses }).notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		/** While `sending`: until when the worker that claimed it has it; after that anyone may retry. */
		leaseUntil: at('lease_until'),
		/** The channel it went (or was tried) by. */
		channel: text('channel', { enum: notifyChannels }),
		/** Why the last try failed, or why it was skipped (for the team leader's list). */
		lastError: text('last_error'),
		sentAt: at('sent_at'),
		createdAt: at('created_at').notNull().defaultNow()
	},
	(t) => [
		check('notifications_kind', sql.raw(`kind in (${oneOf(notificationKinds)})`)),
		check('notifications_status', sql.raw(`status in (${oneOf(notificationStatuses)})`)),
		check('notifications_channel', sql.raw(`channel is null or channel in (${oneOf(notifyChannels)})`)),
		check('notifications_lease', sql`(${t.status} = 'sending') = (${t.leaseUntil} is not null)`),
		// The worker's query: what is due, oldest first.
		index('notifications_due')
			.on(t.deliverAfter)
			.where(sql`${t.status} in ('pending', 'sending')`),
		// One waiting notification per person and conversation: a burst of messages is one.
		uniqueIndex('notifications_one_waiting')
			.on(t.userId, t.kind, t.subjectId)
			.where(sql`${t.status} = 'pending' and ${t.kind} = 'message'`),
		// A step that falls due is told once to each person, however many instances sweep.
		uniqueIndex('notifications_step_due_once')
			.on(t.userId, t.subjectId)
			.where(sql`${t.kind} = 'step_due'`),
		// "Still going?" is asked once per interest, however many instances sweep.
		uniqueIndex('notifications_ask_once')
			.on(t.userId, t.subjectId)
			.where(sql`${t.kind} = 'interest_ask'`),
		index('notifications_subject').on(t.subjectId),
		index('notifications_user').on(t.userId, t.createdAt)
	]
);

/**
 * The server's own keys, made once at first start and kept here so every instance on one
 * database signs alike: `vapid` is the web-push key pair ({ publicKey, privateKey }, base64url).
 */
export const serverKeys = pgTable('server_keys', {
	name: text('name').primaryKey(),
	value: text('value').notNull(),
	createdAt: at('created_at').notNull().defaultNow()
});

/**
 * A browser where a person turned notifications on (/account): the push service's address and
 * the browser's keys that the payload is encrypted for. A browser that is gone (the push
 * service answers 404 or 410) is removed when a notification meets it.
 */
export const pushSubscriptions = pgTable(
	'push_subscriptions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		endpoint: text('endpoint').notNull(),
		/** The browser's P-256 public key and auth secret, base64url as PushSubscription.toJSON() gives them. */
		p256dh: text('p256dh').notNull(),
		auth: text('auth').notNull(),
		/** Which browser, in words the person recognises ("Chrome on Android"). */
		device: text('device').notNull().default(''),
		createdAt: at('created_at').notNull().defaultNow()
	},
	(t) => [
		check('push_subscriptions_endpoint', sql`${t.endpoint} like 'https://%' and length(${t.endpoint}) <= 1000`),
		// A browser belongs to one sign-in: turning it on again (or as someone else) moves it.
		uniqueIndex('push_subscriptions_endpoint_once').on(t.endpoint),
		index('push_subscriptions_user').on(t.userId)
	]
);
