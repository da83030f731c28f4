import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { calendarFile, meetingUid, type CalendarEvent } from './ics';
import { zonedInstant } from '$lib/time/zone';

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
	id: '5b0e7d1e-1111-4a4a-9b9b-2c2c2c2c2c2c',
	startsAt: zonedInstant('2027-03-29', '09:00')!,
	endsAt: zonedInstant('2027-03-29', '10:00')!,
	status: 'booked',
	sequence: 0,
	updatedAt: new Date('2027-03-01T10:00:00Z'),
	summary: 'Hjemmebesøg med Mette Kjær',
	description: 'Tolk: arabisk; comma, semicolon; and a line\nbreak',
	location: 'Gellerupvej 12, 8220 Brabrand',
	...over
});

function parse(text: string) {
	const component = new ICAL.Component(ICAL.parse(text));
	return component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('meetings as iCalendar', () => {
	it('writes times that a real parser reads as the same instants, on both sides of each daylight saving change', () => {
		const days = [
			['2027-03-27', '09:00'], // winter time, the day before the spring change
			['2027-03-29', '09:00'], // summer time
			['2027-10-30', '09:00'], // summer time, the day before the autumn change
			['2027-11-01', '09:00'] // winter time
		];
		const events = days.map(([day, time], i) =>
			event({
				id: `00000000-0000-4000-8000-00000000000${i}`,
				startsAt: zonedInstant(day, time)!,
				endsAt: new Date(zonedInstant(day, time)!.getTime() + 30 * 60_000)
			})
		);
		const parsed = parse(calendarFile('Møder', events));
		expect(parsed.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
			'2027-03-27T08:00:00.000Z',
			'2027-03-29T07:00:00.000Z',
			'2027-10-30T07:00:00.000Z',
			'2027-11-01T08:00:00.000Z'
		]);
		for (const e of parsed) expect(e.endDate.toJSDate().getTime() - e.startDate.toJSDate().getTime()).toBe(30 * 60_000);
	});

	it('keeps the UID through a move, raises SEQUENCE, and says CANCELLED when cancelled', () => {
		const [booked] = parse(calendarFile('x', [event()]));
		const [moved] = parse(
			calendarFile('x', [
				event({ sequence: 1, startsAt: zonedInstant('2027-03-30', '11:00')!, endsAt: zonedInstant('2027-03-30', '12:00')! })
			])
		);
		const [cancelled] = parse(calendarFile('x', [event({ sequence: 2, status: 'cancelled' })]));
		expect(booked.uid).toBe(meetingUid(event().id));
		expect(moved.uid).toBe(booked.uid);
		expect(cancelled.uid).toBe(booked.uid);
		expect([booked.sequence, moved.sequence, cancelled.sequence]).toEqual([0, 1, 2]);
		expect(booked.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
		expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
	});

	it('carries text with commas, semicolons, line breaks and other scripts intact', () => {
		const [e] = parse(calendarFile('x', [event({ summary: 'زيارة منزلية مع Mette Kjær' })]));
		expect(e.summary).toBe('زيارة منزلية مع Mette Kjær');
		expect(e.description).toBe(event().description);
		expect(e.location).toBe(event().location);
	});
});
