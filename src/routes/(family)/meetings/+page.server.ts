import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { listMeetings } from '$lib/server/meetings/meetings';
import { meetingView } from '$lib/server/meetings/view';
import type { PageServerLoad } from './$types';

/** The family's coming meetings, a few earlier ones, and the way to book. */
export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const { db } = await getDatabase();
	const { coming, earlier } = await listMeetings(db, ownFamily(user, 'meeting.book') ?? notFound());
	return { coming: coming.map((m) => meetingView(m)), earlier: earlier.map((m) => meetingView(m)) };
};
