import { redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { staffMeetings } from '$lib/server/meetings/staff';
import { cancelAction, heldAction, interpreterAction } from '../meeting-actions.server';
import { feedAction, loadFeed } from '$lib/server/meetings/feed-page';
import { addDays, isDay, isoWeekday, localDay, zonedInstant } from '$lib/time/zone';
import type { Actions, PageServerLoad } from './$types';

/** The Monday of the week a day falls in. */
const mondayOf = (day: string) => addDays(day, 1 - isoWeekday(day));

export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const asked = event.url.searchParams.get('week') ?? '';
	const week = mondayOf(isDay(asked) ? asked : localDay(new Date()));
	const { db } = await getDatabase();
	const meetings = await staffMeetings(db, user, zonedInstant(week, '00:00')!, zonedInstant(addDays(week, 7), '00:00')!);
	const days = Array.from({ length: 7 }, (_, i) => addDays(week, i));
	return {
		week,
		previous: addDays(week, -7),
		next: addDays(week, 7),
		today: localDay(new Date()),
		staffId: user.staffId,
		calendarFeed: await loadFeed(event, user, '/staff/calendar'),
		days: days.map((day) => ({
			day,
			meetings: meetings
				.filter((m) => localDay(m.startsAt) === day)
				.map((m) => ({
					...m,
					startsAt: m.startsAt.toISOString(),
					endsAt: m.endsAt.toISOString(),
					begun: m.startsAt.getTime() <= Date.now()
				}))
		}))
	};
};

const back = (event: { url: URL }) =>
	redirect(303, `/staff/calendar${event.url.searchParams.get('week') ? `?week=${event.url.searchParams.get('week')}` : ''}`);

export const actions: Actions = {
	interpreter: async (event) => {
		await interpreterAction(event);
		back(event);
	},
	held: async (event) => {
		await heldAction(event);
		back(event);
	},
	cancel: async (event) => {
		const failed = await cancelAction(event);
		if (failed) return failed;
		back(event);
	},
	feed: async (event) => feedAction(event, requireStaff(event), '/staff/calendar')
};
