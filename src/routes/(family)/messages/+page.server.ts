import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { listConversations } from '$lib/server/messages/conversations';
import { conversationItems } from '$lib/server/messages/family-view';
import type { PageServerLoad } from './$types';

/** The member's conversations with the team, newest first (a teenager's: only their own). */
export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const grant = ownFamily(user, 'message.write') ?? notFound();
	const { db } = await getDatabase();
	const rows = await listConversations(db, grant);
	return { conversations: conversationItems(rows, event.locals.locale), teen: user.role === 'child' };
};
