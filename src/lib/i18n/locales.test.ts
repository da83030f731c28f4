import { describe, expect, it } from 'vitest';
import { dirOf, fromAcceptLanguage, languageName } from './locales';
import { formatDate, formatDateTime } from './format';
import { languageNames } from './language-names';

describe('language from the browser', () => {
	it('takes the best supported language by weight', () => {
		expect(fromAcceptLanguage('ar-EG,ar;q=0.9,en;q=0.8')).toBe('ar');
		expect(fromAcceptLanguage('fr-FR, tr;q=0.5, en;q=0.7')).toBe('en');
		expect(fromAcceptLanguage('so')).toBe('so');
		expect(fromAcceptLanguage('nb-NO,en;q=0.5')).toBe('da');
		expect(fromAcceptLanguage('fr, de;q=0.9')).toBeUndefined();
		expect(fromAcceptLanguage('ar;q=0, en')).toBe('en');
		expect(fromAcceptLanguage(null)).toBeUndefined();
		expect(fromAcceptLanguage('fa-IR,fa;q=0.9')).toBe('fa');
		expect(fromAcceptLanguage('prs-AF, en;q=0.5')).toBe('fa');
		expect(fromAcceptLanguage('ur-PK')).toBe('ur');
		expect(fromAcceptLanguage('uk-UA,ru;q=0.8')).toBe('uk');
	});
	it('knows which languages run right to left', () => {
		expect(dirOf('ar')).toBe('rtl');
		expect(dirOf('da')).toBe('ltr');
		expect(dirOf('fa')).toBe('rtl');
		expect(dirOf('ur')).toBe('rtl');
		expect(dirOf('uk')).toBe('ltr');
	});
	it('names languages in the reader’s language', () => {
		expect(languageName('so', { locale: 'da', languageNames: languageNames.da })).toBe('somali');
		expect(languageName('tr', { locale: 'en', languageNames: languageNames.en })).toBe('Turkish');
	});
});

describe('dates in Copenhagen time', () => {
	it('shows summer and winter times correctly across daylight saving', () => {
		// 2026-03-29 01:00 UTC is when Denmark moves to summer time (UTC+2).
		expect(formatDateTime('2026-03-29T00:30:00Z', 'en')).toBe('Mar 29, 2026, 1:30 AM');
		expect(formatDateTime('2026-03-29T01:30:00Z', 'en')).toBe('Mar 29, 2026, 3:30 AM');
		// 2026-10-25 01:00 UTC, back to UTC+1.
		expect(formatDateTime('2026-10-25T00:30:00Z', 'en')).toBe('Oct 25, 2026, 2:30 AM');
		expect(formatDateTime('2026-10-25T01:30:00Z', 'en')).toBe('Oct 25, 2026, 2:30 AM');
	});
	it('shows a date late in the evening UTC as the next day in Copenhagen', () => {
		expect(formatDateTime('2026-12-31T23:30:00Z', 'da')).toContain('1. jan. 2027');
	});
	it('keeps a bare date on its day in every locale', () => {
		expect(formatDate('2026-12-07', 'da')).toBe('7. december 2026');
		expect(formatDate('2026-12-07', 'en')).toBe('December 7, 2026');
		expect(formatDate('2026-12-07', 'tr')).toBe('7 Aralık 2026');
		expect(formatDate('2026-12-07', 'uk')).toBe('7 грудня 2026 р.');
		// Somali from the names the portal ships (browsers have none): the same on server and client.
		expect(formatDate('2026-12-07', 'so')).toBe('Diseembar 7, 2026');
		expect(formatDateTime('2026-03-29T12:30:00Z', 'so')).toBe('Mar 29, 2026, 2:30\u202fGD');
	});
	it('keeps the calendar Danish letters use, in the reader’s words and digits', () => {
		// Persian's default calendar is the Solar Hijri one ("۱۶ آذر ۱۴۰۵").
		expect(formatDate('2026-12-07', 'fa')).toBe('۷ دسامبر ۲۰۲۶');
		expect(formatDate('2026-12-07', 'ur')).toBe('7 دسمبر، 2026');
	});
});
