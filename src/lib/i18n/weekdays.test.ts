import { expect, it } from 'vitest';
import { weekdayName } from './weekdays';

it("names ISO weekdays in the reader's language, Monday first", () => {
	expect(weekdayName(1, 'da')).toBe('mandag');
	expect(weekdayName(7, 'en')).toBe('Sunday');
	expect(weekdayName(1, 'so')).toBe('Isniin');
	expect(weekdayName(5, 'ar')).toBe('الجمعة');
});
