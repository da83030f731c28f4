import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { translatorFor } from './i18n';

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

/** Whether this visitor has chosen a language: saved on their sign-in, or in the cookie. */
export function languageChosen(event: Pick<RequestEvent, 'locals' | 'cookies'>): boolean {
	return !!event.locals.user || isLocale(event.cookies.get(languageCookie));
}

/**
 * Answers this request in another language. For a form action whose page is shown again: the
 * layout's copy and <html lang dir> are read after the action has run.
 */
export function speak(locals: App.Locals, locale: Locale): void {
	locals.locale = locale;
	locals.t = translatorFor(locale);
}
