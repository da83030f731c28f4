import { test as base, expect, type Page } from '@playwright/test';
import { claimFamily, type OwnFamily } from './own';

let tests = 0;
/**
 * Playwright's test, with each test coming from an address of its own (the test server trusts
 * X-Forwarded-For as a proxy would set it), so no test trips another's per-address sign-in
 * throttle, and `own`: a family of the test's own (./own.ts) for anything the test changes.
 * The demo families are for reading only. Specs import test and expect from here.
 */
export const test = base.extend<{ own: OwnFamily }>({
	// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
	extraHTTPHeaders: async ({}, use, testInfo) => {
		tests++;
		await use({ 'x-forwarded-for': `10.${100 + (testInfo.workerIndex % 100)}.${(tests >> 8) & 255}.${tests & 255}` });
	},
	// eslint-disable-next-line no-empty-pattern -- as above
	own: async ({}, use) => {
		await use(claimFamily());
	}
});
export { expect };

export const password = 'opgang-demo-2026';

/** The sign-in form's button (the sign-in page also has a form of language buttons). */
export const signInButton = (page: Page) => page.locator('main form:has(input[type=password]) button[type=submit]');

/** Signs in through the form (an e-mail or a phone number), as a person would; lands on the user's home. */
export async function signIn(page: Page, email: string, pass = password): Promise<void> {
	await page.goto('/login');
	await page.locator('main input[autocomplete=username]').fill(email);
	await page.locator('main input[type=password]').fill(pass);
	await signInButton(page).click();
	await expect(page).toHaveURL(/\/(home|staff)$/);
}

/** Chooses a language with the switcher in the header. */
export async function chooseLanguage(page: Page, name: string): Promise<void> {
	await page.locator('header summary').click();
	await page.locator('header').getByRole('button', { name, exact: true }).click();
	await page.waitForLoadState('load');
}

/** The id in a staff family link, found by the family's visible name. */
export async function familyHref(page: Page, familyName: RegExp): Promise<string> {
	await page.goto('/staff');
	const href = await page.getByRole('link', { name: familyName }).getAttribute('href');
	if (!href) throw new Error(`no link for ${familyName}`);
	return href;
}

/**
 * The day Olena is back in the demo (src/lib/server/demo/data.ts: away from 10 days before the
 * demo was loaded, for 24 days), written as a reader of `locale` sees it, in Copenhagen.
 */
export function olenasReturn(locale: string): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
	const back = new Date(`${today}T12:00:00Z`);
	back.setUTCDate(back.getUTCDate() - 10 + 24);
	return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Copenhagen', calendar: 'gregory' }).format(back);
}

/** Olena's last day away in the demo (the day before olenasReturn), as a reader of `locale` sees it. */
export function olenasLastDay(locale: string): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
	const last = new Date(`${today}T12:00:00Z`);
	last.setUTCDate(last.getUTCDate() - 10 + 24 - 1);
	return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Copenhagen', calendar: 'gregory' }).format(last);
}

/**
 * The first Monday after the day after tomorrow (Copenhagen), 'YYYY-MM-DD': with times every day and
 * 24 hours' notice (the test families' contact persons), the first free time comes in an earlier
 * week, and the three weeks ahead end in a later one.
 */
export function mondayAhead(): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
	const day = new Date(`${today}T12:00:00Z`);
	day.setUTCDate(day.getUTCDate() + 3);
	while (day.getUTCDay() !== 1) day.setUTCDate(day.getUTCDate() + 1);
	return day.toISOString().slice(0, 10);
}

/**
 * Takes a whole week off the signed-in staff member's calendar (hours off 08:00–18:00 on each of
 * its seven days, through /staff/availability), so the families' free times have a week without any.
 */
export async function blockWeek(page: Page, monday: string): Promise<void> {
	await page.goto('/staff/availability');
	for (let i = 0; i < 7; i++) {
		const day = new Date(`${monday}T12:00:00Z`);
		day.setUTCDate(day.getUTCDate() + i);
		await page.locator('#addTimeOff-day').fill(day.toISOString().slice(0, 10));
		await page.locator('#addTimeOff-startsAt').fill('08:00');
		await page.locator('#addTimeOff-endsAt').fill('18:00');
		await page.locator('form[action$="addTimeOff"] button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await page.goto('/staff/availability');
	}
}

/** A message with its {{values}} filled in, as i18next does it (for expecting the words a page shows). */
export function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));
}
