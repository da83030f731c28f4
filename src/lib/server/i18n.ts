/**
 * Messages on the server: every locale's copy, the server's own translator (`locals.t`, the
 * same createTranslator the pages use) and the slice of copy each page is sent. Translators
 * and slices hold no user data and depend only on their locale (and route), so one per
 * locale is shared across requests.
 */
import type { Locale } from '$lib/i18n/locales';
import { locales } from '$lib/i18n/locales';
import { createTranslator, type Messages, type Translate } from '$lib/i18n/translator';
import { namespacesFor, type Namespace } from './i18n-areas';
import da from '../../../messages/da.json';
import en from '../../../messages/en.json';
import ar from '../../../messages/ar.json';
import so from '../../../messages/so.json';
import tr from '../../../messages/tr.json';
import fa from '../../../messages/fa.json';
import ur from '../../../messages/ur.json';
import uk from '../../../messages/uk.json';

export const messages: Record<Locale, Messages> = { da, en, ar, so, tr, fa, ur, uk };

// Intl.PluralRules is slow to construct: one translator per locale, made at start.
const translators = new Map(locales.map(({ code }) => [code, createTranslator(code, messages[code])]));

export function translatorFor(locale: Locale): Translate {
	return translators.get(locale)!;
}

const allNamespaces = Object.keys(da) as Namespace[];
const slices = new Map<string, Messages>();

/** The messages a page on this route needs (i18n-areas.ts), the same object on every request. */
export function messagesFor(locale: Locale, routeId: string | null): Messages {
	const key = `${locale} ${routeId}`;
	let slice = slices.get(key);
	if (!slice) {
		const source = messages[locale];
		slice = Object.fromEntries(namespacesFor(routeId, allNamespaces).map((ns) => [ns, source[ns]]));
		slices.set(key, slice);
	}
	return slice;
}
