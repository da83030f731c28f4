import { problem } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** Anything else under /api/v1 is a problem+json 404, not the portal's page. */
export const fallback: RequestHandler = () => problem(404, 'not-found', 'There is no such endpoint; see /api/v1/openapi.json.');
