import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { familyGrant } from '$lib/server/access';
import { getFamilyName } from '$lib/server/families';
import { familyConversations } from '$lib/server/messages/inbox';
import { inboxRowsForPage, pageNumber } from '$lib/server/messages/inbox-page';
import { notFound } from '$lib/server/http/not-found';
import type { PageServerLoad } from './$types';

/** One family's conversations with the team, newest activity first (reading them is audited: the grant). */
export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const grant = (await familyGrant(db, user, event.params.id, 'message.write')) ?? notFound();
	const page = pageNumber(event.url.searchParams.get('page'));
	const [name, { rows, more }] = await Promise.all([getFamilyName(db, grant), familyConversations(db, grant, page)]);
	return { familyId: grant.familyId, familyName: name ?? notFound(), page, more, rows: inboxRowsForPage(rows) };
};
