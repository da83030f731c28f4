import { type Locator, type Page } from '@playwright/test';
import ar from '../../messages/ar.json' with { type: 'json' };
import da from '../../messages/da.json' with { type: 'json' };
import tr from '../../messages/tr.json' with { type: 'json' };
import { test, expect, chooseLanguage, signIn, olenasReturn } from './helpers';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('anyone can switch to Arabic before signing in, and the page turns right to left', async ({ page }) => {
		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
		await chooseLanguage(page, 'العربية');
		await expect(page).toHaveURL(/\/login$/);
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		await page.reload();
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	});
});

test.describe('the browser language is the first guess', () => {
	test.use({ locale: 'tr-TR' });
	test('Turkish for a Turkish phone', async ({ page }) => {
		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr.login.title);
	});
});

test('a signed-in person’s choice is saved with their sign-in', async ({ browser, own }) => {
	const phone = await browser.newContext();
	const page = await phone.newPage();
	await signIn(page, own.parent.email);
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');
	await chooseLanguage(page, 'العربية');
	await expect(page).toHaveURL(/\/home$/);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

	// Another device, with a Danish browser and no language cookie, still gets Arabic.
	const other = await browser.newContext({ locale: 'da-DK' });
	const second = await other.newPage();
	await signIn(second, own.parent.email);
	await expect(second.locator('html')).toHaveAttribute('lang', 'ar');
	await chooseLanguage(second, 'Dansk');
	await expect(second.locator('html')).toHaveAttribute('lang', 'da');
	await phone.close();
	await other.close();
});

test('dates are shown in Copenhagen time in the reader’s language', async ({ page }) => {
	await signIn(page, 'iryna@example.org');
	await expect(page.getByRole('note')).toContainText(olenasReturn('uk'));
});

/**
 * Each page is sent only its own namespaces (src/lib/server/i18n-areas.ts); in the browser the
 * next page's copy comes with its __data.json. Follow links as a person would and check every
 * page arrives translated, with no key such as "staff.title" left showing.
 */
test.describe('client-side navigation brings each page its own copy', () => {
	const rawKey = new RegExp(`\\b(${Object.keys(da).join('|')})\\.[A-Za-z]`);
	async function follow(page: Page, link: Locator, heading: string | RegExp): Promise<void> {
		const data = page.waitForResponse((r) => r.url().includes('__data.json'));
		await link.click();
		await data; // a navigation in the page, not a full page load
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		expect(await page.locator('body').innerText()).not.toMatch(rawKey);
	}

	test('a parent, in Arabic', async ({ page }) => {
		await signIn(page, 'amina@example.org');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('مرحبًا Amina');
		await follow(page, page.getByRole('navigation').getByRole('link', { name: ar.nav.account }), ar.account.title);
		await follow(page, page.locator('footer').getByRole('link', { name: ar.nav.privacy }), ar.privacy.title);
		await follow(page, page.getByRole('navigation').getByRole('link', { name: ar.nav.home }), 'مرحبًا Amina');
		await expect(page.getByRole('region', { name: ar.contact.title })).toBeVisible();
		expect(await page.locator('body').innerText()).not.toMatch(rawKey);
	});

	test('a caseworker, in Danish', async ({ page }) => {
		await signIn(page, 'mette@example.org');
		await follow(page, page.getByRole('link', { name: 'Familien Hassan' }), 'Familien Hassan');
		await expect(page.getByRole('region', { name: da.members.titleStaff })).toBeVisible();
		await follow(page, page.getByRole('link', { name: da.staffFamily.back }), da.staff.title);
		await follow(page, page.getByRole('navigation').getByRole('link', { name: da.nav.account }), da.account.title);
		// A family page that is not hers, reached in the page: the error page has its copy too.
		await page.evaluate(() => {
			const link = Object.assign(document.createElement('a'), {
				href: '/staff/families/00000000-0000-4000-8000-000000000000',
				textContent: 'x'
			});
			document.querySelector('main')!.append(link);
		});
		await follow(page, page.getByRole('main').getByRole('link', { name: 'x', exact: true }), da.errors.notFound);
	});
});
