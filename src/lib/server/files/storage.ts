/**
 * Where a file's bytes live, under keys the portal chooses. One small interface, so the bytes
 * could move elsewhere (an object store) without touching the services; today they are in the
 * database (file_blobs), which every app instance shares and every backup holds. Called with
 * a transaction's handle, a put is part of that transaction: a message and its files are
 * written together or not at all.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { fileBlobs } from '../db/schema';

export interface FileStorage {
	put(key: string, bytes: Uint8Array): Promise<void>;
	get(key: string): Promise<Uint8Array | null>;
	delete(key: string): Promise<void>;
}

export function databaseStorage(db: Db): FileStorage {
	return {
		async put(key, bytes) {
			await db.insert(fileBlobs).values({ key, bytes });
		},
		async get(key) {
			const [row] = await db.select({ bytes: fileBlobs.bytes }).from(fileBlobs).where(eq(fileBlobs.key, key));
			return row ? row.bytes : null;
		},
		async delete(key) {
			await db.delete(fileBlobs).where(eq(fileBlobs.key, key));
		}
	};
}
