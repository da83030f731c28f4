/**
 * Opening hours as data ({ days: [1, 2, 3, 4], opens: '09:00', closes: '15:00' }, ISO weekdays
 * 1 = Monday … 7 = Sunday), written out in the reader's language by Intl: weekday names and
 * times need no copy in messages/ and are right in every locale.
 */
import type { Locale } from './locales';
import { dateTimeFormat } from './date-names';

export interface OpeningHours {
	days: number[];
	opens: string;
	closes: string;
}

// 2024-01-01 was a Monday: ISO weekday d is that date plus d - 1 days.
const weekday = (d: number) => new Date(Date.UTC(2024, 0, d, 12));
const at = (hhmm: string) => {
	const [h, m] = hhmm.split(':').map(Number);
	return new Date(Date.UTC(2024, 0, 1, h, m));
};

type Format = { format(date: Date): string };
const cache = new Map<string, { day: Format; time: Format }>();
function formats(locale: Locale) {
	let f = cache.get(locale);
	if (!f) {
		f = {
			day: dateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }),
			time: dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC', hourCycle: 'h23' })
		};
		cache.set(locale, f);
	}
	return f;
}

/** One row per entry: days ("mandag–torsdag", or "fredag") and times ("09.00–15.00"). */
export function formatHours(hours: readonly OpeningHours[], locale: Locale): { days: string; time: string }[] {
	const { day, time } = formats(locale);
	return hours.map((h) => {
		const sorted = [...h.days].sort((a, b) => a - b);
		const consecutive = sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
		const names = sorted.map((d) => day.format(weekday(d)));
		const days = consecutive && names.length > 2 ? `${names[0]}–${names.at(-1)}` : names.join(', ');
		return { days, time: `${time.format(at(h.opens))}–${time.format(at(h.closes))}` };
	});
}
