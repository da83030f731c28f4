/**
 * Meeting times on screen: a day heading ("tirsdag 3. marts") and from–to times ("10.00–10.30"),
 * in Copenhagen and the reader's language, the same on the server and in every browser
 * (date-names.ts). Apart from format.ts so pages without meetings (the family's home, at its
 * JavaScript budget) do not carry it.
 */
import { timeZone, type Locale } from './locales';
import { dateTimeFormat } from './date-names';

const styles = {
	day: { weekday: 'long', day: 'numeric', month: 'long' },
	time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// Intl constructors are slow (they load locale data); keep one per locale and style.
const formatters = new Map<string, { format(date: Date): string }>();
function formatter(locale: Locale, style: keyof typeof styles): { format(date: Date): string } {
	const key = `${locale}:${style}`;
	let f = formatters.get(key);
	// The Gregorian calendar also where the locale's default is another (Persian), as format.ts.
	if (!f) formatters.set(key, (f = dateTimeFormat(locale, { ...styles[style], timeZone, calendar: 'gregory' })));
	return f;
}

const asDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

/** The day of an instant as a heading ("tirsdag 3. marts"), in Copenhagen. */
export function formatDay(value: Date | string, locale: Locale): string {
	return formatter(locale, 'day').format(asDate(value));
}

/** From–to times of day ("10.00–10.30"), in Copenhagen. */
export function formatTimes(from: Date | string, to: Date | string, locale: Locale): string {
	const f = formatter(locale, 'time');
	return `${f.format(asDate(from))}–${f.format(asDate(to))}`;
}

const dateOnly = new Map<Locale, { format(date: Date): string }>();
/** A calendar day ('YYYY-MM-DD') without its weekday ("3. marts"), as Copenhagen reads it. */
export function formatShortDay(day: string, locale: Locale): string {
	let f = dateOnly.get(locale);
	if (!f) dateOnly.set(locale, (f = dateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC', calendar: 'gregory' })));
	return f.format(new Date(`${day}T12:00:00Z`));
}
