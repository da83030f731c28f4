/**
 * API v1 for the team's other systems, over real HTTP against the production build: the team
 * leader makes a key in the UI (with and without JavaScript), sees it once, and a system uses
 * it; the 401/403/404 matrix (no key, a wrong one, revoked, expired, a missing scope, another
 * team's family); an outcome written through the API is on the staff's outcomes page; problems
 * are application/problem+json; the served OpenAPI document passes an OpenAPI validator.
 */
import { validate, compileErrors } from '@readme/openapi-parser';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, signIn, familyHref } from './helpers';
import da from '../../messages/da.json' with { type: 'json' };

const t = da.apiTokens;
const leader = 'leader@e2e.test';
// Seeded for the tests only (src/lib/server/demo/test-api-tokens.ts): expired yesterday.
const expired = `${'e2eexpired'.padEnd(39, 'a')}.${'e2esecret'.padEnd(39, 'b')}`;

/** The leader's way to the keys page: from the team's page. */
async function openKeys(page: Page): Promise<void> {
	await page.goto('/staff/team');
	await page.getByRole('link', { name: da.teamPlaces.apiLink }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title);
}

/** Makes a key with these scopes through the form; returns the key shown once. */
async function makeKey(page: Page, name: string, scopes: (keyof typeof t.scope)[]): Promise<string> {
	await page.getByLabel(t.name, { exact: true }).fill(name);
	for (const s of Object.keys(t.scope) as (keyof typeof t.scope)[])
		await page.getByRole('checkbox', { name: new RegExp(`^${t.scope[s]}`) }).setChecked(scopes.includes(s));
	await page.getByRole('button', { name: t.create }).click();
	await expect(page.getByRole('heading', { name: t.createdTitle.replace('{{name}}', name) })).toBeVisible();
	await expect(page.getByRole('status').first()).toHaveText(t.createdOnce);
	const key = await page.getByLabel(t.tokenLabel, { exact: true }).inputValue();
	expect(key).toMatch(/^[a-z2-7]{39}\.[a-z2-7]{39}$/);
	return key;
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Every page of the team's families, following `next`. */
async function allFamilies(request: APIRequestContext, key: string): Promise<{ id: string; name: string }[]> {
	const out: { id: string; name: string }[] = [];
	let url: string | null = '/api/v1/families?limit=100';
	while (url) {
		const res = await request.get(url, { headers: bearer(key) });
		expect(res.status()).toBe(200);
		const body = (await res.json()) as { data: { id: string; name: string }[]; next: string | null };
		out.push(...body.data);
		url = body.next;
	}
	return out;
}

async function expectProblem(res: Awaited<ReturnType<APIRequestContext['get']>>, status: number, type: string) {
	expect(res.status()).toBe(status);
	expect(res.headers()['content-type']).toBe('application/problem+json');
	expect(res.headers()['cache-control']).toContain('no-store');
	const body = (await res.json()) as { title: string; detail: string; errors?: { field: string }[] };
	expect(body).toMatchObject({ type: `/api/v1/problems/${type}`, status });
	expect(typeof body.title).toBe('string');
	return body;
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('the team leader makes a key, sees it once, a system uses it, and the leader closes it', async ({ page, request, own }) => {
			await signIn(page, leader);
			await openKeys(page);
			// The budget: at most 6 statements (the server's own count, as budgets.spec.ts reads it).
			expect(Number((await page.request.get(page.url())).headers()['x-opgang-queries'])).toBeLessThanOrEqual(6);

			// Nothing filled in: the summary links each message to its field; the name typed stays.
			await page.getByRole('button', { name: t.create }).click();
			const summary = page.getByRole('alert').first();
			await expect(summary).toContainText(da.validation.nameRequired);
			await expect(summary).toContainText(da.validation.scopesRequired);
			await page.getByLabel(t.name, { exact: true }).fill(`Skolesystem ${own.k}`);
			await page.getByRole('button', { name: t.create }).click();
			await expect(page.getByRole('alert').first()).toContainText(da.validation.scopesRequired);
			await expect(page.getByLabel(t.name, { exact: true })).toHaveValue(`Skolesystem ${own.k}`);

			const key = await makeKey(page, `Skolesystem ${own.k}`, ['families_read']);
			// Shown once: the page again has no key on it.
			await page.goto(page.url().split('?')[0]);
			await expect(page.getByLabel(t.tokenLabel, { exact: true })).toHaveCount(0);
			await expect(page.locator('main')).not.toContainText(key.split('.')[1]);

			// The system finds the test family among the team's, page after page; no demo family.
			const families = await allFamilies(request, key);
			expect(families.length).toBeGreaterThan(100);
			expect(families.some((f) => f.name === `Prøve ${own.k}`)).toBe(true);
			expect(families.some((f) => /Hassan|Amina/.test(f.name))).toBe(false);

			// The list says when it was last used; closing it stops it at once.
			await page.reload();
			const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Skolesystem ${own.k}` }) });
			await expect(card).not.toContainText(t.neverUsed);
			await card.getByRole('button', { name: t.revoke }).click();
			await expect(page.getByRole('status')).toHaveText(t.revokedDone);
			await expect(card).toContainText(t.state.revoked);
			await expectProblem(await request.get('/api/v1/families', { headers: bearer(key) }), 401, 'unauthorized');
		});
	});
}

test('401/403/404 matrix, an outcome written through the API on the staff page, and a valid OpenAPI document', async ({
	page,
	request,
	browser,
	own
}) => {
	await signIn(page, leader);
	await openKeys(page);
	const full = await makeKey(page, `Jobcentret ${own.k}`, [
		'families_read',
		'outcomes_read',
		'outcomes_write',
		'meetings_read',
		'goals_read'
	]);
	const narrow = await makeKey(page, `Kun familier ${own.k}`, ['families_read']);
	const family = (await allFamilies(request, full)).find((f) => f.name === `Prøve ${own.k}`)!;

	// Another team's family: a demo family Mette sees.
	const mette = await (await browser.newContext()).newPage();
	await signIn(mette, 'mette@example.org');
	const foreign = (await familyHref(mette, /Hassan/)).split('/').pop()!;
	await mette.context().close();

	const path = `/api/v1/families/${family.id}`;
	// 401: no key, another scheme, not a key, a wrong secret, expired.
	await expectProblem(await request.get(path), 401, 'unauthorized');
	expect((await request.get(path)).headers()['www-authenticate']).toContain('Bearer');
	await expectProblem(await request.get(path, { headers: { authorization: `Basic ${full}` } }), 401, 'unauthorized');
	await expectProblem(await request.get(path, { headers: bearer('nonsense') }), 401, 'unauthorized');
	await expectProblem(
		await request.get(path, { headers: bearer(full.replace(/.$/, full.endsWith('a') ? 'b' : 'a')) }),
		401,
		'unauthorized'
	);
	const late = await expectProblem(await request.get(path, { headers: bearer(expired) }), 401, 'unauthorized');
	expect(late.detail).toMatch(/expired/);
	// 403: a scope the key lacks.
	await expectProblem(await request.get(`${path}/outcomes`, { headers: bearer(narrow) }), 403, 'insufficient-scope');
	await expectProblem(
		await request.post(`${path}/outcomes`, { headers: bearer(narrow), data: { kind: 'work' } }),
		403,
		'insufficient-scope'
	);
	// 404: another team's family looks exactly like one that does not exist, or a malformed id.
	const other = await expectProblem(await request.get(`/api/v1/families/${foreign}`, { headers: bearer(full) }), 404, 'not-found');
	const none = await expectProblem(
		await request.get('/api/v1/families/00000000-0000-4000-8000-000000000000', { headers: bearer(full) }),
		404,
		'not-found'
	);
	expect(other).toEqual(none);
	await expectProblem(await request.get(`/api/v1/families/${foreign}/meetings`, { headers: bearer(full) }), 404, 'not-found');
	await expectProblem(await request.get('/api/v1/families/not-a-uuid', { headers: bearer(full) }), 404, 'not-found');
	await expectProblem(await request.get('/api/v1/nothing-here', { headers: bearer(full) }), 404, 'not-found');
	// 405: a method an endpoint does not have is a problem too, and says which it has.
	const wrong = await request.delete('/api/v1/families', { headers: bearer(full) });
	await expectProblem(wrong, 405, 'method-not-allowed');
	expect(wrong.headers()['allow']).toBe('GET, HEAD');
	const put = await request.put(`/api/v1/families/${foreign}/outcomes`, { headers: bearer(full), data: {} });
	await expectProblem(put, 405, 'method-not-allowed');
	expect(put.headers()['allow']).toBe('GET, POST, HEAD');

	// The family and its members; no sign-in data.
	const res = await request.get(path, { headers: bearer(full) });
	expect(res.headers()['cache-control']).toContain('no-store');
	const detail = await res.json();
	expect(detail).toMatchObject({ id: family.id, name: `Prøve ${own.k}`, contactPerson: { name: own.staff.name } });
	expect(JSON.stringify(detail)).not.toMatch(/@e2e\.test|password/);
	const teen = detail.members.find((m: { name: string }) => m.name === own.teen.name);

	// Bad bodies: 415, 400 naming the fields, 422 for another family's member.
	await expectProblem(
		await request.post(`${path}/outcomes`, { headers: { ...bearer(full), 'content-type': 'application/xml' }, data: '<kind>work</kind>' }),
		415,
		'unsupported-media-type'
	);
	const bad = await expectProblem(
		await request.post(`${path}/outcomes`, {
			headers: bearer(full),
			data: { kind: 'school', member: teen.id, term: '2020-03-01', absence: 130 }
		}),
		400,
		'invalid-request'
	);
	expect(bad.errors!.map((e) => e.field).sort()).toEqual(['absence', 'term']);
	await expectProblem(
		await request.post(`${path}/outcomes`, { headers: { ...bearer(full), 'content-type': 'application/json' }, data: '{"kind":' }),
		400,
		'invalid-request'
	);
	await expectProblem(await request.get(`${path}/outcomes?limit=500`, { headers: bearer(full) }), 400, 'invalid-request');
	await expectProblem(await request.get(`${path}/outcomes?cursor=zzz`, { headers: bearer(full) }), 400, 'invalid-request');
	const term = (await request.get(`${path}/outcomes`, { headers: bearer(full) })).ok();
	expect(term).toBe(true);

	// A write (no Origin header: a system, not a browser) is on the staff's outcomes page.
	const year = new Date().getFullYear();
	const thisTerm = new Date().getMonth() >= 7 ? `${year}-08-01` : `${year}-01-01`;
	const written = await request.post(`${path}/outcomes`, {
		headers: bearer(full),
		data: { kind: 'school', member: teen.id, term: thisTerm, absence: 7.5 }
	});
	expect(written.status()).toBe(201);
	const { id } = await written.json();
	const outcomes = await (await request.get(`${path}/outcomes`, { headers: bearer(full) })).json();
	expect(outcomes.data).toContainEqual(
		expect.objectContaining({ id, memberId: teen.id, kind: 'school', absencePercent: 7.5, source: 'api' })
	);
	await page.goto(`/staff/families/${family.id}/outcomes`);
	await expect(page.locator('main')).toContainText(/Fravær 7,5\s%/);
	// Meetings and goals answer pages too (none booked or set for this family yet).
	for (const what of ['meetings', 'goals']) {
		const list = await request.get(`${path}/${what}`, { headers: bearer(full) });
		expect(list.status()).toBe(200);
		expect(await list.json()).toEqual({ data: [], next: null });
	}

	// The document the endpoints are described by passes an OpenAPI 3.1 validator.
	const doc = await (await request.get('/api/v1/openapi.json')).json();
	const result = await validate(doc);
	expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
	expect(doc.openapi).toBe('3.1.0');
	// The readable reference lists every call.
	const docs = await request.get('/api/v1/docs');
	expect(Number(docs.headers()['x-opgang-queries'])).toBeLessThanOrEqual(6);
	expect(await docs.text()).not.toMatch(/<script[^>]*src=|modulepreload/);
	await page.goto('/api/v1/docs');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(da.apiDocs.title);
	for (const path of Object.keys(doc.paths)) await expect(page.locator('main')).toContainText(`/api/v1${path}`);
	// A field's explanation from the document is beside it, in English, marked as English.
	type Schema = { properties?: Record<string, { description?: string }> };
	const notes = (Object.values(doc.components.schemas) as Schema[]).flatMap((c) =>
		Object.values(c.properties ?? {}).flatMap((p) => (p.description ? [p.description] : []))
	);
	expect(notes.length).toBeGreaterThan(0);
	for (const note of new Set(notes)) await expect(page.locator('td[lang="en"]', { hasText: note }).first()).toBeVisible();
	await expect(page.getByRole('columnheader', { name: da.apiDocs.description }).first()).toBeVisible();
});
