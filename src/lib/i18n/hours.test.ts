import { describe, expect, it } from 'vitest';
import { formatHours } from './hours';

const hours = [
	{ days: [1, 2, 3, 4], opens: '09:00', closes: '15:00' },
	{ days: [5], opens: '09:00', closes: '12:30' }
];

describe('opening hours in the reader’s language', () => {
	it('names the days and times as the reader writes them', () => {
		expect(formatHours(hours, 'da')).toEqual([
			{ days: 'mandag–torsdag', time: '9.00–15.00' },
			{ days: 'fredag', time: '9.00–12.30' }
		]);
		expect(formatHours(hours, 'en')[0]).toEqual({ days: 'Monday–Thursday', time: '09:00–15:00' });
		expect(formatHours(hours, 'uk')[1].days).toBe('пʼятниця');
		expect(formatHours(hours, 'ar')[0].days).toBe('الاثنين–الخميس');
		expect(formatHours(hours, 'so')).toEqual([
			{ days: 'Isniin–Khamiis', time: '09:00–15:00' },
			{ days: 'Jimco', time: '09:00–12:30' }
		]);
	});
	it('lists days that do not follow each other one by one', () => {
		expect(formatHours([{ days: [4, 2], opens: '13:00', closes: '17:00' }], 'da')).toEqual([
			{ days: 'tirsdag, torsdag', time: '13.00–17.00' }
		]);
	});
});
