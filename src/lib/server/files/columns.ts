/** The files of messages, as columns of the statements that list messages (thread.ts, the lists' previews). */
import { sql } from 'drizzle-orm';
import { messageFiles, messages } from '../db/schema';
import type { FileType } from '$lib/codes';

/** A file as a thread's line lists it. */
export interface FileInfo {
	id: string;
	name: string;
	type: FileType;
	size: number;
	width: number | null;
	height: number | null;
}

/** SQL: the files of the statement's `messages` row, in their order, as JSON (a thread's lines carry them in their one statement). */
export const lineFiles = sql<
	FileInfo[]
>`(select coalesce(json_agg(json_build_object('id', f.id, 'name', f.name, 'type', f.type, 'size', f.size,
	'width', f.width, 'height', f.height) order by f.position), '[]'::json) from ${messageFiles} f where f.message_id = ${messages.id})`;

/** SQL: how many files, and how many of them photos, the statement's `l` message row has (a list's preview). */
export const previewFileCounts = sql`'files', (select count(*) from ${messageFiles} f where f.message_id = l.id),
	'photos', (select count(*) from ${messageFiles} f where f.message_id = l.id and f.type like 'image/%')`;
