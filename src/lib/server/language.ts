import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n/locales';

export const languageCookie = 'opgang-lang';

export function rememberLanguage(cookies: Cookies, url: URL, locale: Locale): void {
	cookies.set(languageCookie, locale, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 365 * 24 * 3600
	});
}
