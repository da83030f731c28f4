/** The inbox's rows as a page shows them (no database here: the shapes the routes send). */
import { waitedFor } from '$lib/messages/waited';
import type { InboxItem } from '$lib/messages/inbox';
import type { InboxRow } from './inbox';

/** Rows with times as strings and, for those waiting for the team, for how long (worked out here, once). */
export function inboxRowsForPage(rows: InboxRow[], now = new Date()): InboxItem[] {
	return rows.map(({ waitingSince, lastMessageAt, ...r }) => ({
		...r,
		lastMessageAt: lastMessageAt.toISOString(),
		waited: waitingSince && r.status === 'open' ? waitedFor(waitingSince, now) : null
	}));
}

/** `?page=` as a number from 0; anything else is the first page. */
export function pageNumber(value: string | null): number {
	return value && /^\d{1,4}$/.test(value) ? Number(value) : 0;
}
