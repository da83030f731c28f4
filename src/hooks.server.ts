import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getDatabase, refreshStatistics } from '$lib/server/db';
import { deleteExpiredSessions, validateSessionToken } from '$lib/server/auth/session';
import { deleteStaleThrottles } from '$lib/server/auth/throttle';
import { deleteStaleDevices } from '$lib/server/auth/devices';
import { deleteExpiredAudit, retentionDays } from '$lib/server/audit';
import { describeError } from '$lib/server/log';
import { sessionCookieName, setSessionCookie, clearSessionCookie } from '$lib/server/auth/cookies';
import { defaultLocale, dirOf, fromAcceptLanguage, isLocale } from '$lib/i18n/locales';
import { translatorFor } from '$lib/server/i18n';
import { languageCookie } from '$lib/server/language';
import { linkLanguage } from '$lib/server/auth/link-pages';
import { countingQueries, withQueryCount } from '$lib/server/db/query-count';
import { markOversized } from '$lib/server/http/form';
import { startWorker } from '$lib/server/outbox/worker';
import { notifyDueSteps, notifyStillGoing } from '$lib/server/outbox/enqueue';
import { serverChannels } from '$lib/server/outbox/channels';
import { vapidKeys } from '$lib/server/outbox/push';

export const init: ServerInit = async () => {
	// A wrong AUDIT_RETENTION_DAYS stops the start here, not at the first hourly tidy-up.
	const auditDays = retentionDays();
	const { db, close, backend } = await getDatabase();
	if (process.env.OPGANG_DEMO === '1') {
		const { seedDemoIfEmpty, printDemoSignIns } = await import('$lib/server/demo/seed');
		const loaded = await seedDemoIfEmpty(db);
		printDemoSignIns(loaded);
		// The end-to-end tests' own families (playwright.config.ts); never set in production.
		const testFamilies = process.env.OPGANG_TEST_FAMILIES;
		if (loaded && testFamilies) {
			const { seedTestFamilies } = await import('$lib/server/demo/test-families');
			await seedTestFamilies(db, Number(testFamilies));
			// An expired API token with a secret the tests know (api.spec.ts).
			const { seedTestApiTokens } = await import('$lib/server/demo/test-api-tokens');
			await seedTestApiTokens(db);
			// Families with a message waiting for the team (the staff's message tests).
			const messageFamilies = process.env.OPGANG_TEST_MESSAGE_FAMILIES;
			if (messageFamilies) {
				const { seedMessageFamilies } = await import('$lib/server/demo/test-messages');
				await seedMessageFamilies(db, Number(messageFamilies));
			}
		}
		// `npm run bench`: a full calendar for the free-times page (never set in production).
		const benchMeetings = process.env.OPGANG_BENCH_MEETINGS;
		if (loaded && benchMeetings) {
			const { seedBenchMeetings } = await import('$lib/server/demo/bench-meetings');
			await seedBenchMeetings(db, Number(benchMeetings));
		}
		// `npm run bench`: a full inbox and a long conversation (never set in production).
		if (loaded && process.env.OPGANG_BENCH_MESSAGES === '1') {
			const { seedBenchMessages } = await import('$lib/server/demo/bench-messages');
			await seedBenchMessages(db);
		}
	}
	// Housekeeping at start and hourly: expired sessions, old throttle counts, forgotten devices,
	// audit rows past their retention.
	const tidy = async () => {
		try {
			await deleteExpiredSessions(db);
			await deleteStaleThrottles(db);
			await deleteStaleDevices(db);
			await deleteExpiredAudit(db, auditDays);
			// Steps that fall due today: told once (after the quiet hours), whichever hour this runs.
			await notifyDueSteps(db);
			// Four weeks after a leisure activity started: "still going?", once.
			await notifyStillGoing(db);
			// The planner's statistics, which PGlite (no autovacuum) would otherwise never have.
			await refreshStatistics({ db, backend });
		} catch (error) {
			console.error(`housekeeping failed: ${describeError(error)}`);
		}
	};
	await tidy();
	// Web push's key pair is made at the first start and kept in the database (read once here).
	if (serverChannels().push) await vapidKeys(db);
	const timer = setInterval(tidy, 3600_000);
	timer.unref();
	// The outbox's worker, in every instance (claims are row-locked); OUTBOX_WORKER=off leaves it to others.
	const worker =
		process.env.OUTBOX_WORKER === 'off'
			? null
			: startWorker(db, {
					channels: serverChannels(),
					origin: process.env.ORIGIN ?? 'http://localhost:3000',
					pollMs: Number(process.env.OUTBOX_POLL_MS ?? 10_000),
					onError: (error) => console.error(`outbox worker: ${describeError(error)}`)
				});
	process.once('sveltekit:shutdown', () => {
		clearInterval(timer);
		void (worker?.stop() ?? Promise.resolve()).then(close);
	});
};

/**
 * Unexpected errors: one log line by route (never the raw path, which for invitations
 * holds a secret) without parameters, tokens or emails; the person sees a translated page.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	// Client errors (404, 415 from SvelteKit's own checks) are not the server's fault.
	if (status >= 500) console.error(`[${status}] ${event.request.method} ${event.route.id ?? '(no route)'}: ${describeError(error)}`);
	return { message: status === 404 ? 'notFound' : 'generic' };
};

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
// Sign-in links, short codes and calendar feeds carry a secret in the URL (and the code page in its form).
const carriesToken = (routeId: string | null) => !!routeId && /^\/\(public\)\/(invitation|reset|colleague|k|calendar)(\/|$)/.test(routeId);

const isApi = (path: string) => path === '/api/v1' || path.startsWith('/api/v1/');

/** Origin check for every state-changing request (the token-only API aside), and the security headers. */
const security: Handle = async ({ event, resolve }) => {
	// The API (/api/v1) is called by other systems with a bearer token, never a cookie: a page
	// elsewhere cannot borrow it, so there is no cross-site request to refuse.
	if (!safeMethods.has(event.request.method) && !isApi(event.url.pathname)) {
		const origin = event.request.headers.get('origin');
		if (origin !== event.url.origin) {
			return new Response('Forbidden: cross-site request', { status: 403, headers: { 'content-type': 'text/plain' } });
		}
	}
	const response = await resolve(event);
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	// Invitation links carry a secret in the path: never send it onwards.
	h.set('Referrer-Policy', 'same-origin');
	h.set('X-Frame-Options', 'DENY');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	if (event.url.protocol === 'https:') h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	// Pages for a signed-in person, and anything carrying a token (an invitation link in the
	// URL or the page, a new session cookie), are never stored by a browser or proxy. Static
	// assets do not pass through here (adapter-node serves them with their long cache).
	if (event.locals.user || carriesToken(event.route.id) || h.has('set-cookie')) h.set('Cache-Control', 'private, no-store');
	else if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-cache');
	return response;
};

/** What a POST may carry: adapter-node's own default, everywhere but the forms that take files. */
export const bodyLimit = 512 * 1024;
/** The message forms: their files are limited by BODY_SIZE_LIMIT (scripts/start.js) and files/prepare.ts. */
const takesFiles = (routeId: string | null) =>
	!!routeId &&
	/^\/(\(family\)\/messages\/(new|\[id=uuid\])|staff\/families\/\[id=uuid\]\/messages\/(new|\[conversationId=uuid\]))$/.test(routeId);

/**
 * Keeps every other request body at 512 KB now that the server lets file forms send more. A
 * body declared too big is never read; one sent in chunks is read up to the limit and kept in
 * memory (small by then). Either way the form's page answers 413 in the reader's language
 * (readForm), an endpoint sees an empty body, and the connection closes after the answer: the
 * rest of the body is never read, so the connection cannot carry another request.
 */
const bodySize: Handle = async ({ event, resolve }) => {
	const request = event.request;
	if (safeMethods.has(request.method) || !request.body || takesFiles(event.route.id)) return resolve(event);
	const refuse = async () => {
		event.request = markOversized(new Request(request.url, { method: request.method, headers: request.headers }));
		const response = await resolve(event);
		response.headers.set('connection', 'close');
		return response;
	};
	const declared = request.headers.get('content-length');
	if (declared !== null) return Number(declared) > bodyLimit ? refuse() : resolve(event);
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = request.body.getReader();
	for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
		size += chunk.value.byteLength;
		if (size > bodyLimit) return refuse();
		chunks.push(chunk.value);
	}
	event.request = new Request(request.url, { method: request.method, headers: request.headers, body: Buffer.concat(chunks) });
	return resolve(event);
};

/** The session from the cookie, if any. Runs before i18n: a user's saved language wins. */
const auth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	const name = sessionCookieName(event.url);
	const token = event.cookies.get(name);
	if (token) {
		const { db } = await getDatabase();
		const session = await validateSessionToken(db, token);
		if (session) {
			event.locals.user = session.user;
			event.locals.sessionId = session.id;
			// Only when the expiry moved (at most every few minutes), not on every response.
			if (session.extended) setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		} else {
			clearSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

/**
 * The user's saved language, else the cookie, else — on a sign-in link's page — the language of
 * the person it is for, else Accept-Language, else Danish.
 */
const i18n: Handle = async ({ event, resolve }) => {
	const cookie = event.cookies.get(languageCookie);
	const chosen = event.locals.user?.locale ?? (isLocale(cookie) ? cookie : undefined);
	const locale = chosen ?? (await linkLanguage(event)) ?? fromAcceptLanguage(event.request.headers.get('accept-language')) ?? defaultLocale;
	event.locals.locale = isLocale(locale) ? locale : defaultLocale;
	event.locals.t = translatorFor(event.locals.locale);
	// Read when the page is written, not now: a form action may answer in another language
	// (a sign-in link's form shown again in the language its reader chose).
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale).replace('%dir%', dirOf(event.locals.locale))
	});
};

/** With OPGANG_COUNT_QUERIES=1 only: how many statements the request ran, for the budget tests. */
const queryCount: Handle = async ({ event, resolve }) => {
	const { result, queries } = await withQueryCount(async () => resolve(event));
	result.headers.set('x-opgang-queries', String(queries));
	return result;
};

export const handle = countingQueries ? sequence(queryCount, security, bodySize, auth, i18n) : sequence(security, bodySize, auth, i18n);
