import { expect, test } from '@playwright/test';
import tr from '../../messages/tr.json' with { type: 'json' };
import { chooseLanguage, signIn, olenasLastDay } from './helpers';

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

test('a signed-in person’s choice is saved with their sign-in', async ({ browser }) => {
	const phone = await browser.newContext();
	const page = await phone.newPage();
	await signIn(page, 'yusuf@example.org');
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');
	await chooseLanguage(page, 'العربية');
	await expect(page).toHaveURL(/\/home$/);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

	// Another device, with a Danish browser and no language cookie, still gets Arabic.
	const other = await browser.newContext({ locale: 'da-DK' });
	const second = await other.newPage();
	await signIn(second, 'yusuf@example.org');
	await expect(second.locator('html')).toHaveAttribute('lang', 'ar');
	await chooseLanguage(second, 'Dansk');
	await expect(second.locator('html')).toHaveAttribute('lang', 'da');
	await phone.close();
	await other.close();
});

test('dates are shown in Copenhagen time in the reader’s language', async ({ page }) => {
	await signIn(page, 'iryna@example.org');
	await expect(page.getByRole('note')).toContainText(olenasLastDay('en'));
});
