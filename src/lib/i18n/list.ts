/**
 * "Danish, Arabic and English" in the reader's language, the same on the server and in every
 * browser. Not Intl.ListFormat: measured against Node's full ICU, Chromium has no Somali list
 * data (it wrote "A, B, and C" where Node writes "A, B iyo C", so hydration changed the text),
 * older browsers lack ListFormat or have older data, and CLDR's Arabic list has no comma at all
 * ("A وB وC") where Arabic readers expect "،". The patterns are CLDR's (release 48) for each
 * locale; Arabic's are CLDR's with the Arabic comma, as Persian and Urdu have it.
 */
import type { Locale } from './locales';

/** CLDR's "and" list patterns: two items; the first or a middle one; the last two. */
interface ListPatterns {
	two: string;
	middle: string;
	end: string;
}

const patterns: Record<Locale, ListPatterns> = {
	da: { two: '{0} og {1}', middle: '{0}, {1}', end: '{0} og {1}' },
	en: { two: '{0} and {1}', middle: '{0}, {1}', end: '{0}, and {1}' },
	ar: { two: '{0} و{1}', middle: '{0}، {1}', end: '{0}، و{1}' },
	so: { two: '{0} iyo {1}', middle: '{0}, {1}', end: '{0} iyo {1}' },
	tr: { two: '{0} ve {1}', middle: '{0}, {1}', end: '{0} ve {1}' },
	// The right-to-left mark keeps the comma after a left-to-right item on the item's side.
	fa: { two: '{0} و {1}', middle: '{0}،\u200f {1}', end: '{0}، و {1}' },
	ur: { two: '{0} اور {1}', middle: '{0}، {1}', end: '{0}، اور {1}' },
	uk: { two: '{0} і {1}', middle: '{0}, {1}', end: '{0} і {1}' }
};

const fill = (pattern: string, first: string, rest: string) => pattern.replace(/\{([01])\}/g, (_, i) => (i === '0' ? first : rest));

/** What stands between two items in the middle of a list: ", " or, in Arabic script, "، ". */
export function listSeparator(locale: Locale): string {
	return patterns[locale].middle.replace('{0}', '').replace('{1}', '');
}

/** The items joined as a list in `locale`: "dansk, arabisk og engelsk". */
export function formatList(items: readonly string[], locale: Locale): string {
	const p = patterns[locale];
	const n = items.length;
	if (n < 2) return items[0] ?? '';
	if (n === 2) return fill(p.two, items[0], items[1]);
	let out = fill(p.end, items[n - 2], items[n - 1]);
	for (let i = n - 3; i >= 0; i--) out = fill(p.middle, items[i], out);
	return out;
}
