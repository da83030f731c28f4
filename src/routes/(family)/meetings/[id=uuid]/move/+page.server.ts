import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { getMeeting, moveMeeting } from '$lib/server/meetings/meetings';
import { slotsOf, staffCalendar } from '$lib/server/meetings/booking';
import { slotsByDay } from '$lib/server/meetings/members';
import { meetingView } from '$lib/server/meetings/view';
import { fieldErrors } from '$lib/schemas/forms';
import { moveSchema, weekSchema } from '$lib/schemas/meetings';
import { slotWeeks } from '$lib/slot-weeks';
import type { Actions, PageServerLoad } from './$types';

/**
 * Another free time with the same person, for the same kind of meeting (its own time does not
 * stand in the way), one week at a time: every week comes along, and the page shows the one
 * asked for (?week=, or "earlier/later times", which post the reason typed so far with them).
 */
export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const grant = ownFamily(user, 'meeting.book') ?? notFound();
	const { db } = await getDatabase();
	const meeting = await getMeeting(db, grant, event.params.id);
	if (!meeting) notFound();
	const view = meetingView(meeting);
	const calendar = view.mayChange ? await staffCalendar(db, grant, meeting.staff.id, meeting.id) : null;
	return {
		meeting: view,
		weeks: calendar ? slotWeeks(slotsByDay(slotsOf(calendar, meeting.type))) : [],
		week: event.url.searchParams.get('week')
	};
};

export const actions: Actions = {
	/** Another week of times, keeping the reason typed (no JavaScript: the page is drawn again). */
	week: async (event) => {
		requireFamily(event);
		const form = await readForm(event.request);
		const parsed = weekSchema.safeParse(form);
		return { values: { reason: form.reason ?? '' }, errors: {}, week: parsed.success ? parsed.data.week : null };
	},
	move: async (event) => {
		const user = requireFamily(event);
		const form = await readForm(event.request);
		const parsed = moveSchema.safeParse(form);
		if (!parsed.success) {
			const errors = fieldErrors(parsed.error);
			// A broken time is not the reader's typing: ask them to choose one of the times again.
			if (errors.start) errors.start = 'validation.chooseTime';
			return fail(400, { values: { reason: form.reason ?? '' }, errors });
		}
		const { db } = await getDatabase();
		const result = await moveMeeting(db, ownFamily(user, 'meeting.book') ?? notFound(), {
			id: event.params.id,
			start: parsed.data.start,
			reason: parsed.data.reason
		});
		if (result.ok) redirect(303, `/meetings/${event.params.id}?done=moved`);
		if (result.reason === 'notFound') notFound();
		const values = { reason: parsed.data.reason };
		if (result.reason === 'tooLate') return fail(409, { values, errors: {}, tooLate: true });
		return fail(409, { values, errors: {}, taken: slotWeeks(slotsByDay(result.slots)) });
	}
};
