/**
 * Dates, weekdays and times the same on the server and in every browser. Chromium ships no
 * Somali date data (it writes "December 7, 2026" where Node writes "Diseembar 7, 2026"), so a
 * page hydrated or rendered in the browser would switch a Somali reader's dates to English.
 * For such a locale the portal formats with an English pattern and puts in the names it ships
 * here (CLDR 48, as Node's ICU has them). Every other locale uses Intl as it is.
 */
import type { Locale } from './locales';

interface Names {
	months: string[];
	monthsShort: string[];
	/** Monday first. */
	weekdays: string[];
	am: string;
	pm: string;
}

const shipped: Partial<Record<Locale, Names>> = {
	so: {
		months: [
			'Jannaayo',
			'Febraayo',
			'Maarso',
			'Abriil',
			'Maayo',
			'Juun',
			'Luulyo',
			'Ogosto',
			'Sebteembar',
			'Oktoobar',
			'Noofeembar',
			'Diseembar'
		],
		monthsShort: ['Jan', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'Lul', 'Ogs', 'Seb', 'Okt', 'Nof', 'Dis'],
		weekdays: ['Isniin', 'Talaado', 'Arbaco', 'Khamiis', 'Jimco', 'Sabti', 'Axad'],
		am: 'GH',
		pm: 'GD'
	}
};

const enMonth = (value: string) =>
	['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(value.slice(0, 3));
const enWeekday = (value: string) => ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(value.slice(0, 3));

/** An Intl.DateTimeFormat for `locale`, or for a locale with shipped names, one that fills them in. */
export function dateTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions): { format(date: Date): string } {
	const names = shipped[locale];
	if (!names) return new Intl.DateTimeFormat(locale, options);
	const en = new Intl.DateTimeFormat('en-US', options);
	return {
		format: (date) =>
			en
				.formatToParts(date)
				.map((p) => {
					if (p.type === 'month' && Number.isNaN(Number(p.value)))
						return (p.value.length > 3 ? names.months : names.monthsShort)[enMonth(p.value)] ?? p.value;
					if (p.type === 'weekday') return names.weekdays[enWeekday(p.value)] ?? p.value;
					if (p.type === 'dayPeriod') return p.value === 'AM' ? names.am : names.pm;
					return p.value;
				})
				.join('')
	};
}
