import { redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { slotsOf, staffCalendar } from '$lib/server/meetings/booking';
import { slotsByDay } from '$lib/server/meetings/members';
import { choicesFor, stepHref } from '$lib/schemas/meetings';
import { slotWeeks, weekPage } from '$lib/slot-weeks';
import type { PageServerLoad } from './$types';

/**
 * Step 2: a free time with the person chosen, for the kind chosen; one week at a time (?week=,
 * any day of it), the first week with a free time to begin with.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const step = choicesFor(2, event.url.searchParams);
	if ('redirect' in step) redirect(303, step.redirect);
	const { chosen } = step;
	const { staffId, type } = chosen as Required<typeof chosen>;
	const { db } = await getDatabase();
	const calendar = await staffCalendar(db, ownFamily(user, 'meeting.book') ?? notFound(), staffId);
	// Someone the family may not book: choose again.
	if (!calendar) redirect(303, '/meetings/book?missing=1');
	// How long finding the free times took (DevTools and `npm run bench` read it).
	const started = performance.now();
	const slots = slotsOf(calendar, type);
	event.setHeaders({
		'server-timing': `slots;dur=${(performance.now() - started).toFixed(2)};desc="free times (${calendar.busy.length} busy)"`
	});
	// The other weeks are this page with the same choices and another week.
	const query = new URLSearchParams(event.url.searchParams);
	query.delete('week');
	return {
		type,
		staff: { name: calendar.name, phone: calendar.phone },
		page: weekPage(slotWeeks(slotsByDay(slots)), event.url.searchParams.get('week')),
		query: query.toString(),
		back: stepHref(1, chosen),
		// Later choices come back along when the time is changed from the confirm page.
		keep: { staff: staffId, type, members: chosen.memberIds ?? [], interpreter: chosen.interpreter ?? null }
	};
};
