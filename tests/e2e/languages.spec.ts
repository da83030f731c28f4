/**
 * The three languages that came last (Persian, Urdu, Ukrainian), as their readers meet them:
 * right to left where the language is, phone numbers that can still be dialled, Urdu in a
 * Nastaliq-friendly line height, dates and plurals in the reader's own grammar.
 */
import fa from '../../messages/fa.json' with { type: 'json' };
import so from '../../messages/so.json' with { type: 'json' };
import ur from '../../messages/ur.json' with { type: 'json' };
import { locales } from '../../src/lib/i18n/locales';
import { formatDateTime } from '../../src/lib/i18n/format';
import { test, expect, signIn } from './helpers';

for (const [email, lang, messages, contact, phone] of [
	['zahra@example.org', 'fa', fa, 'Fatima Ahmadi', '+45 41 23 53 31'],
	['sana@example.org', 'ur', ur, 'Nadia Iqbal', '+45 41 23 57 85']
] as const) {
	test(`a ${lang} page reads right to left, and the phone number stays as it is dialled`, async ({ page }) => {
		await signIn(page, email);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		const card = page.getByRole('region', { name: messages.contact.title });
		await expect(card.getByRole('heading', { name: contact })).toBeVisible();
		const call = card.getByRole('link', { name: new RegExp(messages.contact.call.split('{{')[0].trim()) });
		await expect(call).toHaveAttribute('href', `tel:${phone.replace(/ /g, '')}`);
		// Latin digits, left to right, in one piece: the number reads as it is dialled.
		const number = call.getByText(phone, { exact: true });
		await expect(number).toBeVisible();
		expect(await number.evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
		const [first, last] = await number.evaluate((e) => {
			const range = document.createRange();
			const text = e.firstChild!;
			range.setStart(text, 0);
			range.setEnd(text, 1);
			const a = range.getBoundingClientRect().x;
			range.setStart(text, text.textContent!.length - 1);
			range.setEnd(text, text.textContent!.length);
			return [a, range.getBoundingClientRect().x];
		});
		expect(first).toBeLessThan(last);
		// The avatar sits at the start of the line, which is on the right.
		const person = card.locator('.person').first();
		expect((await person.locator('.avatar').boundingBox())!.x).toBeGreaterThan((await person.getByRole('heading').boundingBox())!.x);
	});
}

test('Urdu is set with room for Nastaliq: headings and text are not clipped', async ({ page }) => {
	await signIn(page, 'sana@example.org');
	const h1 = page.getByRole('heading', { level: 1 });
	const { lineHeight, fontSize, family } = await h1.evaluate((e) => {
		const s = getComputedStyle(e);
		return { lineHeight: parseFloat(s.lineHeight), fontSize: parseFloat(s.fontSize), family: s.fontFamily };
	});
	expect(lineHeight / fontSize).toBeGreaterThanOrEqual(1.8);
	expect(family).toMatch(/Nastaliq/);
	const body = await page
		.locator('main p')
		.first()
		.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight) / parseFloat(getComputedStyle(e).fontSize));
	expect(body).toBeGreaterThanOrEqual(2);
});

test('every language is offered by its own name, in its own script', async ({ page }) => {
	await page.goto('/language');
	for (const { code, name } of locales)
		await expect(page.getByRole('main').getByRole('button', { name, exact: true })).toHaveAttribute('lang', code);
	for (const name of ['فارسی', 'اردو', 'Українська'])
		await expect(page.getByRole('main').getByRole('button', { name, exact: true })).toBeVisible();
});

for (const { code, dir } of locales) {
	test(`in ${code} the pages run ${dir} and fit a 360 px phone`, async ({ browser, baseURL }) => {
		const context = await browser.newContext();
		await context.addCookies([{ name: 'opgang-lang', value: code, url: baseURL! }]);
		const page = await context.newPage();
		for (const path of ['/login', '/privacy', '/language']) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', code);
			await expect(page.locator('html')).toHaveAttribute('dir', dir);
			const { scrollWidth, width } = await page.evaluate(() => ({
				scrollWidth: document.documentElement.scrollWidth,
				width: document.documentElement.clientWidth
			}));
			expect(scrollWidth, `${path} in ${code}`).toBeLessThanOrEqual(width);
		}
		await context.close();
	});
}

test('a Somali reader’s dates stay Somali when the browser draws the page (Chromium has no Somali dates)', async ({ page }) => {
	await signIn(page, 'hodan@example.org');
	const data = page.waitForResponse((r) => r.url().includes('__data.json'));
	await page.getByRole('navigation').getByRole('link', { name: so.nav.account }).click();
	await data; // drawn in the browser, not by the server
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(so.account.title);
	// Signed in today: the date as the portal ships Somali ("Nof 30, 2026"), not the browser's English ("Nov 30, 2026").
	const somali = formatDateTime(new Date(), 'so').split(',').slice(0, 2).join(',');
	const english = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'Europe/Copenhagen' }).format(new Date());
	await expect(page.getByRole('main')).toContainText(somali);
	if (somali !== english) await expect(page.getByRole('main')).not.toContainText(english);
});
