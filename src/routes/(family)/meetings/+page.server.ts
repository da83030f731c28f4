import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { listMeetings } from '$lib/server/meetings/meetings';
import { meetingView } from '$lib/server/meetings/view';
import { feedAction, loadFeed } from '$lib/server/meetings/feed-page';
import type { Actions, PageServerLoad } from './$types';

/** The family's coming meetings, a few earlier ones, and the way to book. */
export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const { db } = await getDatabase();
	const { coming, earlier } = await listMeetings(db, ownFamily(user, 'meeting.book') ?? notFound());
	return {
		coming: coming.map((m) => meetingView(m)),
		earlier: earlier.map((m) => meetingView(m)),
		calendarFeed: await loadFeed(event, user, '/meetings')
	};
};

export const actions: Actions = {
	/** The member's own calendar feed (optional): make a link, a new one, or turn it off. */
	feed: async (event) => feedAction(event, requireFamily(event), '/meetings')
};
