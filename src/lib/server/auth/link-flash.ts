/**
 * A new sign-in link is shown once, right after it is made, without its secret ever being in a
 * URL or at rest on the server. The staff page's action puts it in a short-lived cookie
 * (HttpOnly, SameSite=Strict, Path = that family's page, 2 minutes) and redirects (303) to the
 * page, whose load takes it out again and shows it. A reload, the back button or a later visit
 * finds no cookie, so they show that a link is open — never the secret again, and never a new
 * link made behind the staff member's back (the form is not posted again).
 */
import type { Cookies } from '@sveltejs/kit';
import { isUuid, tokenPattern } from '$lib/shapes';
import { normaliseShortCode } from '$lib/short-code';

const name = 'opgang-new-link';
const lifetimeSeconds = 120;

export interface NewLinkFlash {
	memberId: string;
	token: string;
	code: string;
}

const options = (url: URL, familyId: string) => ({
	path: `/staff/families/${familyId}`,
	httpOnly: true,
	sameSite: 'strict' as const,
	secure: url.protocol === 'https:'
});

export function flashNewLink(cookies: Cookies, url: URL, familyId: string, flash: NewLinkFlash): void {
	cookies.set(name, [flash.memberId, flash.token, flash.code].join('~'), { ...options(url, familyId), maxAge: lifetimeSeconds });
}

/** The new link, once: the cookie is deleted as it is read. Anything not shaped like ours is ignored. */
export function takeNewLink(cookies: Cookies, url: URL, familyId: string): NewLinkFlash | null {
	const value = cookies.get(name);
	if (value === undefined) return null;
	cookies.delete(name, options(url, familyId));
	const [memberId, token, typed, ...rest] = value.split('~');
	const code = normaliseShortCode(typed ?? '');
	if (rest.length || !isUuid(memberId) || !tokenPattern.test(token ?? '') || !code) return null;
	return { memberId, token, code };
}
