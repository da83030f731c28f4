/**
 * Live conversations: a change (a new line, a read mark, a handover, done) is announced with
 * NOTIFY in the same transaction as the change — so a rolled-back change announces nothing —
 * and every app process on the database hears it through LISTEN (PGlite: the same call, in
 * this process). Each process keeps one listener and hands events to the open pages of that
 * conversation (Server-Sent Events, events.ts). The announcement carries ids only, never
 * words: a page that hears it loads again through the access layer.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { getDatabase, type Database } from '../db';

export const channel = 'opgang_conversations';

export type ChangeKind = 'line' | 'read' | 'status';
export interface Change {
	conversationId: string;
	kind: ChangeKind;
}

/** The NOTIFY for a change; run it inside the change's own transaction. */
export async function announce(db: Db, change: Change): Promise<void> {
	await db.execute(sql`select pg_notify(${channel}, ${JSON.stringify({ c: change.conversationId, k: change.kind })})`);
}

type Listener = (change: Change) => void;

/** One process's listeners, by conversation. */
export class Hub {
	private readonly listeners = new Map<string, Set<Listener>>();
	private started: Promise<() => Promise<void>> | undefined;

	constructor(private readonly database: () => Promise<Pick<Database, 'listen'>>) {}

	/** Calls `listener` for every change of the conversation until the returned function is called. */
	async subscribe(conversationId: string, listener: Listener): Promise<() => void> {
		this.started ??= this.database().then((d) => d.listen(channel, (payload) => this.dispatch(payload)));
		await this.started;
		let set = this.listeners.get(conversationId);
		if (!set) this.listeners.set(conversationId, (set = new Set()));
		set.add(listener);
		return () => {
			set.delete(listener);
			if (set.size === 0 && this.listeners.get(conversationId) === set) this.listeners.delete(conversationId);
		};
	}

	/** How many pages are listening (the bench's figure). */
	get size(): number {
		let n = 0;
		for (const set of this.listeners.values()) n += set.size;
		return n;
	}

	private dispatch(payload: string): void {
		let parsed: { c?: unknown; k?: unknown };
		try {
			parsed = JSON.parse(payload);
		} catch {
			return;
		}
		if (typeof parsed.c !== 'string' || !['line', 'read', 'status'].includes(String(parsed.k))) return;
		const change: Change = { conversationId: parsed.c, kind: parsed.k as ChangeKind };
		for (const listener of this.listeners.get(change.conversationId) ?? []) {
			try {
				listener(change);
			} catch {
				// One broken page must not stop the others.
			}
		}
	}

	async close(): Promise<void> {
		const stop = await this.started;
		this.started = undefined;
		this.listeners.clear();
		await stop?.();
	}
}

let hub: Hub | undefined;
/** The server's hub, listening on the server's database. */
export function liveHub(): Hub {
	return (hub ??= new Hub(getDatabase));
}
