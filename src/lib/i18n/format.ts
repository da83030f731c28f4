import { timeZone, type Locale } from './locales';

/** Date only ("22. november 2026"), in the organisation's time zone. */
export function formatDate(value: Date | string, locale: Locale): string {
	const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
	return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(d);
}

/** Date and time ("22. nov. 2026 14.30"), in the organisation's time zone. */
export function formatDateTime(value: Date | string, locale: Locale): string {
	const d = typeof value === 'string' ? new Date(value) : value;
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}
