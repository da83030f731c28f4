import { describe, expect, it } from 'vitest';
import { blockedRange, daysAsRange, freeSlots, slotStepMinutes, type Range, type SlotRules, type WeeklyWindow } from './slots';
import { localDay, localTime, zonedInstant } from '$lib/time/zone';

const everyDay = (startsAt: string, endsAt: string, types: WeeklyWindow['types'] = ['phone', 'home']): WeeklyWindow[] =>
	[1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startsAt, endsAt, types }));
const phone: SlotRules = { minutes: 30, bufferMinutes: 0, noticeHours: 0, horizonDays: 7, stepMinutes: slotStepMinutes };
const at = (day: string, time: string) => zonedInstant(day, time)!;

/** Slots grouped by local day, as local times. */
function byDay(slots: { start: Date }[]): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const s of slots) (out[localDay(s.start)] ??= []).push(localTime(s.start));
	return out;
}

describe('free slots', () => {
	it('lays out the same local times every day of the week the clocks go forward', () => {
		const slots = freeSlots({
			windows: everyDay('09:00', '12:00'),
			type: 'phone',
			rules: phone,
			busy: [],
			off: [],
			now: at('2027-03-25', '00:00')
		});
		const days = byDay(slots);
		expect(Object.keys(days)).toEqual(['2027-03-25', '2027-03-26', '2027-03-27', '2027-03-28', '2027-03-29', '2027-03-30', '2027-03-31']);
		for (const times of Object.values(days)) expect(times).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
		// Before the change 09:00 is 08:00 UTC, after it 07:00 UTC.
		expect(slots.find((s) => localDay(s.start) === '2027-03-27')!.start.toISOString()).toBe('2027-03-27T08:00:00.000Z');
		expect(slots.find((s) => localDay(s.start) === '2027-03-28')!.start.toISOString()).toBe('2027-03-28T07:00:00.000Z');
		expect(new Set(slots.map((s) => s.start.getTime())).size).toBe(slots.length);
	});

	it('lays out the same local times every day of the week the clocks go back', () => {
		const slots = freeSlots({
			windows: everyDay('09:00', '12:00'),
			type: 'phone',
			rules: phone,
			busy: [],
			off: [],
			now: at('2027-10-28', '00:00')
		});
		for (const times of Object.values(byDay(slots))) expect(times).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
		expect(slots.find((s) => localDay(s.start) === '2027-10-31')!.start.toISOString()).toBe('2027-10-31T08:00:00.000Z');
		expect(slots).toHaveLength(42);
	});

	it('never offers a time the clock skips, nor one time twice, across the change at night', () => {
		const night = [{ weekday: 7, startsAt: '01:00', endsAt: '04:00', types: ['phone'] as const }];
		const spring = freeSlots({ windows: night, type: 'phone', rules: phone, busy: [], off: [], now: at('2027-03-27', '12:00') });
		// 01:00–04:00 is two real hours that night.
		expect(spring.map((s) => localTime(s.start))).toEqual(['01:00', '01:30', '03:00', '03:30']);
		const autumn = freeSlots({ windows: night, type: 'phone', rules: phone, busy: [], off: [], now: at('2027-10-30', '12:00') });
		// … and four real hours in autumn: 02:00 and 02:30 come twice, as different instants.
		expect(autumn).toHaveLength(8);
		expect(new Set(autumn.map((s) => s.start.getTime())).size).toBe(8);
		for (const s of autumn) expect(s.end.getTime() - s.start.getTime()).toBe(30 * 60_000);
	});

	it('keeps a home visit and its travel time apart from other meetings', () => {
		const day = '2027-01-12';
		const visit = blockedRange(at(day, '10:00'), 60, 30); // blocks 09:30–11:30
		const slots = freeSlots({
			windows: everyDay('09:00', '13:00'),
			type: 'phone',
			rules: { ...phone, horizonDays: 1 },
			busy: [visit],
			off: [],
			now: at(day, '00:00')
		});
		expect(slots.map((s) => localTime(s.start))).toEqual(['09:00', '11:30', '12:00', '12:30']);
		const home = freeSlots({
			windows: everyDay('09:00', '13:00'),
			type: 'home',
			rules: { minutes: 60, bufferMinutes: 30, noticeHours: 0, horizonDays: 1, stepMinutes: 30 },
			busy: [visit],
			off: [],
			now: at(day, '00:00')
		});
		// A second visit needs its own travel time too: 12:00–13:00 blocks 11:30–13:30.
		expect(home.map((s) => localTime(s.start))).toEqual(['12:00']);
	});

	it('offers nothing inside the notice period, off time or days away, and only the type a window offers', () => {
		const now = at('2027-01-11', '10:10');
		const rules = { ...phone, noticeHours: 24, horizonDays: 4 };
		const off: Range[] = [{ from: at('2027-01-12', '11:00'), to: at('2027-01-12', '11:45') }, daysAsRange('2027-01-13', '2027-01-13')];
		const slots = freeSlots({ windows: everyDay('10:00', '12:00'), type: 'phone', rules, busy: [], off, now });
		expect(byDay(slots)).toEqual({ '2027-01-12': ['10:30'], '2027-01-14': ['10:00', '10:30', '11:00', '11:30'] });
		expect(freeSlots({ windows: everyDay('10:00', '12:00', ['office']), type: 'phone', rules, busy: [], off: [], now })).toEqual([]);
	});

	it('finds three weeks of slots among 500 meetings in well under 20 ms', () => {
		const now = at('2027-01-11', '08:00');
		const busy: Range[] = [];
		for (let i = 0; i < 500; i++) {
			const start = new Date(now.getTime() + 30 * 3_600_000 + i * 75 * 60_000);
			busy.push(blockedRange(start, 45, 0));
		}
		const windows: WeeklyWindow[] = [1, 2, 3, 4, 5].map((weekday) => ({
			weekday,
			startsAt: '08:00',
			endsAt: '16:00',
			types: ['phone', 'home', 'office']
		}));
		const rules = { minutes: 60, bufferMinutes: 30, noticeHours: 24, horizonDays: 21, stepMinutes: 30 };
		freeSlots({ windows, type: 'home', rules, busy, off: [], now }); // warm up
		const t0 = performance.now();
		const slots = freeSlots({ windows, type: 'home', rules, busy, off: [], now });
		const ms = performance.now() - t0;
		expect(ms).toBeLessThan(20);
		for (const s of slots) for (const b of busy) expect(s.blocked.from < b.to && b.from < s.blocked.to).toBe(false);
	});
});
