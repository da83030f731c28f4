/**
 * The evaluators' export (issue 15) at 360 px: the team leader downloads the CSV from the
 * dashboard's link and reads the header row, with nobody's name, sign-in or id in the file;
 * the JSON holds the same families; a format that is neither answers 400 in words; a
 * caseworker is offered no link and gets "not found" at the address. What the rows hold is
 * pinned by tests/integration/evaluation-export.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { test, expect, signIn } from './helpers';
import da from '../../messages/da.json' with { type: 'json' };

const t = da.dashboard.export;
const header =
	'family_key,area,enrolled_on,ended_on,ended_reason,status,person_key,role,birth_year,language,outcome_kind,from_on,work,absence_percent,leisure,in_education,source';
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

test('the team leader downloads the pseudonymised CSV and JSON from the dashboard', async ({ page }) => {
	await signIn(page, 'leader@e2e.test');
	await page.goto('/staff/dashboard');
	await expect(page.getByRole('heading', { level: 2, name: t.title })).toBeVisible();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t.csv }).click()]);
	expect(download.suggestedFilename()).toMatch(/^opgang-evaluation-\d{4}-\d\d-\d\d\.csv$/);
	const csv = await readFile((await download.path())!, 'utf8');
	expect(csv.startsWith(`\uFEFF${header}\r\n`)).toBe(true);
	const rows = csv.trimEnd().split('\r\n');
	expect(rows.length).toBeGreaterThan(20);
	expect(rows[1]).toMatch(/^F-[A-Z2-7]{8},/);
	// The test families' members and staff are "… Prøve k", "Kim Kontakt k", signing in as …@e2e.test
	// (their area, "Prøvested", is kept).
	for (const leak of [/Prøve \d/, /Kontakt \d/, /Involveret/, /@/, /Familien/, uuid]) expect(csv).not.toMatch(leak);

	const json = await page.request.get('/staff/export?format=json');
	expect(json.status()).toBe(200);
	expect(json.headers()['cache-control']).toContain('no-store');
	expect(json.headers()['content-disposition']).toMatch(/^attachment; filename="opgang-evaluation-\d{4}-\d\d-\d\d\.json"$/);
	const data = (await json.json()) as { families: { key: string; members: { key: string }[] }[] };
	expect(data.families.length).toBeGreaterThan(10);
	for (const f of data.families.slice(0, 5)) expect(f.members[0].key).toBe(`${f.key}-P1`);
	expect(JSON.stringify(data)).not.toMatch(uuid);

	const bad = await page.request.get('/staff/export?format=xlsx');
	expect(bad.status()).toBe(400);
	expect(await bad.text()).toBe(t.badFormat);
});

test('a caseworker is offered no export and gets "not found" at its address; nobody signed in is sent to sign in', async ({
	page,
	own
}) => {
	const anonymous = await page.request.get('/staff/export?format=csv', { maxRedirects: 0 });
	expect(anonymous.status()).toBe(303);
	expect(anonymous.headers()['location']).toBe(`/login?next=${encodeURIComponent('/staff/export?format=csv')}`);
	await signIn(page, own.staff.email);
	await page.goto('/staff/dashboard');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(da.dashboard.titleOwn);
	await expect(page.getByRole('link', { name: t.csv })).toHaveCount(0);
	for (const format of ['csv', 'json', 'xlsx']) expect((await page.request.get(`/staff/export?format=${format}`)).status()).toBe(404);
});
