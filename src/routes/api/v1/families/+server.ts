import { api, audited, pageJson, readPage, methodNotAllowed } from '$lib/server/http/api';
import { listApiFamilies } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** The team's families, a page at a time (families:read). */
export const GET: RequestHandler = api('families:read', async (ctx) => {
	const page = readPage(ctx);
	await audited(ctx);
	return pageJson(ctx, await listApiFamilies(ctx.db, ctx.caller, page), page.limit);
});

export const fallback: RequestHandler = methodNotAllowed('GET');
