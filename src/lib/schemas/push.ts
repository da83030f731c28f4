import { z } from 'zod';

const base64url = /^[A-Za-z0-9_-]+={0,2}$/;
const bytes = (s: string) => Buffer.from(s, 'base64url').length;

/** A host a push service has: a name, never an address on this machine or its network. */
function publicHost(url: string): boolean {
	try {
		const { protocol, hostname } = new URL(url);
		if (protocol !== 'https:' || !hostname.includes('.')) return false;
		// An IP literal (v4 or [v6]) or a local name is not a push service: the server would post to it.
		return !/^[\d.]+$/.test(hostname) && !hostname.startsWith('[') && !/(^|\.)(localhost|local|internal)$/i.test(hostname);
	} catch {
		return false;
	}
}

/**
 * A browser's push subscription (PushSubscription.toJSON(), sent by the "turn on" button):
 * an https address at a push service and the browser's keys — a P-256 public key (65 bytes,
 * uncompressed) and a 16-byte auth secret — base64url.
 */
export const pushTargetForm = z.object({
	endpoint: z.string().max(1000, 'validation.invalid').refine(publicHost, 'validation.invalid'),
	p256dh: z
		.string()
		.max(100, 'validation.invalid')
		.regex(base64url, 'validation.invalid')
		.refine((s) => bytes(s) === 65 && Buffer.from(s, 'base64url')[0] === 4, 'validation.invalid'),
	auth: z
		.string()
		.max(40, 'validation.invalid')
		.regex(base64url, 'validation.invalid')
		.refine((s) => bytes(s) === 16, 'validation.invalid')
});
