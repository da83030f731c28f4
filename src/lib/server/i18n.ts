import type { Locale } from '$lib/i18n/locales';
import { createTranslator, type Messages, type Translate } from '$lib/i18n/translator';
import da from '../../../messages/da.json';
import en from '../../../messages/en.json';
import ar from '../../../messages/ar.json';
import so from '../../../messages/so.json';
import tr from '../../../messages/tr.json';

export const messages: Record<Locale, Messages> = { da, en, ar, so, tr };

const translators = new Map<Locale, Translate>();

/** A fixed translator for one locale; built once per locale, holds no per-user state. */
export function translatorFor(locale: Locale): Translate {
	let t = translators.get(locale);
	if (!t) {
		t = createTranslator(locale, messages[locale]);
		translators.set(locale, t);
	}
	return t;
}
