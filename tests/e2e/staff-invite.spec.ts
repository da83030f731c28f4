/**
 * A sign-in link for a new colleague, at 360 px: the team leader adds a colleague, makes a link
 * on the colleague's page (shown once), and the colleague, in a browser of their own, opens it,
 * sees only their first name, chooses a password and lands signed in on /staff. The link then
 * works no more, and the password signs in. A caseworker gets "not found" for the action.
 */
import { test, expect, signIn } from './helpers';
import da from '../../messages/da.json' with { type: 'json' };
import { testColleague } from '../../src/lib/server/demo/test-families';
import axe from 'axe-core';
import type { APIRequestContext, Page } from '@playwright/test';

/** axe's rules on the page as it is (axe.spec.ts audits every other page in every locale). */
async function audit(page: Page, label: string): Promise<void> {
	await page.evaluate(axe.source);
	const summary = await page.evaluate(async () => {
		const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
		return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	});
	expect(summary, `axe on ${label}`).toEqual([]);
}

/** The server's own count of statements for a page (budgets.spec.ts reads the same header). */
async function statements(request: APIRequestContext, url: string): Promise<number> {
	return Number((await request.get(url)).headers()['x-opgang-queries']);
}

const t = da.staffAdmin;
const leader = 'leader@e2e.test';
const chosen = 'morgenkaffe ved søen';

test('the team leader makes a sign-in link for a new colleague, who sets a password with it and is signed in', async ({
	page,
	browser
}) => {
	const email = `nasra-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.test`;
	const name = `Nasra Hirsi ${Date.now() % 100000}`;
	await signIn(page, leader);
	await page.goto('/staff/team/staff');
	const add = page.getByRole('form', { name: t.addTitle });
	await add.getByLabel(t.name).fill(name);
	await add.getByLabel(t.email).fill(email);
	await add.getByLabel(t.department).selectOption({ index: 1 });
	await add.getByRole('button', { name: t.add }).click();
	await expect(page.getByRole('status')).toHaveText(t.added);
	await page.getByRole('heading', { name }).getByRole('link').click();
	await expect(page).toHaveURL(/\/staff\/team\/staff\/[0-9a-f-]{36}$/);

	const form = page.getByRole('form', { name: t.linkTitle });
	await form.getByRole('button', { name: t.linkButton }).click();
	const made = page.getByRole('status');
	await expect(made).toContainText(name);
	const href = await made.getByRole('link').getAttribute('href');
	await audit(page, "a colleague's profile with a new sign-in link");
	expect(href).toMatch(/\/colleague\/[^/]+\.[^/]+$/);
	// Shown once: the page read again does not show it.
	await page.goto(page.url().split('?')[0]);
	expect(await statements(page.request, page.url())).toBeLessThanOrEqual(6);
	await expect(page.getByRole('heading', { name: t.linkTitle })).toBeVisible();
	await expect(page.locator('a.new-link')).toHaveCount(0);

	const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `10.231.${Date.now() % 250}.7` } });
	const colleague = await context.newPage();
	await colleague.goto(href!);
	await expect(colleague.getByRole('heading', { level: 1 })).toHaveText(da.colleagueLink.title);
	await expect(colleague.getByRole('main')).toContainText('Nasra');
	await expect(colleague.getByRole('main')).not.toContainText('Hirsi');
	expect(await statements(colleague.request, href!)).toBeLessThanOrEqual(6);
	// A password the rules refuse is answered in words.
	await colleague.getByLabel(da.colleagueLink.password).fill('kort');
	await colleague.getByRole('button', { name: da.colleagueLink.submit }).click();
	await expect(colleague.getByRole('alert').first()).toBeVisible();
	await expect(colleague.locator('#password-error')).toBeVisible();
	await audit(colleague, "a colleague's sign-in link with errors");
	await colleague.getByLabel(da.colleagueLink.password).fill(chosen);
	await colleague.getByRole('button', { name: da.colleagueLink.submit }).click();
	await expect(colleague).toHaveURL(/\/staff$/);
	// The link works once.
	await colleague.goto(href!);
	await expect(colleague.getByRole('heading', { level: 1 })).toHaveText(da.invitation.invalidTitle);
	await expect(colleague.getByText(da.colleagueLink.invalid)).toBeVisible();
	await expect(colleague.getByRole('link', { name: da.invitation.toLogin })).toBeVisible();
	await context.close();

	// The password signs in, in another browser again.
	const later = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `10.232.${Date.now() % 250}.8` } });
	await signIn(await later.newPage(), email, chosen);
	await later.close();
});

test('a caseworker cannot make a colleague a link', async ({ page, browser, own }) => {
	const lead = await (await browser.newContext()).newPage();
	await signIn(lead, leader);
	await lead.goto('/staff/team/staff');
	const href = await lead.getByRole('heading', { name: testColleague.name }).getByRole('link').getAttribute('href');
	await lead.context().close();
	await signIn(page, own.staff.email);
	const answer = await page.request.post(`${href}?/link`, { headers: { origin: new URL(page.url()).origin }, form: {} });
	expect(answer.status()).toBe(404);
});
