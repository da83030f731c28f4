/**
 * The team leader keeps the team's staff, at 360 px: the list from the team page (who is away,
 * how many families each has), a colleague's profile changed without JavaScript (a mistake
 * answered in words, what was typed kept), a new colleague (an e-mail in use answered, the name
 * kept), and the team's caseload target. A caseworker is offered none of it and gets "not found".
 */
import { test, expect, signIn } from './helpers';
import type { Page } from '@playwright/test';
import da from '../../messages/da.json' with { type: 'json' };
import { testColleague } from '../../src/lib/server/demo/test-families';

const t = da.staffAdmin;
const leader = 'leader@e2e.test';
/** A link's words and, hidden but read out, whom it is about ("Ret profilen: Sahra Saabir"). */
const about = (words: string, name: string) => new RegExp(`^${words}\\s*: ${name}$`);

/** The server's own count of statements for a page (budgets.spec.ts reads the same header). */
async function statements(page: Page): Promise<number> {
	return Number((await page.request.get(page.url())).headers()['x-opgang-queries']);
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the team leader finds a colleague from the team page and changes her profile; a mistake keeps what was typed', async ({ page }) => {
		await signIn(page, leader);
		await page.goto('/staff/team');
		await page.getByRole('link', { name: t.teamLink }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title);
		expect(await statements(page)).toBeLessThanOrEqual(6);
		const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: testColleague.name }) });
		await expect(card).toContainText(t.contactFor);
		await expect(card).toContainText(t.present);
		await expect(card.getByRole('link', { name: about(t.away, testColleague.name) })).toHaveAttribute(
			'href',
			/\/staff\/availability\?staff=[0-9a-f-]{36}$/
		);
		await card.getByRole('link', { name: about(t.edit, testColleague.name) }).click();
		await expect(page).toHaveURL(/\/staff\/team\/staff\/[0-9a-f-]{36}$/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(testColleague.name);
		expect(await statements(page)).toBeLessThanOrEqual(6);

		const form = page.getByRole('form', { name: t.formLabel });
		await form.getByLabel(da.staffProfile.phone).fill('12');
		await form.getByLabel(/^På dansk$/i).fill('Jeg hjælper med job og bolig.');
		await form.getByRole('button', { name: da.staffProfile.save }).click();
		await expect(page.getByRole('alert').first()).toContainText(da.validation.phoneInvalid);
		await expect(form.getByLabel(/^På dansk$/i)).toHaveValue('Jeg hjælper med job og bolig.');
		await form.getByLabel(da.staffProfile.phone).fill('+45 40 39 00 19');
		await form.getByRole('button', { name: da.staffProfile.save }).click();
		await expect(page.getByRole('status')).toHaveText(t.saved);
		await expect(form.getByLabel(da.staffProfile.phone)).toHaveValue('+45 40 39 00 19');

		// The way to her absences, with who stands in: the availability page, as the team leader sees it.
		await page.getByRole('link', { name: t.awayLink }).click();
		await expect(page).toHaveURL(/\/staff\/availability\?staff=[0-9a-f-]{36}$/);
		await page.goBack();
		await page.getByRole('link', { name: t.backToList }).click();
		await expect(page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: testColleague.name }) })).toContainText(
			'+45 40 39 00 19'
		);
	});
});

test('the team leader adds a colleague; an e-mail in use is answered, and the name typed stays', async ({ page }) => {
	const email = `ny-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.test`;
	await signIn(page, leader);
	await page.goto('/staff/team/staff');
	const form = page.getByRole('form', { name: t.addTitle });
	await form.getByRole('button', { name: t.add }).click();
	await expect(page.getByRole('alert').first()).toContainText(da.validation.nameRequired);
	await expect(page.getByRole('alert').first()).toContainText(da.validation.departmentChoose);

	await form.getByLabel(t.name).fill('Hodan Warsame');
	await form.getByLabel(t.email).fill(email);
	await form.getByLabel(t.department).selectOption({ index: 1 });
	await form.getByRole('button', { name: t.add }).click();
	await expect(page.getByRole('status')).toHaveText(t.added);
	await expect(page.getByRole('heading', { name: 'Hodan Warsame' })).toBeVisible();

	await form.getByLabel(t.name).fill('Hodan Anden');
	await form.getByLabel(t.email).fill(email.toUpperCase());
	await form.getByLabel(t.department).selectOption({ index: 1 });
	await form.getByRole('button', { name: t.add }).click();
	await expect(page.getByRole('alert').first()).toContainText(da.validation.emailTaken);
	await expect(form.getByLabel(t.name)).toHaveValue('Hodan Anden');
	await expect(page.getByRole('heading', { name: 'Hodan Anden' })).toHaveCount(0);
});

test('the team leader sets the families per staff member the team aims at, within 1 to 200', async ({ page }) => {
	await signIn(page, leader);
	await page.goto('/staff/team');
	const target = page.getByRole('region', { name: t.caseloadTitle });
	await expect(target.getByLabel(t.caseloadLabel)).toHaveValue(/^\d+$/);
	await target.getByLabel(t.caseloadLabel).fill('0');
	await target.getByRole('button', { name: t.caseloadSave }).click();
	await expect(page.getByRole('alert').first()).toContainText(da.validation.caseloadRange);
	await expect(page.getByRole('region', { name: t.caseloadTitle }).getByLabel(t.caseloadLabel)).toHaveValue('0');
	await page.getByRole('region', { name: t.caseloadTitle }).getByLabel(t.caseloadLabel).fill('30');
	await page.getByRole('region', { name: t.caseloadTitle }).getByRole('button', { name: t.caseloadSave }).click();
	await expect(page.getByRole('status')).toHaveText(da.teamPlaces.done.target);
	await expect(page.getByRole('region', { name: t.caseloadTitle }).getByLabel(t.caseloadLabel)).toHaveValue('30');
});

test('a caseworker is offered none of it, and gets "not found" at its addresses', async ({ page, browser, own }) => {
	const lead = await (await browser.newContext()).newPage();
	await signIn(lead, leader);
	await lead.goto('/staff/team/staff');
	const colleague = await lead.getByRole('link', { name: about(t.edit, testColleague.name) }).getAttribute('href');
	await lead.context().close();

	await signIn(page, own.staff.email);
	await page.goto('/staff/team');
	await expect(page.getByRole('link', { name: t.teamLink })).toHaveCount(0);
	await expect(page.getByRole('region', { name: t.caseloadTitle })).toHaveCount(0);
	for (const path of ['/staff/team/staff', colleague!]) expect((await page.request.get(path)).status()).toBe(404);
	const posted = await page.request.post(`${colleague}?/save`, {
		form: { phone: '', lang_da: 'on' },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(posted.status()).toBe(404);
});

test("the team leader's forms answer garbage with 400, never 500", async ({ page }) => {
	await signIn(page, leader);
	await page.goto('/staff/team/staff');
	const colleague = await page.getByRole('link', { name: about(t.edit, testColleague.name) }).getAttribute('href');
	const headers = { origin: new URL(page.url()).origin, accept: 'text/html' };
	const garbage: Record<string, string>[] = [
		{},
		{ name: 'x'.repeat(5000), email: '@', departmentId: "1' or '1'='1", role: 'boss' },
		{ target: '-1e99', phone: '\u0000' }
	];
	for (const path of ['/staff/team/staff?/add', '/staff/team?/target', `${colleague}?/save`]) {
		for (const form of garbage) expect((await page.request.post(path, { form, headers })).status(), path).toBe(400);
	}
	// A colleague's id that is no one on the team is "not found", like a page that does not exist.
	expect((await page.request.post('/staff/team/staff/00000000-0000-4000-8000-000000000000?/save', { form: {}, headers })).status()).toBe(
		404
	);
});
