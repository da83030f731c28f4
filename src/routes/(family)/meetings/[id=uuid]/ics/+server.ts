import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { getMeeting } from '$lib/server/meetings/meetings';
import { meetingCalendarFile } from '$lib/server/meetings/view';
import type { RequestHandler } from './$types';

/** "Add to calendar": the meeting as an .ics file, in the member's language. */
export const GET: RequestHandler = async (event) => {
	const user = requireFamily(event);
	const { db } = await getDatabase();
	const meeting = await getMeeting(db, ownFamily(user, 'meeting.book') ?? notFound(), event.params.id);
	if (!meeting) notFound();
	const body = meetingCalendarFile(meeting, event.locals, new URL(`/meetings/${meeting.id}`, event.url).href);
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="meeting-${meeting.startsAt.toISOString().slice(0, 10)}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
};
