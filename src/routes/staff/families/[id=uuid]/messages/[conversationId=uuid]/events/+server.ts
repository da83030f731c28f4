import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { familyGrant } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { conversationVisible } from '$lib/server/messages/conversations';
import { changeStream } from '$lib/server/messages/events';
import { liveHub } from '$lib/server/messages/live';
import type { RequestHandler } from './$types';

/** The open conversation page's live changes, for staff who work with the family (the grant is audited). */
export const GET: RequestHandler = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const grant = (await familyGrant(db, user, event.params.id, 'message.write')) ?? notFound();
	if (!(await conversationVisible(db, grant, event.params.conversationId))) notFound();
	return changeStream(liveHub(), event.params.conversationId, event.request.signal);
};
