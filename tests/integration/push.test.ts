/**
 * Web push: what a push service receives from the worker, read back here as a browser would.
 * The request goes to a local HTTP server standing in for the push service (delivery to a real
 * phone needs the internet); the payload is decrypted with this file's own RFC 8291 code, not
 * with the library that encrypted it, and the VAPID signature is verified with the server's key.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createECDH, createPublicKey, hkdfSync, randomBytes, randomUUID, createDecipheriv, verify, type ECDH } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, inArray } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { grantFor, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { startConversation } from '../../src/lib/server/messages/conversations';
import { notifications, pushSubscriptions, serverKeys, users } from '../../src/lib/server/db/schema';
import { deliverDue, type WorkerOptions } from '../../src/lib/server/outbox/worker';
import { notifyChoices } from '../../src/lib/server/outbox/preferences';
import { removePushTargets, savePushTarget, vapidKeys, webPushChannel, type PushPayload } from '../../src/lib/server/outbox/push';
import { translatorFor } from '../../src/lib/server/i18n';
import type { Db } from '../../src/lib/server/db';

const origin = 'https://opgang.aarslev.example';
const pushHost = 'https://push.aarslev-test.example';

interface Received {
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}
const received: Received[] = [];
/** Paths the stand-in push service answers with something else than 201. */
const answers = new Map<string, number>();
let server: Server;
let local = '';

beforeAll(async () => {
	process.env.NOTIFY_QUIET_HOURS = 'off';
	process.env.NOTIFY_GATHER_SECONDS = '0';
	server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (c: Buffer) => chunks.push(c));
		request.on('end', () => {
			const path = request.url ?? '';
			received.push({ path, headers: request.headers, body: Buffer.concat(chunks) });
			response.writeHead(answers.get(path) ?? 201).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	delete process.env.NOTIFY_QUIET_HOURS;
	delete process.env.NOTIFY_GATHER_SECONDS;
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The push service's https address, sent to the local stand-in: the same request, another host. */
const toLocal: typeof fetch = (url, init) => fetch(String(url).replace(pushHost, local), init);

/** A browser: its P-256 key pair and auth secret, as PushSubscription.toJSON() would give them. */
function browser(path: string) {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const auth = randomBytes(16);
	return {
		ecdh,
		auth,
		target: { endpoint: `${pushHost}${path}`, p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') }
	};
}

/** RFC 8291 (aes128gcm), the receiving side, written from the RFC. */
function decrypt(body: Buffer, ecdh: ECDH, authSecret: Buffer): string {
	const salt = body.subarray(0, 16);
	const idLength = body[20];
	const serverPublic = body.subarray(21, 21 + idLength);
	const cipher = body.subarray(21 + idLength);
	const shared = ecdh.computeSecret(serverPublic);
	const info = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), serverPublic]);
	const ikm = Buffer.from(hkdfSync('sha256', shared, authSecret, info, 32));
	const key = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
	const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
	const decipher = createDecipheriv('aes-128-gcm', key, nonce);
	decipher.setAuthTag(cipher.subarray(cipher.length - 16));
	const plain = Buffer.concat([decipher.update(cipher.subarray(0, cipher.length - 16)), decipher.final()]);
	// The last record ends with 0x02 and zero padding.
	const end = plain.lastIndexOf(2);
	return plain.subarray(0, end).toString('utf8');
}

/** The VAPID header: a JWT signed ES256 by the server's key, for the push service's origin. */
function verifyVapid(header: string, publicKey: string): Record<string, unknown> {
	const match = /^vapid t=([^,]+), k=(.+)$/.exec(header);
	expect(match).not.toBeNull();
	const [, jwt, k] = match!;
	expect(k).toBe(publicKey);
	const raw = Buffer.from(publicKey, 'base64url');
	const key = createPublicKey({
		key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33, 65).toString('base64url') },
		format: 'jwk'
	});
	const [head, claims, signature] = jwt.split('.');
	const signed = verify(
		'sha256',
		Buffer.from(`${head}.${claims}`),
		{ key, dsaEncoding: 'ieee-p1363' },
		Buffer.from(signature, 'base64url')
	);
	expect(signed).toBe(true);
	return JSON.parse(Buffer.from(claims, 'base64url').toString());
}

describeEachBackend('web push', (ctx) => {
	function options(over: Partial<WorkerOptions> = {}): WorkerOptions {
		return {
			channels: { email: null, sms: null, push: webPushChannel('mailto:drift@aarslev.example', toLocal) },
			origin,
			quiet: null,
			...over
		};
	}
	async function drain(db: Db, over: Partial<WorkerOptions> = {}) {
		let n = 0;
		while ((await deliverDue(db, options(over))) > 0 && n < 50) n++;
	}

	async function world() {
		const { db } = ctx();
		await db
			.update(notifications)
			.set({ status: 'skipped', leaseUntil: null })
			.where(inArray(notifications.status, ['pending', 'sending']));
		received.length = 0;
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id, { name: 'Mette Lund' });
		const { family, members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'parent', name: 'Amina Hassan', preferredLanguage: 'ar' },
			{ role: 'other_adult', name: 'Halima Hassan' }
		]);
		const parentUser = await makeUser(db, { familyMemberId: members[0].id });
		await db.update(users).set({ locale: 'ar' }).where(eq(users.id, parentUser.id));
		const aunt = await makeUser(db, { familyMemberId: members[1].id });
		const contactUser = await makeUser(db, { staffId: contact.id });
		const staff = staffActor(contact, contactUser.id);
		async function staffWrites(body: string) {
			const started = await startConversation(db, await grantFor(db, staff, family.id, 'message.write'), {
				subject: 'Husleje',
				body,
				staffId: contact.id,
				memberId: null,
				formKey: randomUUID()
			});
			if (!started.ok) throw new Error('not started');
			return started.id;
		}
		const rowOf = async (userId: string) => (await db.select().from(notifications).where(eq(notifications.userId, userId)))[0];
		return { db, family, parentUser, aunt, staffWrites, rowOf };
	}

	it('the server makes its key pair once and keeps it in the database', async () => {
		const { db } = ctx();
		const [first, again] = await Promise.all([vapidKeys(db), vapidKeys(db)]);
		expect(again).toEqual(first);
		expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
		const rows = await db.select().from(serverKeys).where(eq(serverKeys.name, 'vapid'));
		expect(rows).toHaveLength(1);
		expect(JSON.parse(rows[0].value)).toEqual(first);
	});

	it("a reply reaches the parent's phone encrypted for that browser, signed, in Arabic, with a link and none of its words", async () => {
		const w = await world();
		const phone = browser(`/fcm/${randomUUID()}`);
		await savePushTarget(w.db, w.parentUser.id, phone.target, 'Chrome på Android');
		const id = await w.staffWrites('Huslejen på 4.300 kr. er betalt');
		await drain(w.db);
		const got = received.filter((r) => phone.target.endpoint.endsWith(r.path));
		expect(got).toHaveLength(1);
		const [request] = got;
		expect(request.headers['content-encoding']).toBe('aes128gcm');
		expect(Number(request.headers.ttl)).toBe(86_400);
		const row = await w.rowOf(w.parentUser.id);
		expect(row).toMatchObject({ status: 'sent', channel: 'push' });
		// The topic lets the push service replace a copy not yet delivered with its resend.
		expect(request.headers.topic).toBe(row.id.replaceAll('-', ''));
		const claims = verifyVapid(String(request.headers.authorization), (await vapidKeys(w.db)).publicKey);
		expect(claims).toMatchObject({ aud: pushHost, sub: 'mailto:drift@aarslev.example' });
		expect(Number(claims.exp) * 1000).toBeGreaterThan(Date.now());
		// The encrypted bytes do not carry the words; the decrypted payload carries only the sentence.
		expect(request.body.includes(Buffer.from('Mette'))).toBe(false);
		const payload = JSON.parse(decrypt(request.body, phone.ecdh, phone.auth)) as PushPayload;
		expect(payload).toEqual({
			title: 'Opgang',
			body: translatorFor('ar')('notify.family.message', { name: 'Mette Lund' }),
			url: `/messages/${id}`,
			lang: 'ar',
			dir: 'rtl',
			tag: `message:${id}`
		});
		for (const word of ['4.300', 'Husleje', 'Hassan']) expect(JSON.stringify(payload)).not.toContain(word);
		// The aunt chose nothing and has an e-mail; this server sends no e-mail here: she is not pushed to.
		expect(received.filter((r) => r.path !== got[0].path)).toEqual([]);
	});

	it('a browser the push service says is gone is forgotten; the others still get it', async () => {
		const w = await world();
		const old = browser(`/gone/${randomUUID()}`);
		const phone = browser(`/fcm/${randomUUID()}`);
		answers.set(new URL(old.target.endpoint).pathname, 410);
		await savePushTarget(w.db, w.parentUser.id, old.target, 'Firefox på Android');
		await savePushTarget(w.db, w.parentUser.id, phone.target, 'Chrome på Android');
		await w.staffWrites('Hej');
		await drain(w.db);
		expect(await w.rowOf(w.parentUser.id)).toMatchObject({ status: 'sent', channel: 'push' });
		const left = await w.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, w.parentUser.id));
		expect(left.map((s) => s.endpoint)).toEqual([phone.target.endpoint]);
		// When the last one is gone too, the row says so instead of vanishing.
		answers.set(new URL(phone.target.endpoint).pathname, 404);
		await w.staffWrites('Hej igen');
		await drain(w.db);
		const rows = await w.db.select().from(notifications).where(eq(notifications.userId, w.parentUser.id));
		expect(rows.find((r) => r.status !== 'sent')).toMatchObject({
			status: 'skipped',
			lastError: 'every browser has turned notifications off'
		});
	});

	it('a push service that fails is tried again later with the reason kept', async () => {
		const w = await world();
		const phone = browser(`/busy/${randomUUID()}`);
		answers.set(new URL(phone.target.endpoint).pathname, 503);
		await savePushTarget(w.db, w.parentUser.id, phone.target, '');
		await w.staffWrites('Hej');
		await drain(w.db);
		const row = await w.rowOf(w.parentUser.id);
		expect(row).toMatchObject({ status: 'pending', attempts: 1 });
		expect(row.lastError).toContain('push service answered 503');
		expect(row.deliverAfter.getTime()).toBeGreaterThan(Date.now() + 50_000);
		answers.delete(new URL(phone.target.endpoint).pathname);
		await drain(w.db, { now: () => new Date(Date.now() + 61_000) });
		expect(await w.rowOf(w.parentUser.id)).toMatchObject({ status: 'sent', attempts: 2 });
	});

	it('turning on makes push the choice; turning off removes every browser and goes back to e-mail', async () => {
		const w = await world();
		const session = { id: w.parentUser.id, email: w.parentUser.email, phone: null } as Parameters<typeof notifyChoices>[1];
		const channels = options().channels;
		expect((await notifyChoices(w.db, session, channels)).options).toEqual(['email', 'none']);
		const phone = browser(`/fcm/${randomUUID()}`);
		await savePushTarget(w.db, w.parentUser.id, phone.target, 'Chrome på Android');
		const on = await notifyChoices(w.db, session, channels);
		expect(on).toMatchObject({ options: ['push', 'email', 'none'], current: 'push', push: true });
		expect(on.devices.map((d) => d.device)).toEqual(['Chrome på Android']);
		// The same browser, turned on by the aunt who signed in on it later, is hers now.
		await savePushTarget(w.db, w.aunt.id, phone.target, 'Chrome på Android');
		expect((await notifyChoices(w.db, session, channels)).devices).toEqual([]);
		await savePushTarget(w.db, w.parentUser.id, browser(`/fcm/${randomUUID()}`).target, 'Chrome');
		expect(await removePushTargets(w.db, w.parentUser.id)).toBe(1);
		expect(await notifyChoices(w.db, session, channels)).toMatchObject({ options: ['email', 'none'], current: 'email', devices: [] });
		// Nobody can keep an address that is not https.
		await expect(
			w.db.insert(pushSubscriptions).values({ userId: w.parentUser.id, endpoint: 'http://127.0.0.1:9/x', p256dh: 'a', auth: 'b' })
		).rejects.toThrow();
	});
});
