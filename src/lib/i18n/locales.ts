import type { LanguageNames } from './language-names';

/** The languages the portal speaks, each named in its own language. Danish is the source. */
export const locales = [
	{ code: 'da', name: 'Dansk', dir: 'ltr' },
	{ code: 'en', name: 'English', dir: 'ltr' },
	{ code: 'ar', name: 'العربية', dir: 'rtl' },
	{ code: 'so', name: 'Soomaali', dir: 'ltr' },
	{ code: 'tr', name: 'Türkçe', dir: 'ltr' },
	{ code: 'fa', name: 'فارسی', dir: 'rtl' },
	{ code: 'ur', name: 'اردو', dir: 'rtl' },
	{ code: 'uk', name: 'Українська', dir: 'ltr' }
] as const;

export type Locale = (typeof locales)[number]['code'];
export const defaultLocale: Locale = 'da';
export const timeZone = 'Europe/Copenhagen';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && locales.some((l) => l.code === value);
}

export function dirOf(locale: Locale): 'ltr' | 'rtl' {
	return locales.find((l) => l.code === locale)?.dir ?? 'ltr';
}

/**
 * Name of a language (any BCP 47 code) in the reader's language, e.g. "somali" for da: from the
 * names the portal ships (language-names.ts; each page gets its reader's with the root layout's
 * data, as `i18n.languageNames`), so the server and every browser write the same; a code the
 * portal does not ship falls back to Intl.DisplayNames, then to the code itself.
 */
export function languageName(code: string, reader: { locale: Locale; languageNames: LanguageNames }): string {
	const names = reader.languageNames;
	if (Object.hasOwn(names, code)) return names[code];
	try {
		return displayNames(reader.locale).of(code) ?? code;
	} catch {
		return code;
	}
}

// Intl constructors are slow (they load locale data); one per locale is enough.
const names = new Map<Locale, Intl.DisplayNames>();
function displayNames(locale: Locale): Intl.DisplayNames {
	let n = names.get(locale);
	if (!n) names.set(locale, (n = new Intl.DisplayNames([locale], { type: 'language' })));
	return n;
}

/** Picks the best supported locale from an Accept-Language header. */
export function fromAcceptLanguage(header: string | null): Locale | undefined {
	if (!header) return undefined;
	const ranked = header
		.split(',')
		.map((part) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.find((p) => p.trim().startsWith('q='));
			return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
		})
		.filter((x) => x.tag && x.q > 0)
		.sort((a, b) => b.q - a.q);
	for (const { tag } of ranked) {
		const base = tag.split('-')[0];
		// Norwegian and Swedish readers usually read Danish better than English; Dari (prs) is
		// written Persian.
		const mapped = base === 'nb' || base === 'nn' || base === 'no' || base === 'sv' ? 'da' : base === 'prs' ? 'fa' : base;
		if (isLocale(mapped)) return mapped;
	}
	return undefined;
}
