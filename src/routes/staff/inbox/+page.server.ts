import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { inboxFilters, staffInbox, type InboxFilter } from '$lib/server/messages/inbox';
import { inboxRowsForPage, pageNumber } from '$lib/server/messages/inbox-page';
import type { PageServerLoad } from './$types';

/** The caseworker's inbox: the filter and the page are in the query, so the links work without JavaScript. */
export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const q = event.url.searchParams;
	const filter: InboxFilter = inboxFilters.find((f) => f === q.get('filter')) ?? 'all';
	const page = pageNumber(q.get('page'));
	const { db } = await getDatabase();
	const { rows, more } = await staffInbox(db, user, filter, page);
	return { filter, page, more, rows: inboxRowsForPage(rows) };
};
