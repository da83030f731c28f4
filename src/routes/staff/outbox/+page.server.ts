import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { notFound } from '$lib/server/http/not-found';
import { serverChannels } from '$lib/server/outbox/channels';
import { failedNotifications, keptMail, mayReadOutbox } from '$lib/server/outbox/list';
import type { PageServerLoad } from './$types';

/** Notifications that could not be sent (team leader), and the demo's kept e-mails. */
export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const may = mayReadOutbox(user, serverChannels());
	if (!may.failed && !may.kept) notFound();
	const { db } = await getDatabase();
	const [failed, kept] = await Promise.all([
		may.failed ? failedNotifications(db, user) : null,
		may.kept ? keptMail(db, user, event.url.origin) : null
	]);
	return { failed, kept };
};
