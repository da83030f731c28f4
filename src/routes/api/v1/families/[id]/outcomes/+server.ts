import { api, familyFor, json, pageJson, problem, readJson, readPage, methodNotAllowed } from '$lib/server/http/api';
import { listApiOutcomes } from '$lib/server/api';
import { recordOutcome } from '$lib/server/outcomes';
import { outcomeBody } from '$lib/schemas/api';
import type { RequestHandler } from './$types';

/** The family's outcomes, a page at a time (outcomes:read). */
export const GET: RequestHandler = api('outcomes:read', async (ctx) => {
	const page = readPage(ctx);
	const grant = await familyFor(ctx, 'api.read');
	return pageJson(ctx, await listApiOutcomes(ctx.db, grant, page), page.limit);
});

/**
 * Records an outcome (outcomes:write), as the staff page does: the same person, kind and day
 * again corrects it. A member of another family, or a kind that does not fit them, is a 422.
 */
export const POST: RequestHandler = api('outcomes:write', async (ctx) => {
	const body = await readJson(ctx, outcomeBody);
	const grant = await familyFor(ctx, 'outcome.record');
	const result = await recordOutcome(ctx.db, grant, body, 'api');
	if (!result.ok)
		return problem(422, 'wrong-member', 'The member is not in this family, or this kind of outcome does not fit them.', {
			errors: [{ field: 'member', message: 'wrongMember' }]
		});
	return json({ id: result.id }, 201);
});

export const fallback: RequestHandler = methodNotAllowed('GET', 'POST');
