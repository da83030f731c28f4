/**
 * The staff's family list on a laptop (a table) and on a phone (cards), searched with and
 * without JavaScript, and the staff family page's member facts and call buttons. Demo staff
 * only read here (tests/e2e/own.ts): lone (team leader: all eight demo families, Rashid ended),
 * mette (Hassan, Warsame), ali (Yılmaz, Hassan on the team), sahra (stand-in for Olena's
 * Melnyk family, and for Mette's holiday that starts in 5 days).
 */
import { type Locator, type Page } from '@playwright/test';
import { test, expect, signIn, olenasLastDay } from './helpers';

const laptop = { width: 1280, height: 800 };
const columns = ['Familie', 'Personer', 'Min rolle', 'Kontaktperson', 'Forløb', 'Seneste aktivitet'];

/** A day relative to today in Copenhagen, as a Danish reader sees it ("7. december 2026"). */
function danishDay(days: number): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
	const d = new Date(`${today}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return new Intl.DateTimeFormat('da', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(d);
}

const section = (page: Page, name: string) => page.getByRole('region', { name });
/** The families' rows of a section (the header row has no link). */
const rows = (where: Locator) => where.getByRole('row').filter({ has: where.page().getByRole('link') });
const row = (page: Page, family: string) =>
	rows(page.getByRole('main')).filter({ has: page.getByRole('link', { name: `Familien ${family}` }) });
/** A click (or tap) on the middle of an element, wherever the pointer lands, as a person would. */
async function pointAt(page: Page, target: Locator): Promise<void> {
	await target.scrollIntoViewIfNeeded();
	const box = (await target.boundingBox())!;
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}
const names = async (where: Locator) => (await rows(where).getByRole('link').allTextContents()).map((t) => t.trim());

test.describe('on a laptop', () => {
	test.use({ viewport: laptop, isMobile: false, hasTouch: false });

	test('the team leader gets a table: column headers, active families first and ended ones apart', async ({ page }) => {
		await signIn(page, 'lone@example.org');
		const active = section(page, 'Aktive familier');
		await expect(active.getByRole('table')).toBeVisible();
		for (const name of columns) await expect(active.getByRole('columnheader', { name, exact: true })).toBeVisible();
		await expect(active.getByRole('columnheader', { name: 'Familie' })).toHaveAttribute('aria-sort', 'ascending');
		expect(await names(active)).toEqual([
			'Familien Hassan',
			'Familien Melnyk',
			'Familien Nielsen',
			'Familien Qureshi',
			'Familien Rahimi',
			'Familien Warsame',
			'Familien Yılmaz'
		]);
		const ended = section(page, 'Afsluttede forløb');
		expect(await names(ended)).toEqual(['Familien Rashid']);
		await expect(rows(ended)).toContainText('Afsluttet 30. juni 2026');

		// A table row: the cells side by side, one link per row, the same width as the page's main column allows.
		const hassan = row(page, 'Hassan');
		await expect(hassan.getByRole('link')).toHaveCount(1);
		const cells = await hassan.getByRole('cell').all();
		const tops = await Promise.all([hassan.getByRole('rowheader'), ...cells].map(async (c) => (await c.boundingBox())!.y));
		expect(new Set(tops.map(Math.round)).size).toBe(1);
		await expect(hassan.getByRole('cell').nth(0)).toHaveText('5 personer');
		await expect(hassan).toContainText('I dit team');
		await expect(hassan).toContainText('Mette Kjær');
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
	});

	test('an away contact person is spelled out: until when, and who stands in', async ({ browser }) => {
		const lone = await browser.newPage({ viewport: laptop });
		await signIn(lone, 'lone@example.org');
		// (innerText: the card's "Kontaktperson:" label is out of sight in the table.)
		await expect(row(lone, 'Melnyk').getByRole('cell').nth(2)).toHaveText(
			`Olena Kovalenko Væk til og med ${olenasLastDay('da')}, stedfortræder Sahra Abdi`,
			{ useInnerText: true }
		);
		await expect(lone.getByText('(væk)')).toHaveCount(0);

		const sahra = await browser.newPage({ viewport: laptop });
		await signIn(sahra, 'sahra@example.org');
		await expect(row(sahra, 'Melnyk')).toContainText(`Væk til og med ${olenasLastDay('da')}, du er stedfortræder`);
		await expect(row(sahra, 'Melnyk')).toContainText('Du er stedfortræder');
		// Mette's holiday starts in 5 days: Sahra prepares for her families already, and sees why.
		for (const family of ['Hassan', 'Warsame']) {
			await expect(row(sahra, family)).toContainText(`Væk fra ${danishDay(5)} til og med ${danishDay(14)}, du er stedfortræder`);
		}
		// Mette sees it in her own list, as "you".
		const mette = await browser.newPage({ viewport: laptop });
		await signIn(mette, 'mette@example.org');
		await expect(row(mette, 'Hassan').getByRole('cell').nth(2)).toHaveText(
			`Dig Væk fra ${danishDay(5)} til og med ${danishDay(14)}, stedfortræder Sahra Abdi`,
			{ useInnerText: true }
		);
	});

	test('the whole row opens the family, by mouse anywhere on it and by keyboard', async ({ page }) => {
		await signIn(page, 'ali@example.org');
		const yilmaz = row(page, 'Yılmaz');
		// A click on the last cell, far from the family's name.
		await pointAt(page, yilmaz.getByRole('cell').last());
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Familien Yılmaz');
		await page.goBack();
		await row(page, 'Hassan').getByRole('link').focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Familien Hassan');
	});

	test('sorts by last activity: someone who was just here comes first', async ({ browser }) => {
		const hodan = await browser.newPage();
		await signIn(hodan, 'hodan@example.org');
		const page = await browser.newPage({ viewport: laptop });
		await signIn(page, 'lone@example.org');
		await page.getByLabel('Sortér efter').selectOption({ label: 'Seneste aktivitet' });
		await page.getByRole('button', { name: 'Vis familier' }).click();
		await expect(page).toHaveURL(/[?&]sort=activity/);
		const active = section(page, 'Aktive familier');
		await expect(active.getByRole('columnheader', { name: 'Seneste aktivitet' })).toHaveAttribute('aria-sort', 'descending');
		await expect(row(page, 'Warsame').getByRole('cell').last()).toHaveText(danishDay(0), { useInnerText: true });
		await expect(rows(active).first().getByRole('cell').last()).toHaveText(danishDay(0), { useInnerText: true });
		// Families nobody has signed in for come last.
		const activity = await rows(active).locator('td:last-child').allTextContents();
		const firstNever = activity.findIndex((t) => t.includes('Ikke aktiv i portalen endnu'));
		if (firstNever >= 0) expect(activity.slice(firstNever).every((t) => t.includes('Ikke aktiv i portalen endnu'))).toBe(true);
	});
});

test.describe('on a phone', () => {
	test('the same list is a card per family: no header row, lines stacked, nothing wider than the screen', async ({ page }) => {
		await signIn(page, 'lone@example.org');
		const active = section(page, 'Aktive familier');
		await expect(rows(active)).toHaveCount(7);
		await expect(active.getByRole('columnheader')).toHaveCount(0);
		const melnyk = row(page, 'Melnyk');
		const name = (await melnyk.getByRole('rowheader').boundingBox())!;
		const contact = (await melnyk.getByRole('cell').nth(2).boundingBox())!;
		const card = (await melnyk.boundingBox())!;
		expect(contact.y).toBeGreaterThan(name.y);
		expect(card.width).toBeGreaterThan(300);
		await expect(melnyk.getByRole('cell').nth(2)).toContainText(`Kontaktperson: Olena Kovalenko Væk til og med ${olenasLastDay('da')}`);
		await expect(melnyk).toContainText('Seneste aktivitet:');
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
		// A tap anywhere on the card opens the family.
		await pointAt(page, melnyk.getByRole('cell').last());
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Familien Melnyk');
	});

	test('strange links show the whole list, never an error', async ({ page }) => {
		await signIn(page, 'ali@example.org');
		for (const search of ['relation=own&status=deleted&sort=id;drop', 'q=%00&relation=', 'q=' + 'x'.repeat(3000), 'status[]=1&sort=%ff']) {
			const response = await page.goto(`/staff?${search}`);
			expect(response!.status(), search).toBe(200);
		}
		await page.goto('/staff?relation=own&status=deleted&sort=id;drop');
		expect(await names(page.getByRole('main'))).toEqual(['Familien Hassan', 'Familien Yılmaz']);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('search by a family’s or a member’s name, accents and capitals aside; filter by relation', async ({ page }) => {
		await signIn(page, 'ali@example.org');
		const search = page.getByRole('searchbox', { name: 'Søg efter familie eller person' });
		const show = page.getByRole('button', { name: 'Vis familier' });

		await search.fill('ayse');
		await show.click();
		await expect(page).toHaveURL(/\/staff\?q=ayse&/);
		expect(await names(page.getByRole('main'))).toEqual(['Familien Yılmaz']);
		await expect(row(page, 'Yılmaz')).toContainText('Fundet: Ayşe Yılmaz');
		await expect(page.getByRole('status')).toHaveText('Viser 1 af 2 familier.');
		await expect(search).toHaveValue('ayse');

		await search.fill('YILMAZ');
		await show.click();
		expect(await names(page.getByRole('main'))).toEqual(['Familien Yılmaz']);

		// Hodan is in a family Ali does not work with: nothing, and no hint of her.
		await search.fill('Hodan');
		await show.click();
		await expect(rows(page.getByRole('main'))).toHaveCount(0);
		await expect(page.getByRole('status')).toContainText('Ingen af dine familier passer til søgningen.');
		await expect(page.getByRole('main').getByText('Warsame')).toHaveCount(0);

		await search.fill('');
		await page.getByLabel('Min rolle').selectOption('involved');
		await show.click();
		expect(await names(page.getByRole('main'))).toEqual(['Familien Hassan']);
		await page.getByRole('link', { name: 'Vis alle mine familier' }).click();
		expect(await names(page.getByRole('main'))).toEqual(['Familien Hassan', 'Familien Yılmaz']);
	});

	test('ended families apart, or alone with the status filter', async ({ page }) => {
		await signIn(page, 'lone@example.org');
		await page.getByRole('combobox', { name: 'Forløb' }).selectOption('ended');
		await page.getByRole('button', { name: 'Vis familier' }).click();
		await expect(section(page, 'Aktive familier')).toHaveCount(0);
		expect(await names(section(page, 'Afsluttede forløb'))).toEqual(['Familien Rashid']);
		await page.getByRole('combobox', { name: 'Forløb' }).selectOption('active');
		await page.getByRole('button', { name: 'Vis familier' }).click();
		await expect(section(page, 'Afsluttede forløb')).toHaveCount(0);
		await expect(rows(section(page, 'Aktive familier'))).toHaveCount(7);
	});
});

test.describe('the staff family page', () => {
	const member = (page: Page, name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });

	test('shows each member’s preferred language and whether they have a sign-in', async ({ page }) => {
		await signIn(page, 'mette@example.org');
		await page.getByRole('link', { name: 'Familien Hassan' }).click();
		await expect(member(page, 'Amina Hassan')).toContainText('Foretrækker arabisk');
		await expect(member(page, 'Amina Hassan')).toContainText('Har login');
		await expect(member(page, 'Omar Hassan')).toContainText('Foretrækker dansk');
		await expect(member(page, 'Halima Hassan')).toContainText('Foretrækker arabisk');
		await expect(member(page, 'Halima Hassan')).toContainText('Har ikke login');
	});

	test('offers no call button to the staff member herself, and one for each colleague', async ({ browser }) => {
		const mette = await browser.newPage();
		await signIn(mette, 'mette@example.org');
		await mette.getByRole('link', { name: 'Familien Hassan' }).click();
		const contact = mette.getByRole('region', { name: 'Kontaktperson', exact: true });
		await expect(contact.getByRole('heading', { name: 'Mette Kjær' })).toBeVisible();
		await expect(contact.getByText('Det er dig.')).toBeVisible();
		await expect(mette.getByRole('link', { name: /Ring til Mette/ })).toHaveCount(0);
		await expect(mette.getByRole('link', { name: /Ring til Ali/ })).toBeVisible();

		const ali = await browser.newPage();
		await signIn(ali, 'ali@example.org');
		await ali.getByRole('link', { name: 'Familien Hassan' }).click();
		await expect(ali.getByRole('link', { name: /Ring til Mette/ })).toBeVisible();
		await expect(ali.getByRole('link', { name: /Ring til Ali/ })).toHaveCount(0);

		// The stand-in reads her own card as the stand-in, without a button to call herself.
		const sahra = await browser.newPage();
		await signIn(sahra, 'sahra@example.org');
		await sahra.getByRole('link', { name: 'Familien Melnyk' }).click();
		await expect(sahra.getByRole('link', { name: /Ring til Olena/ })).toBeVisible();
		await expect(sahra.getByRole('link', { name: /Ring til Sahra/ })).toHaveCount(0);
		await expect(sahra.getByText('Det er dig.')).toBeVisible();
	});
});
