/**
 * How the team's figures read (/staff/dashboard): numbers, shares, months and waiting times in
 * the reader's locale. Intl formatters are slow to make, so each is kept per locale.
 */
import type { Locale } from './i18n/locales';
import { dateTimeFormat } from './i18n/date-names';

const cache = new Map<string, { format(value: never): string }>();
function kept<T extends { format(value: never): string }>(key: string, make: () => T): T {
	let f = cache.get(key) as T | undefined;
	if (!f) cache.set(key, (f = make()));
	return f;
}

/** A number with at most one decimal ("12,5" in Danish). */
export function formatNumber(value: number, locale: Locale): string {
	return kept(`n:${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })).format(value as never);
}

/** A share as a whole per cent ("67 %"), or null when nobody was counted. */
export function formatShare(yes: number, total: number, locale: Locale): string | null {
	if (total === 0) return null;
	return kept(`p:${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(
		(yes / total) as never
	);
}

/** A month ("jan. 2026"), from YYYY-MM. */
export function formatMonth(month: string, locale: Locale): string {
	const f = kept(`m:${locale}`, () => dateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC', calendar: 'gregory' }));
	return f.format(new Date(`${month}-15T12:00:00Z`) as never);
}

/** A waiting time: minutes under an hour, else hours with one decimal ("21,2 timer"). */
export function formatWait(seconds: number, locale: Locale): string {
	const [unit, value] = seconds < 3600 ? (['minute', Math.round(seconds / 60)] as const) : (['hour', seconds / 3600] as const);
	return kept(
		`w:${unit}:${locale}`,
		() => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 })
	).format(value as never);
}
