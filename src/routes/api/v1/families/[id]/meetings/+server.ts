import { api, familyFor, pageJson, readPage, methodNotAllowed } from '$lib/server/http/api';
import { listApiMeetings } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** The family's meetings, a page at a time (meetings:read). */
export const GET: RequestHandler = api('meetings:read', async (ctx) => {
	const page = readPage(ctx);
	const grant = await familyFor(ctx, 'api.read');
	return pageJson(ctx, await listApiMeetings(ctx.db, grant, page), page.limit);
});

export const fallback: RequestHandler = methodNotAllowed('GET');
