import { describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { sessionCookieName, setSessionCookie } from './cookies';

/** Records what would be set; the real Cookies object belongs to a request. */
function recorder() {
	const calls: { name: string; value: string; options: Record<string, unknown> }[] = [];
	const cookies = { set: (name: string, value: string, options: Record<string, unknown>) => calls.push({ name, value, options }) };
	return { cookies: cookies as unknown as Cookies, calls };
}

describe('session cookie', () => {
	it('is __Host- prefixed and Secure over https', () => {
		const { cookies, calls } = recorder();
		const url = new URL('https://opgang.aarhus.dk/login');
		const expires = new Date('2026-12-01T00:00:00Z');
		setSessionCookie(cookies, url, 'id.secret', expires);
		expect(calls).toEqual([
			{
				name: '__Host-opgang-session',
				value: 'id.secret',
				options: { path: '/', httpOnly: true, sameSite: 'lax', secure: true, expires }
			}
		]);
	});
	it('has no prefix on plain http (local development and the demo)', () => {
		expect(sessionCookieName(new URL('http://localhost:3000/'))).toBe('opgang-session');
	});
});
