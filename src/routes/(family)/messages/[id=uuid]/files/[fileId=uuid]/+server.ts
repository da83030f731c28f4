import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { readMessageFile } from '$lib/server/files/message-files';
import { fileResponse } from '$lib/server/files/response';
import type { RequestHandler } from './$types';

/** A file on a message, for a member who may see the conversation (`?size=thumb`: a photo's thumbnail); else 404 like a missing one. */
export const GET: RequestHandler = async (event) => {
	const user = requireFamily(event);
	const grant = ownFamily(user, 'message.write') ?? notFound();
	const thumb = event.url.searchParams.get('size') === 'thumb';
	const { db } = await getDatabase();
	const file = (await readMessageFile(db, grant, event.params.id, event.params.fileId, thumb)) ?? notFound();
	return fileResponse(file, thumb);
};
