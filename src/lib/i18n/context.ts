import { getContext, setContext } from 'svelte';
import type { LanguageNames } from './language-names';
import type { Locale } from './locales';
import type { Translate } from './translator';

export interface I18n {
	readonly t: Translate;
	readonly locale: Locale;
	readonly dir: 'ltr' | 'rtl';
	/** The reader's names of languages (language-names.ts), sent with every page. */
	readonly languageNames: LanguageNames;
}

const key = Symbol('i18n');

export function setI18n(i18n: I18n): void {
	setContext(key, i18n);
}

/** The page's translator and locale; reactive getters, set once in the root layout. */
export function getI18n(): I18n {
	return getContext<I18n>(key);
}
