import { sql } from 'drizzle-orm';
// Relative, not $lib: drizzle-kit loads the schema without SvelteKit's aliases.
import { fileMaxBytes, fileNameMaxLength, filesPerMessage, fileTypes, oneOf, type FileType } from '../../../codes';
import { check, customType, foreignKey, index, integer, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { messages } from './messages';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	// PGlite hands back a Uint8Array, postgres.js a Buffer (a Uint8Array with more methods): one shape for callers.
	fromDriver: (v) => (v instanceof Uint8Array && v.constructor === Uint8Array ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength))
});

/**
 * Bytes the portal keeps, under keys of its own choosing (storage.ts). In the database, so
 * every app instance on it reads the same files and a backup holds them.
 */
export const fileBlobs = pgTable(
	'file_blobs',
	{
		key: text('key').primaryKey(),
		bytes: bytea('bytes').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [check('file_blobs_key_shape', sql`${t.key} ~ '^[a-z0-9._-]{1,100}$'`)]
);

/**
 * A file on a message: a photo (re-encoded, with a thumbnail) or a PDF. It belongs to the
 * message, its conversation, family and team together (one composite key), so it can never
 * point into another family; who may fetch it is who may see the conversation (access.ts).
 */
export const messageFiles = pgTable(
	'message_files',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		messageId: uuid('message_id').notNull(),
		conversationId: uuid('conversation_id').notNull(),
		familyId: uuid('family_id').notNull(),
		teamId: uuid('team_id').notNull(),
		/** The name it had on the sender's phone, made safe; only ever used for the download's name. */
		name: text('name').notNull(),
		type: text('type', { enum: fileTypes }).$type<FileType>().notNull(),
		/** Bytes as stored (after re-encoding). */
		size: integer('size').notNull(),
		width: integer('width'),
		height: integer('height'),
		/** Its place among the message's files, 0–4. */
		position: smallint('position').notNull(),
		blobKey: text('blob_key')
			.notNull()
			.references(() => fileBlobs.key),
		thumbKey: text('thumb_key').references(() => fileBlobs.key),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('message_files_conversation_idx').on(t.conversationId),
		unique('message_files_message_position_key').on(t.messageId, t.position),
		foreignKey({
			name: 'message_files_message_fk',
			columns: [t.messageId, t.conversationId, t.familyId, t.teamId],
			foreignColumns: [messages.id, messages.conversationId, messages.familyId, messages.teamId]
		}).onDelete('cascade'),
		check('message_files_position', sql`${t.position} between 0 and ${sql.raw(String(filesPerMessage - 1))}`),
		check('message_files_type', sql.raw(`type in (${oneOf(fileTypes)})`)),
		check('message_files_size', sql`${t.size} between 1 and ${sql.raw(String(fileMaxBytes))}`),
		check('message_files_name_length', sql`char_length(${t.name}) between 1 and ${sql.raw(String(fileNameMaxLength))}`),
		check(
			'message_files_dimensions',
			sql`(${t.width} is null) = (${t.height} is null) and coalesce(${t.width} > 0 and ${t.height} > 0, true)`
		),
		// Only photos have a thumbnail.
		check('message_files_thumb_for_images', sql`${t.thumbKey} is null or ${t.type} <> 'application/pdf'`)
	]
);
