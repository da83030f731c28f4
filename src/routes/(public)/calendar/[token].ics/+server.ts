import { getDatabase } from '$lib/server/db';
import { feedFor } from '$lib/server/meetings/feeds';
import type { RequestHandler } from './$types';

/**
 * A private calendar feed (meetings/feeds.ts): public, no session — the secret in the URL is the
 * key. A malformed, unknown, replaced or turned-off secret gets the same bare 404. Never stored
 * by a browser or proxy (the feed is personal; calendar apps poll on their own schedule and
 * ignore max-age anyway); hooks.server.ts sends the same for this route's every answer.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const headers = { 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff', 'x-robots-tag': 'noindex' };
	const { db } = await getDatabase();
	const body = await feedFor(db, params.token, url.origin);
	if (body === null)
		return new Response('Not found', { status: 404, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
	return new Response(body, { headers: { ...headers, 'content-type': 'text/calendar; charset=utf-8' } });
};
