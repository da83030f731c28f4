import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { readFamilyListQuery, staffFamilyList } from '$lib/server/family-list';
import { mayReadOutbox } from '$lib/server/outbox/list';
import { serverChannels } from '$lib/server/outbox/channels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const query = readFamilyListQuery(event.url.searchParams);
	const { db } = await getDatabase();
	const outbox = mayReadOutbox(user, serverChannels());
	return { ...(await staffFamilyList(db, user, query)), query, role: user.role, outbox: outbox.failed || outbox.kept };
};
