/**
 * Files on messages: kept with the message (in its transaction), listed with a thread's lines,
 * and fetched only by someone who may see the conversation — the same check as the
 * conversation's own page (conversationVisible), and never a file on a line the reader may not
 * read (a team note's). Not yours and not there answer alike: null.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { messageFiles, messages } from '../db/schema';
import type { FamilyGrant } from '../access';
import { conversationVisible, visibleLines } from '../messages/conversations';
import { databaseStorage } from './storage';
import type { PreparedFile } from './prepare';
import type { FileType } from '$lib/codes';

export type { FileInfo } from './columns';

export interface MessageRef {
	messageId: string;
	conversationId: string;
	familyId: string;
	teamId: string;
}

/** Keeps a new message's files, in the caller's transaction (`tx`): bytes first, then the rows that point to them. */
export async function storeFiles(tx: Db, ref: MessageRef, files: PreparedFile[]): Promise<void> {
	if (!files.length) return;
	const storage = databaseStorage(tx);
	const rows = [];
	for (const [position, file] of files.entries()) {
		const id = randomUUID();
		await storage.put(id, file.bytes);
		if (file.thumb) await storage.put(`${id}.thumb`, file.thumb);
		rows.push({
			id,
			...ref,
			name: file.name,
			type: file.type,
			size: file.bytes.byteLength,
			width: file.width,
			height: file.height,
			position,
			blobKey: id,
			thumbKey: file.thumb ? `${id}.thumb` : null
		});
	}
	await tx.insert(messageFiles).values(rows);
}

export interface FileDownload {
	name: string;
	type: FileType | 'image/webp';
	bytes: Uint8Array;
}

/**
 * File `fileId` of conversation `conversationId` in the grant's family, for an actor who may
 * see the conversation and read the line it is on; `thumb` for a photo's small picture.
 */
export async function readMessageFile(
	db: Db,
	grant: FamilyGrant,
	conversationId: string,
	fileId: string,
	thumb = false
): Promise<FileDownload | null> {
	if (!(await conversationVisible(db, grant, conversationId))) return null;
	const [file] = await db
		.select({ name: messageFiles.name, type: messageFiles.type, blobKey: messageFiles.blobKey, thumbKey: messageFiles.thumbKey })
		.from(messageFiles)
		.innerJoin(messages, eq(messages.id, messageFiles.messageId))
		.where(
			and(
				eq(messageFiles.id, fileId),
				eq(messageFiles.conversationId, conversationId),
				eq(messageFiles.familyId, grant.familyId),
				visibleLines(grant.actor)
			)
		);
	if (!file) return null;
	const key = thumb ? file.thumbKey : file.blobKey;
	if (!key) return null;
	const bytes = await databaseStorage(db).get(key);
	return bytes ? { name: file.name, type: thumb ? 'image/webp' : file.type, bytes } : null;
}
