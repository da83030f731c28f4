/**
 * The fuzzer (hardening issue): every page, form action and endpoint the app has — found
 * from src/routes, so new ones are covered without editing this file — gets generated bad
 * input as an anonymous visitor, a family member and a staff member. It fails on any 5xx
 * and on any redirect that leaves the portal's origin. fast-check generates the requests;
 * a failure prints the seed that reproduces it (FUZZ_SEED=… to replay).
 */
import fc from 'fast-check';
import { discover, type Target } from './fuzzer/routes';
import { test, expect, password } from './helpers';
import type { OwnFamily } from './own';

const targets = discover();
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const batches = Number(process.env.FUZZ_BATCHES ?? 70);
const batchSize = 20;
/**
 * The work is split into parts that run side by side on Playwright's workers, each with its
 * own family and sessions: one test of ~2,900 requests took 10 minutes on a busy CI machine.
 */
const shards = 4;

type Actor = 'anon' | 'family' | 'staff';

const hostileNext = [
	'//evil.example',
	'/\t/evil.example',
	'/%09/evil.example',
	'/\\evil.example',
	'https://evil.example/',
	'javascript:alert(1)',
	'/home\r\nSet-Cookie: x=1',
	'/.//evil.example',
	'\u0000/'
];
const malformedIds = ['not-a-uuid', '%00', '00000000-0000-0000-0000-00000000000g', "1' or '1'='1", 'a'.repeat(300)];
const malformedCodes = ['0OIL-1IL0', '%00', 'k7qx%20m4pd', '-'.repeat(30), '%2e%2e', 'ＫＫＫＫＫＫＫＫ', 'a'.repeat(300)];
const malformedTokens = ['%00.%00', 'a.b.c', '%ff%fe.x', 'A'.repeat(39) + '.' + 'A'.repeat(39), 'a'.repeat(500), '..', '%2e%2e%2fstaff'];

const value = fc.oneof(
	{ arbitrary: fc.string({ maxLength: 40 }), weight: 4 },
	{ arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 2 },
	{ arbitrary: fc.constantFrom(...hostileNext, ...malformedIds), weight: 3 },
	{ arbitrary: fc.constant('\u0000'), weight: 1 },
	{ arbitrary: fc.uuid(), weight: 2 },
	{ arbitrary: fc.constant('x'.repeat(100_000)), weight: 1 },
	{ arbitrary: fc.constant('x'.repeat(1_000_000)), weight: 1 }
);

type Body =
	| { kind: 'form' | 'multipart'; fields: [string, string][] }
	| { kind: 'text/plain' | 'json' | 'none' | 'brokenMultipart' | 'invalidUtf8' | 'noBoundary' };

function bodyFor(t: Target): fc.Arbitrary<Body> {
	const names = fc.constantFrom(...t.fields, 'next', 'x', 'email[]');
	const fields = fc.array(fc.tuple(names, value), { maxLength: 6 });
	return fc.oneof(
		{ arbitrary: fc.record({ kind: fc.constant('form' as const), fields }), weight: 6 },
		{ arbitrary: fc.record({ kind: fc.constant('multipart' as const), fields }), weight: 2 },
		{
			arbitrary: fc
				.constantFrom('text/plain', 'json', 'none', 'brokenMultipart', 'invalidUtf8', 'noBoundary')
				.map((kind) => ({ kind }) as Body),
			weight: 3
		}
	);
}

const requestFor = (target: Target) =>
	fc.record({
		target: fc.constant(target),
		actor: fc.constantFrom<Actor>('anon', 'family', 'staff'),
		id: fc.oneof(fc.constantFrom('own', 'foreign'), fc.uuid(), fc.constantFrom(...malformedIds)),
		token: fc.oneof(fc.constantFrom(...malformedTokens), fc.stringMatching(/^[a-z2-7]{39}\.[a-z2-7]{39}$/)),
		// Mostly malformed: every well-formed wrong code counts against everyone's code limit
		// (SECURITY.md), which the other tests on this server share.
		code: fc.oneof(
			{ arbitrary: fc.constantFrom(...malformedCodes), weight: 9 },
			{ arbitrary: fc.stringMatching(/^[2-9A-HJKMNP-Z]{4}-?[2-9a-hjkmnp-z]{4}$/), weight: 1 }
		),
		next: fc.option(fc.constantFrom(...hostileNext), { nil: undefined }),
		body: bodyFor(target),
		cookie: fc.constantFrom('actor', 'actor', 'actor', 'nul', 'long', 'dots', 'garbageLanguage'),
		origin: fc.constantFrom('same', 'same', 'same', 'same', 'none', 'evil')
	});
const request = fc.constantFrom(...targets).chain(requestFor);
type Request = ReturnType<typeof requestFor> extends fc.Arbitrary<infer R> ? R : never;

interface Session {
	cookie: string;
	ownFamily: string | null;
}

test('discovery finds the routes and actions that exist today, so it cannot silently find nothing', () => {
	for (const known of [
		'/login default',
		'/language default',
		'/invitation/[token] default',
		'/account end',
		'/account endOthers',
		'/staff/families/[id=uuid] invite',
		'/logout default'
	]) {
		expect(
			targets.some((t) => `${t.route} ${t.action}` === known),
			known
		).toBe(true);
	}
	expect(targets.length).toBeGreaterThan(100);
});

for (let shard = 0; shard < shards; shard++) {
	test(`no route answers generated bad input with a 5xx or a redirect off the portal (part ${shard + 1} of ${shards})`, async ({
		baseURL,
		own
	}) => {
		await fuzz(shard, baseURL!, own);
	});
}

async function fuzz(shard: number, baseURL: string, own: OwnFamily) {
	// A family of its own: whatever the fuzzer manages to change (a language, a sign-in link,
	// ended sessions) is no other test's business.
	const users: Record<Exclude<Actor, 'anon'>, string> = { family: own.parent.email, staff: own.staff.email };
	// Bounded by its request count (~550 per part), not by time: about a minute on 2 cores, more when the machine is busy.
	test.setTimeout(300_000);
	const origin = new URL(baseURL!).origin;
	let address = 0;
	// Each part its own addresses, so the parts never share a request limit.
	const from = () => `10.${200 + shard * 12 + (address % 12)}.${(address >> 8) & 255}.${++address & 255}`;

	async function fetchRetrying(url: string, init: RequestInit, retries: number): Promise<Response> {
		try {
			return await fetch(url, init);
		} catch (e) {
			if (retries === 0 || !/ECONNRESET|EPIPE|other side closed/.test(String((e as Error).cause))) throw e;
			await new Promise((resolve) => setTimeout(resolve, 100));
			return fetchRetrying(url, init, retries - 1);
		}
	}

	async function signIn(email: string): Promise<string> {
		const response = await fetchRetrying(
			`${origin}/login`,
			{
				method: 'POST',
				body: new URLSearchParams({ email, password }),
				headers: { origin, 'x-forwarded-for': from() },
				redirect: 'manual'
			},
			3
		);
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('opgang-session='));
		if (!cookie) throw new Error(`fuzzer could not sign in as ${email}: ${response.status}`);
		return cookie.split(';')[0];
	}
	async function familyIds(cookie: string): Promise<string[]> {
		const html = await (await fetchRetrying(`${origin}/staff`, { headers: { cookie } }, 3)).text();
		return [...html.matchAll(/\/staff\/families\/([0-9a-f-]{36})/g)].map((m) => m[1]);
	}

	const sessions: Record<Exclude<Actor, 'anon'>, Session> = {
		family: { cookie: await signIn(users.family), ownFamily: null },
		staff: { cookie: await signIn(users.staff), ownFamily: null }
	};
	const staffFamilies = await familyIds(sessions.staff.cookie);
	const everyFamily = await familyIds(await signIn('lone@example.org')); // the team leader sees all
	sessions.staff.ownFamily = staffFamilies[0];
	const foreign = everyFamily.find((id) => !staffFamilies.includes(id))!;
	expect(staffFamilies.length).toBeGreaterThan(0);
	expect(foreign).toBeTruthy();

	/** Signs an actor in again if a generated request (sign out, end sessions) ended its session. */
	async function refresh(actor: Exclude<Actor, 'anon'>) {
		const probe = await fetchRetrying(`${origin}/account`, { headers: { cookie: sessions[actor].cookie }, redirect: 'manual' }, 3);
		if (probe.status !== 200) sessions[actor].cookie = await signIn(users[actor]);
	}

	function build(r: Request): { url: string; init: RequestInit; describe: string } {
		const path = r.target.route
			.replace(
				/\[id=uuid\]/g,
				r.id === 'own' ? (sessions.staff.ownFamily ?? foreign) : r.id === 'foreign' ? foreign : encodeURIComponent(r.id)
			)
			// Any other id in the path (a goal's, a wish's, a meeting's): one the actor has no right to, or a malformed one.
			.replace(/\[\w+=uuid\]/g, r.id === 'own' || r.id === 'foreign' ? '00000000-0000-4000-8000-000000000000' : encodeURIComponent(r.id))
			.replace(/\[token\]/g, r.token)
			.replace(/\[code\]/g, r.code);
		const query = new URLSearchParams();
		if (r.next !== undefined) query.set('next', r.next);
		let search = query.toString() ? `?${query}` : '';
		if (r.target.action && r.target.action !== 'default') search = `?/${r.target.action}${search ? '&' + search.slice(1) : ''}`;
		const headers: Record<string, string> = { 'x-forwarded-for': from(), accept: 'text/html' };
		if (r.origin === 'same') headers.origin = origin;
		if (r.origin === 'evil') headers.origin = 'https://evil.example';
		const actorCookie = r.actor === 'anon' ? '' : sessions[r.actor].cookie;
		headers.cookie = {
			actor: actorCookie,
			nul: 'opgang-session=%00.%00',
			long: `opgang-session=${'a'.repeat(4000)}`,
			dots: 'opgang-session=a.b.c.d',
			garbageLanguage: `${actorCookie}; opgang-lang=%00%ff`
		}[r.cookie];
		let body: BodyInit | undefined;
		if (r.target.method !== 'GET') {
			const b = r.body;
			if (b.kind === 'form') {
				headers['content-type'] = 'application/x-www-form-urlencoded';
				body = b.fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
			} else if (b.kind === 'multipart') {
				const data = new FormData();
				for (const [k, v] of b.fields) data.append(k, v);
				body = data;
			} else if (b.kind === 'text/plain') {
				headers['content-type'] = 'text/plain';
				body = 'email=a&password=b';
			} else if (b.kind === 'json') {
				headers['content-type'] = 'application/json';
				body = '{"email":["a"],"password":{"x":1}}';
			} else if (b.kind === 'brokenMultipart') {
				headers['content-type'] = 'multipart/form-data; boundary=abc';
				body = '--abc\r\nContent-Disposition: form-data; name="email"\r\n\r\nno end';
			} else if (b.kind === 'noBoundary') {
				headers['content-type'] = 'multipart/form-data';
				body = 'x';
			} else if (b.kind === 'invalidUtf8') {
				headers['content-type'] = 'application/x-www-form-urlencoded';
				body = new Uint8Array([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x3d, 0xff, 0xfe, 0xc3, 0x28]);
			}
		}
		const url = `${origin}${path}${search}`;
		const describe = `${r.target.method} ${r.target.route}${r.target.action ? ` (${r.target.action})` : ''} as ${r.actor}, body ${r.target.method === 'GET' ? '-' : r.body.kind}, cookie ${r.cookie}, origin ${r.origin}`;
		return { url, init: { method: r.target.method, headers, body, redirect: 'manual' }, describe };
	}

	/** Bodies near adapter-node's 512 KB limit, which it refuses by closing the connection. */
	const isLarge = (r: Request) =>
		r.target.method !== 'GET' && 'fields' in r.body && r.body.fields.reduce((n, [k, v]) => n + k.length + v.length, 0) >= 100_000;
	const failures: string[] = [];
	const covered = new Set<string>();
	let sent = 0;

	async function send(r: Request): Promise<void> {
		const { url, init, describe } = build(r);
		let response: Response;
		try {
			// A kept-alive connection that the server closed after refusing an over-large body
			// can be handed to the next request; one retry tells that from a server that is down.
			response = await fetchRetrying(url, init, isLarge(r) ? 0 : 3);
		} catch (e) {
			// adapter-node refuses a body over BODY_SIZE_LIMIT (512 KB) by closing the connection
			// while the client still sends: that is a refusal, as long as the server lives on.
			if (isLarge(r) && /ECONNRESET|EPIPE|other side closed/.test(String((e as Error).cause))) {
				sent++;
				covered.add(`${r.target.method} ${r.target.route} ${r.target.action ?? ''}`);
				const alive = await fetchRetrying(`${origin}/login`, {}, 3).then(
					(x) => x.status,
					() => 0
				);
				if (alive !== 200) failures.push(`${describe}: server did not answer after a refused over-large body`);
				return;
			}
			failures.push(`${describe}: request failed (${(e as Error).message}: ${String((e as Error).cause)})`);
			return;
		}
		sent++;
		covered.add(`${r.target.method} ${r.target.route} ${r.target.action ?? ''}`);
		await response.arrayBuffer().catch(() => {});
		if (response.status >= 500) failures.push(`${describe}: ${response.status}`);
		const location = response.headers.get('location');
		if (location !== null) {
			let to: URL | null = null;
			try {
				to = new URL(location, url);
			} catch {
				/* unparseable counts as off-origin */
			}
			if (!to || to.origin !== origin) failures.push(`${describe}: redirect to ${JSON.stringify(location)}`);
		}
	}

	// Every target at least once per actor with a plain form, then the generated batches.
	// Every target at least once per actor with a plain form, and every kind of broken body
	// once per form action; then the generated batches on top.
	// The broken bodies take turns among the actors: each reaches the shared edge parser the
	// same way whoever sends it, and every action still meets every kind and every actor.
	const kinds = ['text/plain', 'json', 'none', 'brokenMultipart', 'invalidUtf8', 'noBoundary'] as const;
	const actors = ['anon', 'family', 'staff'] as const;
	const mine = targets.filter((_, i) => i % shards === shard);
	for (const [i, target] of mine.entries()) {
		const [r] = fc.sample(requestFor(target), { numRuns: 1, seed: seed + shard * 1000 + i });
		for (const actor of actors) await send({ ...r, actor, body: { kind: 'form', fields: [] }, cookie: 'actor', origin: 'same' });
		if (target.method === 'GET') continue;
		for (const [k, kind] of kinds.entries())
			await send({ ...r, actor: actors[(i + k) % actors.length], body: { kind }, cookie: 'actor', origin: 'same' });
	}

	await fc
		.assert(
			fc.asyncProperty(fc.array(request, { minLength: batchSize, maxLength: batchSize }), async (batch) => {
				await refresh('family');
				await refresh('staff');
				const before = failures.length;
				// Large bodies go one at a time after the rest, so a connection closed on one of them
				// is never shared with a request in flight.
				const small = batch.filter((r) => !isLarge(r));
				for (let i = 0; i < small.length; i += 5) await Promise.all(small.slice(i, i + 5).map(send));
				for (const r of batch.filter(isLarge)) await send(r);
				return failures.length === before;
			}),
			{ numRuns: Math.ceil(batches / shards), seed: seed + shard, endOnFailure: true }
		)
		.catch((e) =>
			failures.push(
				`fast-check (seed ${seed}, part ${shard + 1}): ${(e as Error).message
					.split('\n')
					.filter((l) => l.trim() && !l.startsWith('Counterexample'))
					.slice(0, 8)
					.join(' | ')
					.slice(0, 800)} | cause: ${String((e as Error).cause).slice(0, 400)}`
			)
		);

	const routes = new Set(targets.map((t) => t.route));
	const actions = targets.filter((t) => t.action).length;
	const endpoints = targets.filter((t) => !t.action && t.method !== 'GET').length;
	console.log(
		`fuzz: ${sent} requests, ${routes.size} routes (${actions} actions, ${endpoints} endpoints, ${targets.length - actions - endpoints} pages), ` +
			`${failures.filter((f) => /: 5\d\d$/.test(f)).length} ≥ 500, ${failures.filter((f) => f.includes('redirect to')).length} off-origin redirects, seed ${seed}, part ${shard + 1} of ${shards}`
	);
	for (const t of mine)
		expect(covered.has(`${t.method} ${t.route} ${t.action ?? ''}`), `${t.method} ${t.route} ${t.action ?? ''}`).toBe(true);
	expect(failures, failures.slice(0, 30).join('\n')).toEqual([]);
}
