import { describe, expect, it } from 'vitest';
import { slotWeeks, weekPage, type SlotDay } from './slot-weeks';

const day = (d: string, times = 1): SlotDay => ({
	day: d,
	slots: Array.from({ length: times }, (_, i) => ({ start: `${d}T0${8 + i}:00:00.000Z`, end: `${d}T0${8 + i}:30:00.000Z` }))
});

describe('free times one week at a time', () => {
	// Wednesday 25 March 2026 … the week of the spring clock change (Sunday 29 March) and after.
	const days = [day('2026-03-25', 2), day('2026-03-29'), day('2026-03-30'), day('2026-04-16', 3)];

	it('groups days by Monday-to-Sunday week, from the first week with a time to the last, an empty week kept between', () => {
		const weeks = slotWeeks(days);
		expect(weeks.map((w) => [w.monday, w.days.map((d) => d.day)])).toEqual([
			['2026-03-23', ['2026-03-25', '2026-03-29']],
			['2026-03-30', ['2026-03-30']],
			['2026-04-06', []],
			['2026-04-13', ['2026-04-16']]
		]);
		expect(slotWeeks([])).toEqual([]);
	});

	it('shows the first week with a time unless another is asked for, with the weeks before and after', () => {
		const weeks = slotWeeks(days);
		expect(weekPage(weeks, null)).toMatchObject({
			week: { monday: '2026-03-23' },
			earlier: null,
			later: '2026-03-30',
			sunday: '2026-03-29'
		});
		// Any day of a week asks for that week.
		expect(weekPage(weeks, '2026-04-08')).toMatchObject({
			week: { monday: '2026-04-06', days: [] },
			earlier: '2026-03-30',
			later: '2026-04-13'
		});
		expect(weekPage(weeks, '2026-04-13')).toMatchObject({ earlier: '2026-04-06', later: null });
		// A week outside them, or not a day at all: the first week.
		for (const asked of ['2025-01-06', '2026-13-40', 'next', '']) expect(weekPage(weeks, asked)!.week.monday).toBe('2026-03-23');
		expect(weekPage([], null)).toBeNull();
	});
});
