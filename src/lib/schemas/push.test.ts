import { describe, expect, it } from 'vitest';
import { createECDH, randomBytes } from 'node:crypto';
import { pushTargetForm } from './push';

const ecdh = createECDH('prime256v1');
ecdh.generateKeys();
const good = {
	endpoint: 'https://fcm.googleapis.com/fcm/send/dQw4w9WgXcQ:APA91bH',
	p256dh: ecdh.getPublicKey().toString('base64url'),
	auth: randomBytes(16).toString('base64url')
};

describe('a browser push subscription at the edge', () => {
	it('takes what a browser sends', () => {
		expect(pushTargetForm.safeParse(good).success).toBe(true);
		expect(pushTargetForm.safeParse({ ...good, endpoint: 'https://web.push.apple.com/QGuQyavXutnMH' }).success).toBe(true);
	});

	it.each([
		['plain http', 'http://fcm.googleapis.com/fcm/send/x'],
		['an address on this machine', 'https://localhost/x'],
		['an IPv4 literal', 'https://127.0.0.1/x'],
		['an IPv6 literal', 'https://[::1]/x'],
		['a name without a dot', 'https://intranet/x'],
		['a local name', 'https://printer.local/x'],
		['not an address', 'fcm send'],
		['too long', `https://fcm.googleapis.com/${'a'.repeat(1000)}`]
	])('refuses an endpoint that is %s (the server would post to it)', (_why, endpoint) => {
		expect(pushTargetForm.safeParse({ ...good, endpoint }).success).toBe(false);
	});

	it('refuses keys of the wrong size or shape', () => {
		expect(
			pushTargetForm.safeParse({ ...good, p256dh: Buffer.concat([Buffer.from([3]), randomBytes(64)]).toString('base64url') }).success
		).toBe(false);
		expect(pushTargetForm.safeParse({ ...good, p256dh: ecdh.getPublicKey('base64url', 'compressed') }).success).toBe(false);
		expect(pushTargetForm.safeParse({ ...good, auth: randomBytes(15).toString('base64url') }).success).toBe(false);
		expect(pushTargetForm.safeParse({ ...good, auth: 'not base64!' }).success).toBe(false);
		expect(pushTargetForm.safeParse({ endpoint: good.endpoint }).success).toBe(false);
	});
});
