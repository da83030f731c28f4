import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { familyGrant } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { readMessageFile } from '$lib/server/files/message-files';
import { fileResponse } from '$lib/server/files/response';
import type { RequestHandler } from './$types';

/** A file on a message, for staff who work with the family (the grant is audited); else 404 like a missing one. */
export const GET: RequestHandler = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const grant = (await familyGrant(db, user, event.params.id, 'message.write')) ?? notFound();
	const thumb = event.url.searchParams.get('size') === 'thumb';
	const file = (await readMessageFile(db, grant, event.params.conversationId, event.params.fileId, thumb)) ?? notFound();
	return fileResponse(file, thumb);
};
