import { api, familyFor, json, notFoundProblem, methodNotAllowed } from '$lib/server/http/api';
import { getApiFamily } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** One family of the team with its members (families:read). */
export const GET: RequestHandler = api('families:read', async (ctx) => {
	const grant = await familyFor(ctx, 'api.read');
	const family = await getApiFamily(ctx.db, grant);
	return family ? json(family) : notFoundProblem();
});

export const fallback: RequestHandler = methodNotAllowed('GET');
