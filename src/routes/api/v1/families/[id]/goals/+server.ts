import { api, familyFor, pageJson, readPage, methodNotAllowed } from '$lib/server/http/api';
import { listApiGoals } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** The family's goals, a page at a time (goals:read). */
export const GET: RequestHandler = api('goals:read', async (ctx) => {
	const page = readPage(ctx);
	const grant = await familyFor(ctx, 'api.read');
	return pageJson(ctx, await listApiGoals(ctx.db, grant, page), page.limit);
});

export const fallback: RequestHandler = methodNotAllowed('GET');
