import { sql } from 'drizzle-orm';
// Relative, not $lib: drizzle-kit loads the schema without SvelteKit's aliases.
import { conversationStatuses, messageKinds, messageMaxLength, oneOf, quickReplyMaxLength, subjectMaxLength } from '../../../codes';
import { check, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../localized';
import { families, familyMembers, staff, teams } from './people';

const at = (name: string) => timestamp(name, { withTimezone: true });
/** Milliseconds, as JavaScript has them: a keyset cursor or a read mark made from a Date compares exactly. */
const ms = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A conversation between a family and its team. Who sees it is `visibility` (access.ts):
 * `adults` — the family's adults and the team; `member_private` — one member (`member_id`:
 * a teenager who wrote to the team, or the one person a staff member wrote to) and the team.
 * Parents never learn that a teenager's conversation exists.
 */
export const conversations = pgTable(
	'conversations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		familyId: uuid('family_id')
			.notNull()
			.references(() => families.id, { onDelete: 'cascade' }),
		teamId: uuid('team_id').notNull(),
		visibility: text('visibility', { enum: ['adults', 'member_private'] }).notNull(),
		/** The one member a private conversation belongs to; null for the adults' conversations. */
		memberId: uuid('member_id'),
		subject: text('subject').notNull(),
		/** Who on the team answers: the one it was written to, or the colleague it was handed to. */
		staffId: uuid('staff_id').notNull(),
		startedByMemberId: uuid('started_by_member_id'),
		startedByStaffId: uuid('started_by_staff_id'),
		status: text('status', { enum: conversationStatuses }).notNull().default('open'),
		/** When the oldest family message the team has not answered yet was written; null when none waits. */
		waitingSince: ms('waiting_since'),
		lastMessageAt: ms('last_message_at').notNull().defaultNow(),
		/** The form's one-time key: a double tap on "send" starts one conversation. */
		formKey: uuid('form_key').notNull(),
		createdAt: at('created_at').notNull().defaultNow()
	},
	(t) => [
		index('conversations_family_idx').on(t.familyId, t.lastMessageAt),
		index('conversations_staff_idx').on(t.staffId, t.lastMessageAt),
		unique('conversations_form_key_key').on(t.formKey),
		unique('conversations_id_family_team_key').on(t.id, t.familyId, t.teamId),
		foreignKey({
			name: 'conversations_family_team_fk',
			columns: [t.familyId, t.teamId],
			foreignColumns: [families.id, families.teamId]
		}).onDelete('cascade'),
		// The one who answers is on the family's team.
		foreignKey({ name: 'conversations_staff_team_fk', columns: [t.staffId, t.teamId], foreignColumns: [staff.id, staff.teamId] }),
		foreignKey({
			name: 'conversations_started_by_staff_team_fk',
			columns: [t.startedByStaffId, t.teamId],
			foreignColumns: [staff.id, staff.teamId]
		}),
		// The private member and the family member who started it belong to this family.
		foreignKey({
			name: 'conversations_member_family_fk',
			columns: [t.memberId, t.familyId],
			foreignColumns: [familyMembers.id, familyMembers.familyId]
		}).onDelete('cascade'),
		foreignKey({
			name: 'conversations_started_by_member_family_fk',
			columns: [t.startedByMemberId, t.familyId],
			foreignColumns: [familyMembers.id, familyMembers.familyId]
		}).onDelete('cascade'),
		check('conversations_visibility', sql`${t.visibility} in ('adults', 'member_private')`),
		check('conversations_private_has_member', sql`(${t.visibility} = 'member_private') = (${t.memberId} is not null)`),
		check('conversations_started_by_one', sql`num_nonnulls(${t.startedByMemberId}, ${t.startedByStaffId}) = 1`),
		check('conversations_subject_length', sql`char_length(${t.subject}) between 1 and ${sql.raw(String(subjectMaxLength))}`),
		check('conversations_status', sql.raw(`status in (${oneOf(conversationStatuses)})`))
	]
);

/**
 * One line of a conversation: a message from a family member or a staff member, a staff-only
 * note, or a handover to a colleague (`handed_to_staff_id`). Plain text, never HTML.
 */
export const messages = pgTable(
	'messages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		conversationId: uuid('conversation_id').notNull(),
		familyId: uuid('family_id').notNull(),
		teamId: uuid('team_id').notNull(),
		kind: text('kind', { enum: messageKinds }).notNull().default('message'),
		authorMemberId: uuid('author_member_id'),
		authorStaffId: uuid('author_staff_id'),
		/** What the family reads (or, for a note, what the team wrote). */
		body: text('body').notNull(),
		/** The language of `body` when the portal knows it (a quick reply sent in the member's language). */
		lang: text('lang'),
		/** A quick reply's Danish, shown to the team beside what the family reads. */
		bodyDa: text('body_da'),
		handedToStaffId: uuid('handed_to_staff_id'),
		/** On the team's first reply after family messages: since when the family had been waiting. */
		answersWaitSince: ms('answers_wait_since'),
		/** The form's one-time key: a double tap or a retry sends one message. */
		formKey: uuid('form_key').notNull(),
		createdAt: ms('created_at').notNull().defaultNow()
	},
	(t) => [
		index('messages_conversation_idx').on(t.conversationId, t.createdAt, t.id),
		unique('messages_form_key_key').on(t.formKey),
		// What a message's files point to: the message, in its conversation, family and team.
		unique('messages_id_conversation_family_team_key').on(t.id, t.conversationId, t.familyId, t.teamId),
		foreignKey({
			name: 'messages_conversation_fk',
			columns: [t.conversationId, t.familyId, t.teamId],
			foreignColumns: [conversations.id, conversations.familyId, conversations.teamId]
		}).onDelete('cascade'),
		foreignKey({
			name: 'messages_author_member_family_fk',
			columns: [t.authorMemberId, t.familyId],
			foreignColumns: [familyMembers.id, familyMembers.familyId]
		}).onDelete('cascade'),
		foreignKey({ name: 'messages_author_staff_team_fk', columns: [t.authorStaffId, t.teamId], foreignColumns: [staff.id, staff.teamId] }),
		foreignKey({ name: 'messages_handed_to_team_fk', columns: [t.handedToStaffId, t.teamId], foreignColumns: [staff.id, staff.teamId] }),
		check('messages_kind', sql.raw(`kind in (${oneOf(messageKinds)})`)),
		check('messages_one_author', sql`num_nonnulls(${t.authorMemberId}, ${t.authorStaffId}) = 1`),
		// Notes and handovers are the team's; a handover names the colleague, nothing else does.
		check('messages_staff_kinds', sql`${t.kind} = 'message' or ${t.authorStaffId} is not null`),
		check('messages_handover', sql`(${t.kind} = 'handover') = (${t.handedToStaffId} is not null)`),
		check('messages_wait_on_staff_reply', sql`${t.answersWaitSince} is null or (${t.kind} = 'message' and ${t.authorStaffId} is not null)`),
		check('messages_body_length', sql`char_length(${t.body}) <= ${sql.raw(String(messageMaxLength))}`),
		check('messages_body_da_length', sql`${t.bodyDa} is null or char_length(${t.bodyDa}) <= ${sql.raw(String(messageMaxLength))}`),
		// A note says something in words. A message says it in words or files: the deferred
		// constraint trigger messages_words_or_files (migration 0017) checks at commit.
		check('messages_body_not_empty', sql`${t.kind} <> 'note' or char_length(btrim(${t.body})) >= 1`)
	]
);

/**
 * How far each reader has read a conversation: up to the message written at `read_until`,
 * seen at `seen_at`. One row per family member or staff member who opened it. "Seen by Mette,
 * 14:02" under the family's last message comes from here, and so do the unread counts.
 */
export const conversationReads = pgTable(
	'conversation_reads',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		conversationId: uuid('conversation_id')
			.notNull()
			.references(() => conversations.id, { onDelete: 'cascade' }),
		familyId: uuid('family_id').notNull(),
		memberId: uuid('member_id'),
		staffId: uuid('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
		readUntil: ms('read_until').notNull(),
		seenAt: at('seen_at').notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('conversation_reads_member_key')
			.on(t.conversationId, t.memberId)
			.where(sql`member_id is not null`),
		uniqueIndex('conversation_reads_staff_key')
			.on(t.conversationId, t.staffId)
			.where(sql`staff_id is not null`),
		index('conversation_reads_staff_idx').on(t.staffId),
		foreignKey({
			name: 'conversation_reads_member_family_fk',
			columns: [t.memberId, t.familyId],
			foreignColumns: [familyMembers.id, familyMembers.familyId]
		}).onDelete('cascade'),
		check('conversation_reads_one_reader', sql`num_nonnulls(${t.memberId}, ${t.staffId}) = 1`)
	]
);

/**
 * Short answers the team keeps ("Thank you, I will look at it and answer you today"), each in
 * Danish and in the families' languages: a caseworker picks one and it goes out in the
 * member's language, with the Danish shown to the caseworker.
 */
export const quickReplies = pgTable(
	'quick_replies',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		teamId: uuid('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		texts: jsonb('texts').$type<LocalizedText>().notNull(),
		position: integer('position').notNull().default(0),
		createdAt: at('created_at').notNull().defaultNow()
	},
	(t) => [
		index('quick_replies_team_idx').on(t.teamId, t.position),
		check(
			'quick_replies_has_danish',
			sql`jsonb_typeof(${t.texts}) = 'object' and char_length(coalesce(${t.texts}->>'da', '')) between 1 and ${sql.raw(String(quickReplyMaxLength))}`
		)
	]
);
