/** Files on messages as pages show them: their size in the reader's language, and a list's words for a message of files only. */
import type { I18n } from '$lib/i18n/context';

/** "120 kB", "2,4 MB" with the reader's own digits and separators. */
export function fileSize(bytes: number, locale: string): string {
	const mb = bytes >= 1_000_000;
	return new Intl.NumberFormat(locale, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: mb ? 1 : 0 }).format(
		mb ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000))
	);
}

/** A list's preview of a message without words: "1 photo", "3 files". */
export function filesSummary(i18n: I18n, last: { files: number; photos: number }): string {
	return last.photos === last.files ? i18n.t('files.photos', { count: last.photos }) : i18n.t('files.files', { count: last.files });
}

/** A thumbnail's width and height (at most 320 px), so the thread does not jump as pictures arrive. */
export function thumbSize(width: number | null, height: number | null): { width: number; height: number } | null {
	if (!width || !height) return null;
	const scale = Math.min(1, 320 / Math.max(width, height));
	return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
