import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { conversationVisible } from '$lib/server/messages/conversations';
import { changeStream } from '$lib/server/messages/events';
import { liveHub } from '$lib/server/messages/live';
import type { RequestHandler } from './$types';

/** The open conversation page's live changes (with JavaScript); a hidden conversation is 404 like a missing one. */
export const GET: RequestHandler = async (event) => {
	const user = requireFamily(event);
	const grant = ownFamily(user, 'message.write') ?? notFound();
	const { db } = await getDatabase();
	if (!(await conversationVisible(db, grant, event.params.id))) notFound();
	return changeStream(liveHub(), event.params.id, event.request.signal);
};
