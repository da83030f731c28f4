import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { bookableStaff } from '$lib/server/meetings/booking';
import { readChoices } from '$lib/schemas/meetings';
import type { PageServerLoad } from './$types';

/** Step 1: with whom, and what kind of meeting. */
export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const { db } = await getDatabase();
	const people = await bookableStaff(db, ownFamily(user, 'meeting.book') ?? notFound());
	const chosen = readChoices(event.url.searchParams);
	return {
		// Someone who offers no kind of meeting has no times to book.
		people: people.filter((p) => p.types.length),
		chosen: chosen.staffId && chosen.type ? `${chosen.staffId}~${chosen.type}` : null,
		// Sent back here from a later step without a choice.
		missing: event.url.searchParams.has('missing')
	};
};
