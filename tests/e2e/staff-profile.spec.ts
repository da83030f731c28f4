/**
 * A caseworker keeps their own profile (issue 15) at 360 px, with and without JavaScript: a
 * mistake is answered in words with nothing typed lost, and what they save in Arabic is what
 * the family's Arabic-reading parent sees on the contact card.
 */
import { test, expect, chooseLanguage, signIn } from './helpers';
import da from '../../messages/da.json' with { type: 'json' };

const t = da.staffProfile;

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('a caseworker writes what she helps with in Arabic; the parent reads it on the contact card', async ({ own, page, browser }) => {
			await signIn(page, own.staff.email);
			await page.getByRole('link', { name: da.staff.profileLink }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title);
			const words = `أساعد في العمل والتعليم ${own.k}`;
			await page.getByLabel(t.phone).fill('12');
			await page.getByRole('checkbox', { name: 'arabisk' }).check();
			await page.locator('summary', { hasText: 'arabisk' }).click();
			await page.getByRole('textbox', { name: t.helpIn.replace('{{language}}', 'arabisk') }).fill(words);
			await page.getByRole('button', { name: t.save }).click();
			await expect(page.getByRole('alert')).toContainText(da.validation.phoneInvalid);
			// Nothing typed is lost.
			await expect(page.getByRole('textbox', { name: t.helpIn.replace('{{language}}', 'arabisk') })).toHaveValue(words);
			await expect(page.getByRole('checkbox', { name: 'arabisk' })).toBeChecked();
			await page.getByLabel(t.phone).fill('+45 41 23 45 67');
			await page.getByRole('button', { name: t.save }).click();
			await expect(page.getByRole('status')).toHaveText(t.saved);

			const parent = await (await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } })).newPage();
			await signIn(parent, own.parent.email);
			await chooseLanguage(parent, 'العربية');
			await parent.goto('/home');
			await expect(parent.getByText(words)).toBeVisible();
			await expect(parent.getByRole('link', { name: /\+45 41 23 45 67/ })).toBeVisible();
			await parent.context().close();
		});
	});
}
