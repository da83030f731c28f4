import type { Locale } from './locales';
import { dateTimeFormat } from './date-names';

const cache = new Map<Locale, string[]>();

/** The weekday's name ("mandag", "الاثنين", "Isniin") for an ISO weekday, Monday 1 … Sunday 7. */
export function weekdayName(iso: number, locale: Locale): string {
	let names = cache.get(locale);
	if (!names) {
		const f = dateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC', calendar: 'gregory' });
		// 1 January 2024 was a Monday.
		names = [1, 2, 3, 4, 5, 6, 7].map((d) => f.format(new Date(Date.UTC(2024, 0, d, 12))));
		cache.set(locale, names);
	}
	return names[iso - 1];
}
