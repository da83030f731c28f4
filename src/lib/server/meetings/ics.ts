/**
 * A meeting as an iCalendar file (RFC 5545), for "add to calendar" and the staff feed: a stable
 * UID per meeting, SEQUENCE raised on every change, STATUS:CANCELLED once cancelled. Times are
 * written in UTC ("…Z"), which every calendar shows in its owner's zone and which no daylight
 * saving change can shift (a TZID time written from a plain Date would take the server's
 * clock: STACK-NOTES). Built with ical-generator, which escapes and folds lines correctly.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface CalendarEvent {
	id: string;
	startsAt: Date;
	endsAt: Date;
	status: string;
	sequence: number;
	updatedAt: Date;
	/** Already in the reader's language: "Phone call with Mette Kjær". */
	summary: string;
	description: string;
	location: string;
	/** The meeting's page in the portal (the URL property; clients that ignore it read the description). */
	url?: string;
}

/** How a meeting's status reads in a calendar: a proposed time is tentative until the family says yes. */
function eventStatus(status: string): ICalEventStatus {
	if (status === 'cancelled') return ICalEventStatus.CANCELLED;
	return status === 'proposed' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED;
}

/** The UID a meeting keeps through every move and its cancellation. */
export function meetingUid(id: string): string {
	return `${id}@opgang`;
}

/** `refreshSeconds`: for a subscription, how often its calendar app is asked to fetch it again. */
export function calendarFile(name: string, events: CalendarEvent[], refreshSeconds?: number): string {
	const calendar = ical({
		name,
		prodId: { company: 'Opgang', product: 'Opgang', language: 'DA' },
		method: ICalCalendarMethod.PUBLISH,
		ttl: refreshSeconds ?? null
	});
	for (const e of events) {
		calendar.createEvent({
			id: meetingUid(e.id),
			start: e.startsAt,
			end: e.endsAt,
			stamp: e.updatedAt,
			lastModified: e.updatedAt,
			sequence: e.sequence,
			status: eventStatus(e.status),
			summary: e.summary,
			description: e.description || null,
			location: e.location || null,
			url: e.url ?? null
		});
	}
	return calendar.toString();
}
