import type { Cookies } from '@sveltejs/kit';

/** Over https the cookie gets the `__Host-` prefix: Secure, no Domain, Path=/. */
export function sessionCookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-opgang-session' : 'opgang-session';
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(sessionCookieName(url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(sessionCookieName(url), { path: '/', secure: url.protocol === 'https:' });
}
