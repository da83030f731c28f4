/**
 * The API's edge (/api/v1): the bearer token, its scope, the request's query and body, and
 * every answer — JSON with `Cache-Control: no-store`, errors as RFC 9457 problem details
 * (`application/problem+json`). Bad input is a 400 problem, never a 500; another team's family
 * is the same 404 as none.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { getDatabase, type Db } from '../db';
import { checkApiToken, retryAfterSeconds, takeCall } from '../api-tokens';
import { apiFamilyGrant, auditApiCall, type Action, type ApiCaller, type FamilyGrant } from '../access';
import { decodeCursor } from '../api';
import { isUuid } from '$lib/shapes';
import { pageQuery, type PageQuery, type Problem } from '$lib/schemas/api';
import type { ApiScope } from '$lib/codes';

const base = '/api/v1';
const titles: Record<number, string> = {
	400: 'Bad request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not found',
	405: 'Method not allowed',
	413: 'Content too large',
	415: 'Unsupported media type',
	422: 'Unprocessable content',
	429: 'Too many requests'
};

/** A problem answer; `type` names the kind of problem (documented in the reference). */
export function problem(
	status: number,
	type: string,
	detail: string,
	extra: Partial<Problem> = {},
	headers: Record<string, string> = {}
): Response {
	const body: Problem = { type: `${base}/problems/${type}`, title: titles[status] ?? 'Error', status, detail, ...extra };
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...headers }
	});
}

/**
 * The `fallback` of an endpoint: any method it does not have is a problem+json 405 with
 * `Allow`, not SvelteKit's plain-text one. HEAD comes with GET, as SvelteKit serves it.
 */
export function methodNotAllowed(...methods: ('GET' | 'POST')[]) {
	const allow = [...methods, ...(methods.includes('GET') ? ['HEAD'] : [])].join(', ');
	return ({ request }: { request: Request }): Response =>
		problem(405, 'method-not-allowed', `${request.method} is not allowed here; use ${allow}.`, {}, { allow });
}

/** Stops handling a request with a problem answer (caught by `api()`). */
class Stop {
	constructor(readonly response: Response) {}
}
const stop = (response: Response): never => {
	throw new Stop(response);
};

export function json(body: unknown, status = 200): Response {
	return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
}

export interface ApiContext {
	db: Db;
	caller: ApiCaller;
	event: RequestEvent;
	/** What the audit log says was asked: the method and the route, never a query string. */
	what: string;
}

/**
 * Runs one API call: the token (401 when missing, wrong, expired or revoked), its scope (403),
 * then the handler, whose access check counts the call (429 past the token's rate) and audits it
 * in one statement. Problems thrown inside become their answer.
 */
export function api(scope: ApiScope, handler: (ctx: ApiContext) => Promise<Response>) {
	return async (event: RequestEvent): Promise<Response> => {
		try {
			const header = event.request.headers.get('authorization') ?? '';
			const m = /^Bearer (\S+)$/i.exec(header);
			if (!m)
				return problem(
					401,
					'unauthorized',
					'Send a token of your team: Authorization: Bearer <token>.',
					{},
					{ 'www-authenticate': 'Bearer' }
				);
			const { db } = await getDatabase();
			const check = await checkApiToken(db, m[1]);
			if (!check.ok) {
				const detail = { invalid: 'The token is not valid.', expired: 'The token has expired.', revoked: 'The token was revoked.' }[
					check.reason
				];
				return problem(401, 'unauthorized', detail, {}, { 'www-authenticate': 'Bearer error="invalid_token"' });
			}
			if (!check.scopes.includes(scope)) return problem(403, 'insufficient-scope', `This call needs the scope ${scope}.`);
			const what = `${event.request.method} ${event.route.id?.replace(/^\/api\/v1/, '').replace('[id]', '{id}') ?? ''}`;
			return await handler({ db, caller: check.caller, event, what });
		} catch (e) {
			if (e instanceof Stop) return e.response;
			throw e;
		}
	};
}

export const notFoundProblem = () => problem(404, 'not-found', 'There is no such family in your team.');

/** Past the token's calls for now: 429 with Retry-After. */
async function limited(ctx: ApiContext): Promise<never> {
	const seconds = await retryAfterSeconds(ctx.db, ctx.caller.tokenId);
	return stop(problem(429, 'rate-limited', 'Too many calls with this token; try again later.', {}, { 'retry-after': String(seconds) }));
}

/** The family in the path, granted for an action, the call counted and audited — or a 404 (or 429) problem. */
export async function familyFor(ctx: ApiContext, action: Action): Promise<FamilyGrant> {
	const id = ctx.event.params.id;
	if (!isUuid(id)) return stop(notFoundProblem());
	const grant = await apiFamilyGrant(ctx.db, ctx.caller, id, action, ctx.what, takeCall(ctx.caller.tokenId));
	if (grant === 'limited') return limited(ctx);
	return grant ?? stop(notFoundProblem());
}

/** Counts and audits a call about no one family — or a 429 problem. */
export async function audited(ctx: ApiContext): Promise<void> {
	if (!(await auditApiCall(ctx.db, ctx.caller, ctx.what, takeCall(ctx.caller.tokenId)))) await limited(ctx);
}

/** `?limit=&cursor=` read, or a 400 problem naming the bad parameter. */
export function readPage(ctx: ApiContext): PageQuery & { after: string | null } {
	const q = ctx.event.url.searchParams;
	const parsed = pageQuery.safeParse({ limit: q.get('limit') ?? undefined, cursor: q.get('cursor') ?? undefined });
	if (!parsed.success) return stop(invalid(parsed.error));
	const after = decodeCursor(parsed.data.cursor);
	if (parsed.data.cursor && !after)
		return stop(
			problem(400, 'invalid-request', 'The cursor is not one this API gave.', { errors: [{ field: 'cursor', message: 'unknown cursor' }] })
		);
	return { ...parsed.data, after };
}

/** A page as JSON, with the URL of the next one. */
export function pageJson(ctx: ApiContext, page: { data: unknown[]; next: string | null }, limit: number): Response {
	let next: string | null = null;
	if (page.next) {
		const url = new URL(ctx.event.url.pathname, ctx.event.url.origin);
		url.searchParams.set('limit', String(limit));
		url.searchParams.set('cursor', page.next);
		next = url.href;
	}
	return json({ data: page.data, next });
}

function invalid(error: z.ZodError): Response {
	const errors = error.issues.map((i) => ({
		field: i.path.join('.') || '(body)',
		message: i.message.startsWith('validation.') ? i.message.slice(11) : i.message
	}));
	return problem(400, 'invalid-request', 'The request has invalid fields; see errors.', { errors });
}

/** The JSON body parsed by a schema, or a 415/400 problem. */
export async function readJson<T extends z.ZodType>(ctx: ApiContext, schema: T): Promise<z.output<T>> {
	const type = (ctx.event.request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (type !== 'application/json') return stop(problem(415, 'unsupported-media-type', 'Send the body as application/json.'));
	let body: unknown;
	try {
		body = JSON.parse(await ctx.event.request.text());
	} catch {
		return stop(problem(400, 'invalid-request', 'The body is not valid JSON.'));
	}
	const parsed = schema.safeParse(body);
	if (!parsed.success) return stop(invalid(parsed.error));
	return parsed.data;
}
