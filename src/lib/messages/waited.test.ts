import { describe, expect, it } from 'vitest';
import { initials, waitedFor } from './waited';

describe('waitedFor', () => {
	const now = new Date('2026-03-29T12:00:00Z');
	const ago = (ms: number) => new Date(now.getTime() - ms);
	it('says the largest whole unit', () => {
		expect(waitedFor(ago(10_000), now)).toEqual({ unit: 'minutes', count: 1 });
		expect(waitedFor(ago(59 * 60_000), now)).toEqual({ unit: 'minutes', count: 59 });
		expect(waitedFor(ago(3 * 3600_000 + 59 * 60_000), now)).toEqual({ unit: 'hours', count: 3 });
		expect(waitedFor(ago(2 * 86400_000 + 3 * 3600_000), now)).toEqual({ unit: 'days', count: 2 });
	});
	it('never says less than a minute, even for a clock a little ahead', () => {
		expect(waitedFor(new Date(now.getTime() + 5000), now)).toEqual({ unit: 'minutes', count: 1 });
	});
});

describe('initials', () => {
	it('takes the first and the last name', () => {
		expect(initials('Amina Hassan')).toBe('AH');
		expect(initials('  Mette  ')).toBe('M');
		expect(initials('Ayşe Nur Yılmaz')).toBe('AY');
		expect(initials('زهرا رحیمی')).toBe('زر');
		expect(initials('')).toBe('');
	});
});
