/**
 * The hardening issue's findings, each as the attacker sent it, over real HTTP against the
 * production build. (Throttle numbers and the invitation's hash-after-check are tested in
 * tests/integration/throttle.test.ts; the data-dir lock in tests/integration/datadir.test.ts;
 * the fuzzer in fuzz.spec.ts keeps all of it true for routes that do not exist yet.)
 */
import { spawn } from 'node:child_process';
import { type APIRequestContext } from '@playwright/test';
import { test, expect, password } from './helpers';

let address = 0;
/** Each call comes from its own address (the test server trusts X-Forwarded-For). */
const from = () => ({ 'x-forwarded-for': `100.64.${process.pid & 255}.${++address}` });

async function post(request: APIRequestContext, path: string, body: string | Buffer, type: string, headers: Record<string, string> = {}) {
	return request.fetch(path, {
		method: 'POST',
		data: body,
		headers: { origin: new URL(test.info().project.use.baseURL!).origin, 'content-type': type, accept: 'text/html', ...from(), ...headers },
		maxRedirects: 0
	});
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = 'application/x-www-form-urlencoded';

/** Signs in over HTTP and returns the session cookie. */
async function session(request: APIRequestContext, email: string): Promise<string> {
	const response = await post(request, '/login', form({ email, password }), urlencoded);
	expect(response.status()).toBe(303);
	const cookie = response.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('opgang-session='));
	return cookie!.value.split(';')[0];
}

test.describe('1. a stranger cannot keep someone out', () => {
	test("guesses from elsewhere never refuse the right password on the person's own phone, and a new phone waits seconds, not hours", async ({
		request,
		playwright,
		baseURL,
		own
	}) => {
		const email = own.staff.email;
		// The person has signed in on their phone before (it keeps a device cookie).
		const phone = await playwright.request.newContext({ baseURL });
		expect((await post(phone, '/login', form({ email, password }), urlencoded)).status()).toBe(303);

		const attacker = from();
		let last;
		for (let i = 0; i < 6; i++) last = await post(request, '/login', form({ email, password: `gæt ${i}` }), urlencoded, attacker);
		expect(last!.status()).toBe(429);
		expect(await last!.text()).toContain('Der har været for mange forsøg. Du kan prøve igen');

		const again = await post(phone, '/login', form({ email, password }), urlencoded);
		expect(again.status()).toBe(303);
		expect(again.headers()['location']).toBe('/staff');

		// A borrowed phone is asked to wait a few seconds (said in seconds), then gets in.
		const borrowed = await playwright.request.newContext({ baseURL });
		const wait = await post(borrowed, '/login', form({ email, password }), urlencoded);
		expect(wait.status()).toBe(429);
		const seconds = Number(/Vent (\d+) sekund/.exec(await wait.text())?.[1]);
		expect(seconds).toBeGreaterThanOrEqual(1);
		expect(seconds).toBeLessThanOrEqual(30);
		await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
		expect((await post(borrowed, '/login', form({ email, password }), urlencoded)).status()).toBe(303);
		await phone.dispose();
		await borrowed.dispose();
	});
});

test.describe('2. no open redirect', () => {
	for (const next of [
		'/\t/evil.example',
		'//evil.example',
		'/\\evil.example',
		'/.//evil.example',
		'https://evil.example/',
		'/home\r\nX: y'
	]) {
		test(`sign-in with next=${JSON.stringify(next)} stays on the portal`, async ({ request }) => {
			const response = await post(
				request,
				`/login?next=${encodeURIComponent(next)}`,
				form({ email: 'jonas@example.org', password }),
				urlencoded
			);
			expect(response.status()).toBe(303);
			expect(response.headers()['location']).toBe('/staff');
		});
	}

	test('the language choice goes back only to a page on the portal', async ({ request }) => {
		const off = await post(request, '/language', form({ locale: 'ar', next: '/\t/evil.example' }), urlencoded);
		expect(off.headers()['location']).toBe('/');
		const on = await post(request, '/language', form({ locale: 'ar', next: '/privacy?x=1' }), urlencoded);
		expect(on.headers()['location']).toBe('/privacy?x=1');
	});
});

test.describe('3. bad input is a 400 or "not found", never a 500', () => {
	test('a NUL byte in the session cookie is no session, and the cookie is cleared', async ({ request }) => {
		const response = await request.get('/home', { headers: { cookie: 'opgang-session=%00.%00' }, maxRedirects: 0 });
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toBe('/login?next=%2Fhome');
		expect(response.headers()['set-cookie']).toMatch(/^opgang-session=;.*Max-Age=0/);
	});

	test('a NUL byte in an invitation link shows "this link does not work"', async ({ request }) => {
		const response = await request.get('/invitation/%00.%00');
		expect(response.status()).toBe(200);
		expect(await response.text()).toContain('Linket virker ikke');
		const posted = await post(
			request,
			'/invitation/%00.%00',
			form({ email: 'a@example.org', password: 'en lang god kode', locale: 'da' }),
			urlencoded
		);
		expect(posted.status()).toBe(410);
	});

	test('malformed ids in "end this session" and "make a sign-in link" are "not found"', async ({ request }) => {
		const family = await session(request, 'omar@example.org');
		const ended = await post(request, '/account?/end', form({ session: 'not-a-session' }), urlencoded, { cookie: family });
		expect(ended.status()).toBe(404);
		const nul = await post(request, '/account?/end', form({ session: '\u0000' }), urlencoded, { cookie: family });
		expect(nul.status()).toBe(400);
		const staff = await session(request, 'jonas@example.org');
		const page = await request.get('/staff', { headers: { cookie: staff } });
		const familyPath = /href="(\/staff\/families\/[0-9a-f-]{36})"/.exec(await page.text())?.[1];
		expect(familyPath).toBeTruthy();
		const invited = await post(request, `${familyPath}?/invite`, form({ member: 'not-a-uuid' }), urlencoded, { cookie: staff });
		expect(invited.status()).toBe(404);
		expect(invited.headers()['cache-control']).toBe('private, no-store');
	});

	for (const [what, body, type] of [
		['text/plain', 'email=a&password=b', 'text/plain'],
		['JSON', '{"email":"a"}', 'application/json'],
		['broken multipart', '--b\r\nContent-Disposition: form-data; name="email"\r\n\r\nx', 'multipart/form-data; boundary=b'],
		['invalid UTF-8', Buffer.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x3d, 0xff, 0xfe]), urlencoded],
		['a NUL byte', 'email=%00&password=x', urlencoded]
	] as const) {
		for (const path of ['/login', '/language', '/invitation/aaaa.bbbb']) {
			test(`${what} to ${path} gets a translated 400`, async ({ request }) => {
				const response = await post(request, path, body, type);
				// SvelteKit answers a JSON body to a form action with 415 before we see it.
				expect(type === 'application/json' ? [400, 415] : [400]).toContain(response.status());
				if (response.status() === 400) expect(await response.text()).toContain('Vi kunne ikke læse formularen');
			});
		}
	}
});

test.describe('5. private pages are never cached', () => {
	test('signed-in pages, the sign-in link and the invitation page are private, no-store; assets keep their cache', async ({
		request,
		baseURL
	}) => {
		const family = await session(request, 'omar@example.org');
		for (const path of ['/home', '/account', '/home/__data.json']) {
			const response = await request.get(path, { headers: { cookie: family } });
			expect(response.headers()['cache-control'], path).toBe('private, no-store');
		}
		const staff = await session(request, 'jonas@example.org');
		const list = await request.get('/staff', { headers: { cookie: staff } });
		expect(list.headers()['cache-control']).toBe('private, no-store');
		const html = await list.text();
		const familyPath = /href="(\/staff\/families\/[0-9a-f-]{36})"/.exec(html)![1];
		expect((await request.get(familyPath, { headers: { cookie: staff } })).headers()['cache-control']).toBe('private, no-store');
		// Without a session (plain fetch keeps no cookies).
		const anonymous = (path: string) => fetch(new URL(path, baseURL)).then((r) => r.headers.get('cache-control'));
		expect(await anonymous('/invitation/aaaa.bbbb')).toBe('private, no-store');
		expect(await anonymous('/login')).toBe('no-cache');
		const asset = /(\/_app\/immutable\/[^"]+\.js)/.exec(html)![1];
		expect(await anonymous(asset)).toMatch(/max-age=31536000,\s*immutable/);
	});
});

test.describe('6. one process per embedded database', () => {
	test("a second server on the running server's DATA_DIR refuses to start and says why; the first keeps serving", async ({ request }) => {
		// playwright.config.ts runs the test server on DATA_DIR=.e2e-data.
		const second = spawn(process.execPath, ['scripts/start.js'], {
			env: { ...process.env, DATA_DIR: '.e2e-data', PORT: '4196', ORIGIN: 'http://localhost:4196' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stderr = '';
		second.stderr.on('data', (chunk) => (stderr += chunk));
		const code = await new Promise<number | null>((resolve) => {
			const timer = setTimeout(() => {
				second.kill();
				resolve(null);
			}, 20_000);
			second.on('exit', (c) => {
				clearTimeout(timer);
				resolve(c);
			});
		});
		expect(code).toBe(1);
		expect(stderr).toMatch(
			/Opgang did not start: The embedded database in .*\.e2e-data\/pglite \(DATA_DIR\) is in use by another Opgang process \(pid \d+/
		);
		expect((await request.get('/login')).status()).toBe(200);
	});
});
