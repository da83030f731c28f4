/**
 * When a message was written or seen, short, in Copenhagen and the reader's language:
 * "14.02" today, "3. mar., 14.02" this year, "3. mar. 2025, 14.02" before. Made on the server
 * (the pages get the words, not the formatter), with date-names.ts so every locale, Somali
 * too, reads the same wherever it is drawn.
 */
import { timeZone, type Locale } from './locales';
import { dateTimeFormat } from './date-names';
import { copenhagenDate } from './format';

const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const styles = {
	today: time,
	thisYear: { day: 'numeric', month: 'short', ...time },
	older: { day: 'numeric', month: 'short', year: 'numeric', ...time }
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, { format(date: Date): string }>();
function formatter(locale: Locale, style: keyof typeof styles): { format(date: Date): string } {
	const key = `${locale}:${style}`;
	let f = formatters.get(key);
	if (!f) formatters.set(key, (f = dateTimeFormat(locale, { ...styles[style], timeZone, calendar: 'gregory' })));
	return f;
}

export function formatWhen(at: Date, locale: Locale, now = new Date()): string {
	const day = copenhagenDate(at);
	const style = day === copenhagenDate(now) ? 'today' : day.slice(0, 4) === copenhagenDate(now).slice(0, 4) ? 'thisYear' : 'older';
	return formatter(locale, style).format(at);
}
