/**
 * "How are things going?" (/checkin) as the family uses it at 360 px: checking in with and
 * without JavaScript, a mistake that keeps what was typed, the chart mirrored in Arabic, a
 * teenager's private answers kept from the parent until shared, and the staff's view.
 */
import type { Browser, Page } from '@playwright/test';
import ar from '../../messages/ar.json' with { type: 'json' };
import da from '../../messages/da.json' with { type: 'json' };
import { test, expect, signIn, chooseLanguage, familyHref } from './helpers';
import type { OwnFamily } from './own';

const area = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const table = (page: Page) => page.getByRole('table', { name: da.checkin.tableCaption });
const row = (page: Page, ...texts: string[]) => texts.reduce((rows, t) => rows.filter({ hasText: t }), table(page).getByRole('row'));

/** The x of each point on an area's chart, by day. */
async function pointsByDay(page: Page, name: string): Promise<Map<string, number>> {
	const figure = page.getByRole('figure').filter({ hasText: name });
	const points = await figure
		.locator('circle[data-day]')
		.evaluateAll((els) => els.map((e) => [e.getAttribute('data-day')!, Number(e.getAttribute('cx'))] as const));
	return new Map(points);
}

test.describe('with JavaScript', () => {
	test('a parent checks in from the home page, and checking in again the same day replaces the answer', async ({ page, own }) => {
		await signIn(page, own.parent.email);
		await page.getByRole('link', { name: da.home.checkinLink }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(da.checkin.title);
		await expect(page.getByText(da.checkin.none)).toBeVisible();

		await area(page, da.lifeArea.work).getByRole('radio', { name: da.checkin.score['4'], exact: true }).check();
		await area(page, da.lifeArea.work).getByLabel(da.checkin.note).fill('Praktik i et køkken');
		await area(page, da.lifeArea.health).getByRole('radio', { name: da.checkin.score['2'], exact: true }).check();
		await page.getByRole('button', { name: da.checkin.save }).click();
		await expect(page.getByRole('status')).toHaveText(da.checkin.done.saved);
		await expect(row(page, da.lifeArea.work, da.checkin.score['4'], 'Praktik i et køkken')).toHaveCount(1);
		await expect(row(page, da.lifeArea.health, da.checkin.score['2'])).toHaveCount(1);
		await expect(page.getByRole('img', { name: new RegExp(`^${da.lifeArea.work} `) })).toBeVisible();
		// Saved: the form is empty again.
		await expect(area(page, da.lifeArea.work).getByRole('radio', { checked: true })).toHaveCount(0);

		await area(page, da.lifeArea.work).getByRole('radio', { name: da.checkin.score['5'], exact: true }).check();
		await page.getByRole('button', { name: da.checkin.save }).click();
		await expect(page.getByRole('status')).toHaveText(da.checkin.done.saved);
		await expect(row(page, da.lifeArea.work)).toHaveCount(1);
		await expect(row(page, da.lifeArea.work, da.checkin.score['5'])).toHaveCount(1);
	});

	test('a check-in in Arabic draws a right-to-left chart: newest at the left', async ({ page, own }) => {
		await signIn(page, own.parent.email);
		await chooseLanguage(page, 'العربية');
		await page.goto('/checkin');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await area(page, ar.lifeArea.housing).getByRole('radio', { name: ar.checkin.score['3'], exact: true }).check();
		await page.getByRole('button', { name: ar.checkin.save }).click();
		await expect(page.getByRole('status')).toHaveText(ar.checkin.done.saved);
		const chart = page.getByRole('img', { name: new RegExp(`^${ar.lifeArea.housing} `) });
		await expect(chart).toBeVisible();
		// Today's point is at the left end of the time axis, the faces (the scale) at the right.
		const [today] = [...(await pointsByDay(page, ar.lifeArea.housing)).values()];
		const faces = await chart.locator('svg.face').evaluateAll((els) => els.map((e) => Number(e.getAttribute('x'))));
		expect(today).toBeLessThan(160);
		for (const x of faces) expect(x).toBeGreaterThan(280);
		const box = (await chart.boundingBox())!;
		const dot = (await chart.locator('circle[data-day]').first().boundingBox())!;
		expect(dot.x - box.x).toBeLessThan(box.width / 2);
	});

	test("Amina's twelve weeks in Arabic run right to left: the newest answer is drawn left of the oldest", async ({ page }) => {
		// The demo Hassans (read only).
		await signIn(page, 'amina@example.org');
		await page.goto('/checkin');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		const figure = page.getByRole('figure').filter({ hasText: ar.lifeArea.work });
		await expect(figure.getByRole('img')).toBeVisible();
		const points = await pointsByDay(page, ar.lifeArea.work);
		const days = [...points.keys()].sort();
		expect(days.length).toBeGreaterThan(4);
		expect(points.get(days.at(-1)!)!).toBeLessThan(points.get(days[0])!);
		// The same figures as a table, with a caption and headers.
		const figures = page.getByRole('table', { name: ar.checkin.tableCaption });
		await expect(figures.getByRole('columnheader', { name: ar.checkin.how })).toBeVisible();
		await expect(figures.getByRole('rowheader').first()).toBeVisible();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a parent checks in; nothing chosen, or a sentence without a face, is said next to the field and keeps what was typed', async ({
		page,
		own
	}) => {
		await signIn(page, own.parent.email);
		await page.goto('/checkin');
		await page.getByRole('button', { name: da.checkin.save }).click();
		await expect(page.getByRole('alert')).toContainText(da.validation.checkinNone);

		await area(page, da.lifeArea.money).getByLabel(da.checkin.note).fill('Regningerne er betalt');
		await area(page, da.lifeArea.family).getByRole('radio', { name: da.checkin.score['5'], exact: true }).check();
		await page.getByRole('button', { name: da.checkin.save }).click();
		await expect(area(page, da.lifeArea.money).getByText(da.validation.checkinNoteNeedsScore)).toBeVisible();
		await expect(area(page, da.lifeArea.money).getByLabel(da.checkin.note)).toHaveValue('Regningerne er betalt');
		await expect(area(page, da.lifeArea.family).getByRole('radio', { name: da.checkin.score['5'], exact: true })).toBeChecked();
		await expect(page.getByRole('alert').getByRole('link', { name: da.validation.checkinNoteNeedsScore })).toBeVisible();

		await area(page, da.lifeArea.money).getByRole('radio', { name: da.checkin.score['3'], exact: true }).check();
		await page.getByRole('button', { name: da.checkin.save }).click();
		await expect(page).toHaveURL(/\/checkin\?done=saved$/);
		await expect(page.getByRole('status')).toHaveText(da.checkin.done.saved);
		await expect(row(page, da.lifeArea.money, da.checkin.score['3'], 'Regningerne er betalt')).toHaveCount(1);
		await expect(row(page, da.lifeArea.family, da.checkin.score['5'])).toHaveCount(1);
	});
});

/** The contact person makes the teenager a sign-in link; the teenager takes it with an e-mail and a password. */
async function teenSignsUp(browser: Browser, own: OwnFamily): Promise<Page> {
	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, own.staff.email);
	await staff.getByRole('link', { name: own.familyName }).click();
	await staff.getByRole('button', { name: `Lav login-link til ${own.teen.name}` }).click();
	const link = (await staff.locator('.slip').getByRole('link').getAttribute('href'))!;
	const teen = await (await browser.newContext()).newPage();
	await teen.goto(link);
	await teen.locator('main input[autocomplete=username]').fill(`teen-${own.k}@e2e.test`);
	await teen.locator('main input[type=password]').fill('fodbold og lektier');
	await teen.locator('main form button[type=submit]').click();
	await expect(teen).toHaveURL(/\/home\?welcome$/);
	return teen;
}

test("a teenager's check-in is hidden from the parent until he shows it, and hidden again when he takes it back; staff see it all", async ({
	browser,
	own
}) => {
	// Three people, a sign-up and six saves: more than 30 s on a busy machine.
	test.setTimeout(90_000);
	const teen = await teenSignsUp(browser, own);
	await teen.goto('/checkin');
	await area(teen, da.lifeArea.school).getByRole('radio', { name: da.checkin.score['1'], exact: true }).check();
	await area(teen, da.lifeArea.school).getByLabel(da.checkin.note).fill('Ingen at være sammen med i frikvarteret');
	await teen.getByRole('button', { name: da.checkin.save }).click();
	await expect(teen.getByRole('status')).toHaveText(da.checkin.done.saved);
	const mine = row(teen, da.lifeArea.school);
	await expect(mine.getByText(da.checkin.privateMine)).toBeAttached();

	const parent = await (await browser.newContext()).newPage();
	await signIn(parent, own.parent.email);
	await parent.goto('/checkin');
	await expect(parent.getByRole('link', { name: own.teen.name })).toHaveCount(0);
	await expect(parent.getByText('frikvarteret')).toHaveCount(0);

	await mine.getByRole('button', { name: da.checkin.share }).click();
	await expect(teen.getByRole('status')).toHaveText(da.checkin.done.shared);
	await parent.reload();
	await parent.getByRole('navigation', { name: da.checkin.whose }).getByRole('link', { name: own.teen.name }).click();
	await expect(row(parent, da.lifeArea.school, da.checkin.score['1'], 'frikvarteret')).toHaveCount(1);
	await expect(parent.getByRole('button', { name: da.checkin.unshare })).toHaveCount(0);
	const shared = parent.url();

	await row(teen, da.lifeArea.school).getByRole('button', { name: da.checkin.unshare }).click();
	await expect(teen.getByRole('status')).toHaveText(da.checkin.done.unshared);
	const hidden = await parent.goto(shared);
	expect(hidden?.status()).toBe(404);

	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, own.staff.email);
	await staff.getByRole('link', { name: own.familyName }).click();
	await staff.getByRole('link', { name: da.staffFamily.checkinsLink }).click();
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText(da.checkin.staffTitle);
	const theo = staff.getByRole('region', { name: own.teen.name });
	await expect(theo.getByRole('row').filter({ hasText: 'frikvarteret' })).toContainText(da.checkin.private);
	await expect(staff.getByRole('main').getByRole('button')).toHaveCount(0);
});

test('staff of another family get the same 404 for its check-ins as for a family that does not exist', async ({ page, own }) => {
	await signIn(page, 'mette@example.org');
	const hassan = await familyHref(page, /Hassan/);
	await page.goto(`${hassan}/checkins`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(da.checkin.staffTitle);
	await page.context().clearCookies();
	// The contact person of a test family sees that family only.
	await signIn(page, own.staff.email);
	const a = await page.goto(`${hassan}/checkins`);
	const b = await page.goto('/staff/families/00000000-0000-4000-8000-000000000000/checkins');
	expect([a?.status(), b?.status()]).toEqual([404, 404]);
});
