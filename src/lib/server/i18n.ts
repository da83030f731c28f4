/**
 * i18next on the server: one instance holding every locale, initialised once; each request
 * gets a fixed translator for its locale (getFixedT), so no user's language leaks into
 * another's. Components use $lib/i18n/translator, checked against this one in tests.
 */
import i18next from 'i18next';
import type { Locale } from '$lib/i18n/locales';
import { locales, defaultLocale } from '$lib/i18n/locales';
import type { Messages, Translate } from '$lib/i18n/translator';
import da from '../../../messages/da.json';
import en from '../../../messages/en.json';
import ar from '../../../messages/ar.json';
import so from '../../../messages/so.json';
import tr from '../../../messages/tr.json';

export const messages: Record<Locale, Messages> = { da, en, ar, so, tr };

const instance = i18next.createInstance();
instance.init({
	resources: Object.fromEntries(Object.entries(messages).map(([code, m]) => [code, { translation: m }])),
	supportedLngs: locales.map((l) => l.code),
	fallbackLng: defaultLocale,
	initAsync: false,
	interpolation: { escapeValue: false }, // Svelte escapes on output
	returnNull: false
});

export function translatorFor(locale: Locale): Translate {
	return instance.getFixedT(locale) as unknown as Translate;
}
