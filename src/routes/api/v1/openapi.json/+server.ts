import { methodNotAllowed } from '$lib/server/http/api';
import { openApiDocument } from '$lib/server/api-openapi';
import type { RequestHandler } from './$types';

/** The API's OpenAPI 3.1 document, generated from the schemas the endpoints parse with. */
export const GET: RequestHandler = ({ url }) =>
	new Response(JSON.stringify(openApiDocument(url.origin)), {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' }
	});

export const fallback: RequestHandler = methodNotAllowed('GET');
