import { describe, expect, it } from 'vitest';
import { addDays, isDay, isoWeekday, localDay, localTime, offsetMinutes, zonedInstant } from './zone';

describe('Copenhagen wall clock and instants', () => {
	it('knows winter and summer time', () => {
		expect(zonedInstant('2027-01-15', '09:00')?.toISOString()).toBe('2027-01-15T08:00:00.000Z');
		expect(zonedInstant('2027-07-15', '09:00')?.toISOString()).toBe('2027-07-15T07:00:00.000Z');
		expect(offsetMinutes(Date.parse('2027-01-15T12:00:00Z'))).toBe(60);
		expect(offsetMinutes(Date.parse('2027-07-15T12:00:00Z'))).toBe(120);
	});

	it('skips the hour the clock skips in spring, and nothing else that day', () => {
		expect(zonedInstant('2027-03-28', '01:59')?.toISOString()).toBe('2027-03-28T00:59:00.000Z');
		expect(zonedInstant('2027-03-28', '02:00')).toBeNull();
		expect(zonedInstant('2027-03-28', '02:30')).toBeNull();
		expect(zonedInstant('2027-03-28', '03:00')?.toISOString()).toBe('2027-03-28T01:00:00.000Z');
		expect(zonedInstant('2027-03-28', '09:00')?.toISOString()).toBe('2027-03-28T07:00:00.000Z');
	});

	it('takes the first of the hour the clock repeats in autumn', () => {
		expect(zonedInstant('2027-10-31', '02:30')?.toISOString()).toBe('2027-10-31T00:30:00.000Z');
		expect(zonedInstant('2027-10-31', '03:00')?.toISOString()).toBe('2027-10-31T02:00:00.000Z');
		expect(zonedInstant('2027-10-31', '09:00')?.toISOString()).toBe('2027-10-31T08:00:00.000Z');
		expect(zonedInstant('2027-10-30', '09:00')?.toISOString()).toBe('2027-10-30T07:00:00.000Z');
	});

	it('reads an instant back as the local day and time', () => {
		const at = new Date('2027-03-27T23:30:00Z'); // 00:30 on the 28th in Copenhagen
		expect(localDay(at)).toBe('2027-03-28');
		expect(localTime(at)).toBe('00:30');
		expect(localTime(new Date('2027-03-28T01:00:00Z'))).toBe('03:00');
	});

	it('counts days and weekdays without a time zone', () => {
		expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(isoWeekday('2026-11-30')).toBe(1);
		expect(isoWeekday('2026-12-06')).toBe(7);
		expect(isDay('2027-02-29')).toBe(false);
		expect(isDay('2028-02-29')).toBe(true);
		expect(isDay('2027-1-01')).toBe(false);
	});
});
