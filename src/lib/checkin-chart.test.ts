import { describe, expect, it } from 'vitest';
import { buildChart, chartWidth, formatShortDate, scoreY } from './checkin-chart';

const today = '2026-11-30';
const rows = [
	{ lifeArea: 'work', day: '2026-11-30', score: 4 },
	{ lifeArea: 'work', day: '2026-09-08', score: 2 },
	{ lifeArea: 'work', day: '2026-10-20', score: 3 },
	{ lifeArea: 'health', day: '2026-11-01', score: 5 },
	// Older than twelve weeks, and one from the future: left out.
	{ lifeArea: 'health', day: '2026-09-01', score: 1 },
	{ lifeArea: 'money', day: '2026-12-01', score: 1 }
] as const;

describe('buildChart', () => {
	it('draws one chart per area with check-ins, oldest to newest, in life-area order', () => {
		const chart = buildChart(rows, { today });
		expect(chart.areas.map((a) => a.lifeArea)).toEqual(['work', 'health']);
		const work = chart.areas[0];
		expect(work.points.map((p) => p.day)).toEqual(['2026-09-08', '2026-10-20', '2026-11-30']);
		expect(work.points.map((p) => p.y)).toEqual([scoreY(2), scoreY(3), scoreY(4)]);
		expect(work.line).toMatch(/^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/);
		// Higher is better: "very good" is drawn above "very hard".
		expect(scoreY(5)).toBeLessThan(scoreY(1));
		expect(chart.areas[1].points).toHaveLength(1);
	});

	it('runs time left to right in a left-to-right locale, newest at the right', () => {
		const chart = buildChart(rows, { today, dir: 'ltr' });
		const xs = chart.areas[0].points.map((p) => p.x);
		expect(xs).toEqual([...xs].sort((a, b) => a - b));
		expect(xs.at(-1)).toBe(chart.right);
		expect(chart.steps[0].x).toBeLessThan(chart.left);
		expect(chart.ticks[0]).toEqual({ day: today, x: chart.right });
	});

	it('mirrors in a right-to-left locale: newest at the left, faces at the right', () => {
		const ltr = buildChart(rows, { today, dir: 'ltr' });
		const rtl = buildChart(rows, { today, dir: 'rtl' });
		const xs = rtl.areas[0].points.map((p) => p.x);
		expect(xs).toEqual([...xs].sort((a, b) => b - a));
		expect(xs.at(-1)).toBe(rtl.left);
		expect(rtl.steps[0].x).toBeGreaterThan(rtl.right);
		// Each point is the mirror image of its left-to-right place.
		rtl.areas[0].points.forEach((p, i) => expect(p.x).toBeCloseTo(chartWidth - ltr.areas[0].points[i].x, 5));
		expect(rtl.areas[0].points.map((p) => p.y)).toEqual(ltr.areas[0].points.map((p) => p.y));
	});

	it('labels the time axis every four weeks back from today', () => {
		expect(buildChart([], { today }).ticks.map((t) => t.day)).toEqual(['2026-11-30', '2026-11-02', '2026-10-05', '2026-09-08']);
		expect(buildChart([], { today }).areas).toEqual([]);
	});
});

describe('formatShortDate', () => {
	it("writes the axis dates in the reader's language, Somali month names included", () => {
		expect(formatShortDate('2026-11-30', 'da')).toBe('30. nov.');
		expect(formatShortDate('2026-11-30', 'so')).toMatch(/Nof/);
		expect(formatShortDate('2026-11-30', 'ar')).not.toMatch(/Nov/);
	});
});
