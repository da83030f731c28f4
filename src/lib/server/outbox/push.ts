/**
 * Web push: a free notice on a phone for a parent on prepaid data. The server signs with its
 * own VAPID key pair, made once at first start and kept in the database (`server_keys`), so
 * every instance on one database signs alike and a restart keeps every browser's permission.
 * The payload is encrypted for the browser (aes128gcm, RFC 8291) by web-push; the request goes
 * out by fetch, so a test can send it to a local server and read what a push service would get.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import webpush from 'web-push';
import type { Db } from '../db';
import { pushSubscriptions, serverKeys, users } from '../db/schema';

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
}

const keyCache = new WeakMap<object, Promise<VapidKeys>>();

async function loadOrMake(db: Db): Promise<VapidKeys> {
	// Two instances starting together both try to insert; the first wins and both read it.
	const made = webpush.generateVAPIDKeys();
	await db
		.insert(serverKeys)
		.values({ name: 'vapid', value: JSON.stringify(made) })
		.onConflictDoNothing();
	const [row] = await db.select({ value: serverKeys.value }).from(serverKeys).where(eq(serverKeys.name, 'vapid'));
	return JSON.parse(row.value) as VapidKeys;
}

/** This server's VAPID keys, made at the first call on a new database and read once per process. */
export function vapidKeys(db: Db): Promise<VapidKeys> {
	let keys = keyCache.get(db);
	if (!keys) {
		keys = loadOrMake(db);
		keyCache.set(db, keys);
		keys.catch(() => keyCache.delete(db));
	}
	return keys;
}

export interface PushTarget {
	endpoint: string;
	p256dh: string;
	auth: string;
}

/** What the service worker shows: never more than the e-mail's first sentence. */
export interface PushPayload {
	title: string;
	body: string;
	/** A path on this site (the service worker opens only this site's pages). */
	url: string;
	lang: string;
	dir: 'ltr' | 'rtl';
	/** A later notice about the same thing replaces the earlier one on the phone. */
	tag: string;
}

export interface PushChannel {
	kind: 'webpush';
	/** 'gone' when the push service says the browser has turned it off (404/410). */
	send(target: PushTarget, payload: PushPayload, keys: VapidKeys, topic: string): Promise<'sent' | 'gone'>;
}

/**
 * Web push by fetch: web-push makes the encrypted body and the signed headers, fetch sends them.
 * `subject` is how a push service reaches the server's operator (a mailto: or https: address).
 */
export function webPushChannel(subject: string, fetcher: typeof fetch = fetch): PushChannel {
	return {
		kind: 'webpush',
		async send(target, payload, keys, topic) {
			const request = webpush.generateRequestDetails(
				{ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
				JSON.stringify(payload),
				{
					vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
					// A notice older than a day is no news; one not yet delivered is replaced by its resend.
					TTL: 24 * 60 * 60,
					urgency: 'normal',
					topic
				}
			);
			const response = await fetcher(request.endpoint, {
				method: request.method,
				headers: request.headers as Record<string, string>,
				body: request.body as Uint8Array<ArrayBuffer> | null,
				signal: AbortSignal.timeout(15_000)
			});
			if (response.status === 404 || response.status === 410) return 'gone';
			if (!response.ok) throw new Error(`push service answered ${response.status}`);
			return 'sent';
		}
	};
}

/** The subject for VAPID: VAPID_SUBJECT, else the address notification e-mails come from. */
export function vapidSubject(env: NodeJS.ProcessEnv = process.env): string {
	if (env.VAPID_SUBJECT) return env.VAPID_SUBJECT;
	const address = /<([^>]+)>/.exec(env.MAIL_FROM ?? '')?.[1] ?? env.MAIL_FROM;
	return `mailto:${address && address.includes('@') ? address : 'opgang@localhost'}`;
}

/**
 * Keeps a browser where a person turned notifications on, and makes that their way to hear:
 * they pressed "turn on", which is the choice. A browser already kept (for them or for someone
 * who signed in on it before) is theirs now.
 */
export async function savePushTarget(db: Db, userId: string, target: PushTarget, device: string): Promise<void> {
	await db.transaction(async (tx) => {
		await tx
			.insert(pushSubscriptions)
			.values({ userId, ...target, device: device.slice(0, 80) })
			.onConflictDoUpdate({
				target: pushSubscriptions.endpoint,
				set: { userId, p256dh: target.p256dh, auth: target.auth, device: device.slice(0, 80), createdAt: sql`now()` }
			});
		await tx.update(users).set({ notifyBy: 'push' }).where(eq(users.id, userId));
	});
}

/** Turns notifications off on every browser of this person; a choice of push goes back to the default. */
export async function removePushTargets(db: Db, userId: string): Promise<number> {
	return db.transaction(async (tx) => {
		const removed = await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)).returning({ id: pushSubscriptions.id });
		await tx
			.update(users)
			.set({ notifyBy: null })
			.where(and(eq(users.id, userId), eq(users.notifyBy, 'push')));
		return removed.length;
	});
}

/** The browsers of this person that have notifications on, newest first. */
export async function pushTargets(db: Db, userId: string) {
	return db
		.select({
			id: pushSubscriptions.id,
			endpoint: pushSubscriptions.endpoint,
			p256dh: pushSubscriptions.p256dh,
			auth: pushSubscriptions.auth,
			device: pushSubscriptions.device,
			createdAt: pushSubscriptions.createdAt
		})
		.from(pushSubscriptions)
		.where(eq(pushSubscriptions.userId, userId))
		.orderBy(sql`${pushSubscriptions.createdAt} desc`);
}

/** Forgets a browser the push service says is gone. */
export async function forgetPushTarget(db: Db, id: string): Promise<void> {
	await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));
}

/** How many browsers this person has turned notifications on in (a subquery for one-statement pages). */
export const pushCountSql = (userId: string) =>
	sql<number>`(select ${count()} from ${pushSubscriptions} where ${pushSubscriptions.userId} = ${userId}::uuid)`.mapWith(Number);
