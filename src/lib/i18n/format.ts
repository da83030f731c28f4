import { timeZone, type Locale } from './locales';
import { dateTimeFormat } from './date-names';

// Intl constructors are slow (they load locale data); keep one per locale and style.
const formatters = new Map<string, { format(date: Date): string }>();
function formatter(locale: Locale, style: 'date' | 'dateTime'): { format(date: Date): string } {
	const key = `${locale}:${style}`;
	let f = formatters.get(key);
	if (!f) {
		// The calendar Danish letters, schools and the team use, also where the locale's default
		// is another (Persian: the Solar Hijri calendar); month names and digits stay the reader's.
		const options: Intl.DateTimeFormatOptions =
			style === 'date'
				? { dateStyle: 'long', timeZone, calendar: 'gregory' }
				: { dateStyle: 'medium', timeStyle: 'short', timeZone, calendar: 'gregory' };
		formatters.set(key, (f = dateTimeFormat(locale, options)));
	}
	return f;
}

/** Date only ("22. november 2026"), in the organisation's time zone. A bare date is noon there. */
export function formatDate(value: Date | string, locale: Locale): string {
	const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
	return formatter(locale, 'date').format(d);
}

/** Date and time ("22. nov. 2026 14.30"), in the organisation's time zone. */
export function formatDateTime(value: Date | string, locale: Locale): string {
	return formatter(locale, 'dateTime').format(typeof value === 'string' ? new Date(value) : value);
}

const isoDate = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The date in the organisation's time zone ("2026-11-23"), not the server's UTC date. */
export function copenhagenDate(at = new Date()): string {
	return isoDate.format(at);
}

/** A calendar date plus some days ("2026-11-23" + 10 → "2026-12-03"), free of time zones. */
export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}
