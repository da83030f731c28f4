import { describe, expect, it } from 'vitest';
import { afterQuiet, deliverAt, quietHours, reminderTimes, urgent } from './timing';
import { localDay, localTime, zonedInstant } from '$lib/time/zone';

const cph = (day: string, time: string) => zonedInstant(day, time)!;
const wall = (d: Date) => `${localDay(d)} ${localTime(d)}`;
const quiet = quietHours('21:00-08:00');

describe('quiet hours', () => {
	it('holds what falls between 21:00 and 08:00 until 08:00, Copenhagen time', () => {
		expect(wall(afterQuiet(cph('2026-12-01', '20:59'), quiet))).toBe('2026-12-01 20:59');
		expect(wall(afterQuiet(cph('2026-12-01', '21:00'), quiet))).toBe('2026-12-02 08:00');
		expect(wall(afterQuiet(cph('2026-12-02', '03:10'), quiet))).toBe('2026-12-02 08:00');
		expect(wall(afterQuiet(cph('2026-12-02', '08:00'), quiet))).toBe('2026-12-02 08:00');
	});
	it('ends at 08:00 local on the night the clocks go forward and back', () => {
		// 29 March 2026: 02:00 becomes 03:00; 25 October 2026: 03:00 becomes 02:00.
		const spring = afterQuiet(cph('2026-03-28', '23:30'), quiet);
		expect(wall(spring)).toBe('2026-03-29 08:00');
		expect(spring.toISOString()).toBe('2026-03-29T06:00:00.000Z');
		const autumn = afterQuiet(cph('2026-10-24', '23:30'), quiet);
		expect(wall(autumn)).toBe('2026-10-25 08:00');
		expect(autumn.toISOString()).toBe('2026-10-25T07:00:00.000Z');
	});
	it('can be turned off, and refuses a setting it cannot read', () => {
		expect(quietHours('off')).toBeNull();
		expect(afterQuiet(cph('2026-12-01', '23:00'), null).getTime()).toBe(cph('2026-12-01', '23:00').getTime());
		expect(() => quietHours('evening')).toThrow(/NOTIFY_QUIET_HOURS/);
	});
});

describe('when a notification goes', () => {
	it('a message waits for more lines, then for the morning', () => {
		expect(wall(deliverAt('message', cph('2026-12-01', '14:00'), { quiet, gather: 120 }))).toBe('2026-12-01 14:02');
		expect(wall(deliverAt('message', cph('2026-12-01', '20:59'), { quiet, gather: 120 }))).toBe('2026-12-02 08:00');
	});
	it("a change to today's meeting goes at once, even at night; one to next week waits", () => {
		const night = cph('2026-12-01', '22:30');
		expect(deliverAt('meeting_cancelled', night, { quiet, meetingTimes: [cph('2026-12-01', '23:00')] })).toEqual(night);
		// Tomorrow 09:00 is less than two hours after the quiet hours end: at once.
		expect(urgent('meeting_moved', [cph('2026-12-02', '09:00')], night, quiet)).toBe(true);
		expect(wall(deliverAt('meeting_moved', night, { quiet, meetingTimes: [cph('2026-12-08', '09:00')] }))).toBe('2026-12-02 08:00');
		// The old time counts too: moved away from this evening.
		expect(urgent('meeting_moved', [cph('2026-12-01', '23:30'), cph('2026-12-09', '10:00')], night, quiet)).toBe(true);
		// A reminder is never a change.
		expect(urgent('reminder_hours', [cph('2026-12-01', '23:00')], night, quiet)).toBe(false);
	});
});

describe('reminders', () => {
	it('for a Monday 09:00 meeting in the week the clocks change: Sunday 09:00 and Monday 08:00', () => {
		// Monday 30 March 2026, the day after summer time began; and Monday 26 October 2026, the day after it ended.
		for (const monday of ['2026-03-30', '2026-10-26']) {
			const start = cph(monday, '09:00');
			const times = reminderTimes(start, cph('2026-03-01', '12:00'), quiet);
			expect(times.map((r) => `${r.kind} ${wall(r.at)}`)).toEqual([
				`reminder_day ${localDay(new Date(start.getTime() - 30 * 3600_000))} 09:00`,
				// 07:00 is inside the quiet hours: 08:00, still before the meeting.
				`reminder_hours ${monday} 08:00`
			]);
		}
		// Across the change the day before is 23 or 25 hours earlier, not 24.
		const spring = reminderTimes(cph('2026-03-30', '09:00'), cph('2026-03-01', '12:00'), quiet)[0].at;
		expect(cph('2026-03-30', '09:00').getTime() - spring.getTime()).toBe(24 * 3600_000);
		const sunday = reminderTimes(cph('2026-03-29', '09:00'), cph('2026-03-01', '12:00'), quiet)[0].at;
		expect(cph('2026-03-29', '09:00').getTime() - sunday.getTime()).toBe(23 * 3600_000);
	});
	it('leaves out a reminder that has passed or would come after the start', () => {
		const start = cph('2026-12-02', '08:30');
		const times = reminderTimes(start, cph('2026-12-01', '12:00'), quiet);
		// 06:30 moves to 08:00, still before 08:30; the day before at 08:30 has passed.
		expect(times.map((r) => `${r.kind} ${wall(r.at)}`)).toEqual(['reminder_hours 2026-12-02 08:00']);
		expect(reminderTimes(cph('2026-12-02', '08:00'), cph('2026-12-01', '12:00'), quiet)).toEqual([]);
	});
});
