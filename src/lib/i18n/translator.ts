/**
 * A translator for one locale, the same on server and client so hydration matches.
 * Each call makes its own i18next instance: nothing is shared between users.
 */
import i18next, { type TFunction } from 'i18next';
import type { Locale } from './locales';

export type Messages = Record<string, unknown>;
export type Translate = TFunction;

export function createTranslator(locale: Locale, messages: Messages): Translate {
	const instance = i18next.createInstance();
	instance.init({
		lng: locale,
		resources: { [locale]: { translation: messages } },
		initAsync: false,
		interpolation: { escapeValue: false }, // Svelte escapes on output
		returnNull: false
	});
	return instance.t;
}
