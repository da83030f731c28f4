/**
 * The municipality's frame on every page (header and footer), the privacy notice GDPR article
 * 13 asks for, and the accessibility statement, in every language.
 */
import { locales } from '../../src/lib/i18n/locales';
import { organisation } from '../../src/lib/server/demo/data';
import { test, expect, signIn } from './helpers';

const messages = Object.fromEntries(
	await Promise.all(
		locales.map(async ({ code }) => [code, (await import(`../../messages/${code}.json`, { with: { type: 'json' } })).default])
	)
);

for (const { code } of locales) {
	test(`the municipality, its phone and opening hours, the privacy notice and the accessibility statement, in ${code}`, async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext();
		await context.addCookies([{ name: 'opgang-lang', value: code, url: baseURL! }]);
		const page = await context.newPage();
		const m = messages[code];
		await page.goto('/login');
		// The header names the municipality beside the portal.
		await expect(page.getByRole('banner')).toContainText(organisation.name);
		const footer = page.getByRole('contentinfo');
		await expect(footer.getByRole('heading')).toContainText(organisation.name);
		await expect(footer.getByRole('link', { name: organisation.phone })).toHaveAttribute('href', 'tel:+4587102030');
		// Opening hours: weekday names in the reader's language.
		const thursday = new Intl.DateTimeFormat(code, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 4, 12)));
		await expect(footer).toContainText(thursday);

		await footer.getByRole('link', { name: m.nav.privacy }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.privacy.title);
		for (const section of ['controller', 'purpose', 'basis', 'recipients', 'retention', 'rights', 'complaint'])
			await expect(page.getByRole('heading', { level: 2, name: m.privacy[section].title })).toBeVisible();
		await expect(page.getByRole('link', { name: organisation.dpoEmail })).toHaveAttribute('href', `mailto:${organisation.dpoEmail}`);
		await expect(page.getByRole('main')).toContainText('Datatilsynet');

		await page.getByRole('contentinfo').getByRole('link', { name: m.frame.accessibility }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.accessibility.title);
		await expect(page.getByRole('main').getByRole('link', { name: organisation.email })).toBeVisible();
		await context.close();
	});
}

test('the footer is there for a signed-in family too, and does not push the page sideways at 320 px', async ({ page, own }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await signIn(page, own.parent.email);
	await expect(page.getByRole('contentinfo').getByRole('link', { name: organisation.phone })).toBeVisible();
	const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
	expect(fits).toBe(true);
});
