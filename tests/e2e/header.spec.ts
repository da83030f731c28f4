/**
 * The header as a family meets it on a small phone: it wraps instead of pushing the page
 * sideways (320 px, Android's large text), the language menu closes the way menus do, the
 * sign-in page offers every language in plain view, and the language names and lists a page
 * shows are the same after hydration as the server wrote them.
 */
import { type Page } from '@playwright/test';
import ar from '../../messages/ar.json' with { type: 'json' };
import so from '../../messages/so.json' with { type: 'json' };
import { locales } from '../../src/lib/i18n/locales';
import { test, expect, chooseLanguage, signIn, signInButton } from './helpers';

/**
 * How far the page reaches past the layout viewport. Not innerWidth: on a phone (isMobile)
 * Chromium zooms out to show content that overflows, and innerWidth grows with it.
 */
async function overflow(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Android's large-text setting at its largest: every rem twice as big. */
async function largeText(page: Page, on: boolean): Promise<void> {
	await page.evaluate((size) => (document.documentElement.style.fontSize = size), on ? '200%' : '');
}

/** No sideways scrolling at 320 px and at 200 % text (on 320 and 360 px), menu shut and open. */
async function expectFits(page: Page, label: string): Promise<void> {
	for (const width of [320, 360]) {
		await page.setViewportSize({ width, height: 740 });
		for (const large of width === 320 ? [false, true] : [true]) {
			await largeText(page, large);
			for (const open of [false, true]) {
				const menu = page.locator('header details');
				await menu.evaluate((d: HTMLDetailsElement, o) => (d.open = o), open);
				expect(await overflow(page), `${label} at ${width} px${large ? ', 200 % text' : ''}${open ? ', menu open' : ''}`).toBe(0);
			}
			await page.locator('header details').evaluate((d: HTMLDetailsElement) => (d.open = false));
		}
	}
	await largeText(page, false);
	await page.setViewportSize({ width: 360, height: 740 });
}

/** The menu shut and its button focused, which with JavaScript means the page is hydrated. */
async function waitForHydration(page: Page): Promise<void> {
	const menu = page.locator('header details');
	await page.locator('header summary').click();
	await expect(menu).toHaveAttribute('open', '');
	await page.keyboard.press('Escape');
	await expect(menu).not.toHaveAttribute('open');
}

test.describe('the header fits the phone', () => {
	for (const { code } of locales) {
		test(`signed out, in ${code}`, async ({ browser, baseURL }) => {
			const context = await browser.newContext({ viewport: { width: 320, height: 740 }, isMobile: true, hasTouch: true });
			await context.addCookies([{ name: 'opgang-lang', value: code, url: baseURL! }]);
			const page = await context.newPage();
			for (const path of ['/login', '/language', '/privacy']) {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('lang', code);
				await expectFits(page, `${path} (${code})`);
			}
			await context.close();
		});
	}

	test('signed in, in every language', async ({ page, own }) => {
		test.setTimeout(240_000);
		await signIn(page, own.parent.email);
		for (const { code, name } of locales) {
			await chooseLanguage(page, name);
			await expect(page.locator('html')).toHaveAttribute('lang', code);
			for (const path of ['/home', '/account', '/messages', '/messages/new']) {
				await page.goto(path);
				await expectFits(page, `${path} (${code})`);
			}
		}
	});

	test('the language menu stays on screen at 200 % text, at the end of the bar, in both directions', async ({ browser, baseURL }) => {
		for (const code of ['so', 'ar'] as const) {
			const context = await browser.newContext({ viewport: { width: 320, height: 740 }, isMobile: true, hasTouch: true });
			await context.addCookies([{ name: 'opgang-lang', value: code, url: baseURL! }]);
			const page = await context.newPage();
			await page.goto('/login');
			await largeText(page, true);
			await page.locator('header summary').click();
			for (const { name } of locales) {
				const box = (await page.locator('header').getByRole('button', { name, exact: true }).boundingBox())!;
				expect(box.x, `${name} (${code})`).toBeGreaterThanOrEqual(0);
				expect(box.x + box.width, `${name} (${code})`).toBeLessThanOrEqual(320);
			}
			// The menu's button sits at the end of its line: on the right, or on the left in Arabic
			// (on a line of its own when the municipality's name fills the first).
			const summary = (await page.locator('header summary').boundingBox())!;
			const [start, end] = await page.locator('header .bar').evaluate((bar) => {
				const r = bar.getBoundingClientRect();
				const s = getComputedStyle(bar);
				return [r.left + parseFloat(s.paddingLeft), r.right - parseFloat(s.paddingRight)];
			});
			if (code === 'ar') expect(Math.abs(summary.x - start)).toBeLessThanOrEqual(2);
			else expect(Math.abs(summary.x + summary.width - end)).toBeLessThanOrEqual(2);
			await context.close();
		}
	});
});

test.describe('the language menu closes as menus do', () => {
	test('on Escape, from its button or from a language, with focus back on its button', async ({ page }) => {
		await page.goto('/login');
		const menu = page.locator('header details');
		const summary = page.locator('header summary');
		await summary.focus();
		await page.keyboard.press('Enter');
		await expect(menu).toHaveAttribute('open', '');
		await page.keyboard.press('Escape');
		await expect(menu).not.toHaveAttribute('open');
		await expect(summary).toBeFocused();

		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await expect(menu.getByRole('button', { name: 'English', exact: true })).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(menu).not.toHaveAttribute('open');
		await expect(summary).toBeFocused();
	});

	test('on a tap outside it, so the e-mail field can be reached', async ({ page }) => {
		await page.goto('/login');
		const menu = page.locator('header details');
		await page.locator('header summary').tap();
		await expect(menu).toHaveAttribute('open', '');
		// A tap inside it, between the languages, leaves it open.
		await menu.getByRole('list').tap({ position: { x: 2, y: 2 } });
		await expect(menu).toHaveAttribute('open', '');
		// It lies over the e-mail field; a tap beside it (on the heading's start) shuts it.
		await page.getByRole('heading', { level: 1 }).tap({ position: { x: 4, y: 4 } });
		await expect(menu).not.toHaveAttribute('open');
		await page.getByLabel('E-mail').tap();
		await expect(page.getByLabel('E-mail')).toBeFocused();
	});

	test('when keyboard focus leaves it', async ({ page }) => {
		await page.goto('/login');
		const menu = page.locator('header details');
		await page.locator('header summary').focus();
		await page.keyboard.press('Enter');
		await expect(menu).toHaveAttribute('open', '');
		// Through the eight languages and on, out of the menu.
		for (let i = 0; i < locales.length; i++) await page.keyboard.press('Tab');
		await expect(menu.getByRole('button').last()).toBeFocused();
		await expect(menu).toHaveAttribute('open', '');
		await page.keyboard.press('Tab');
		await expect(menu).not.toHaveAttribute('open');
		await expect(menu.getByRole('button').first()).toBeHidden();
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });
		test('it is a plain disclosure that opens, shuts and chooses', async ({ page }) => {
			await page.goto('/login');
			const menu = page.locator('header details');
			await page.locator('header summary').click();
			await expect(menu).toHaveAttribute('open', '');
			await page.locator('header summary').click();
			await expect(menu).not.toHaveAttribute('open');
			await chooseLanguage(page, 'Türkçe');
			await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
		});
	});
});

test.describe('the sign-in page offers every language in plain view', () => {
	test('each by its own name, in its own script, above a sign-in form that stays near the top', async ({ page }) => {
		await page.goto('/login');
		await expect(page.getByRole('main').getByRole('form', { name: 'Vælg sprog' })).toBeVisible();
		const choices = page.locator('main form[action="/language"]');
		for (const { code, name } of locales) {
			const button = choices.getByRole('button', { name, exact: true });
			await expect(button).toBeVisible();
			await expect(button).toHaveAttribute('lang', code);
		}
		await expect(choices.getByRole('button', { name: 'Dansk', exact: true })).toHaveAttribute('aria-current', 'true');
		// On a 360 × 740 phone the whole sign-in form is on the first screen, in every language.
		for (const { name } of locales) {
			if (name !== 'Dansk') await choices.getByRole('button', { name, exact: true }).click();
			await expect(page.locator('main input[autocomplete=username]')).toBeInViewport({ ratio: 1 });
			await expect(page.locator('main input[type=password]')).toBeInViewport({ ratio: 1 });
			await expect(signInButton(page)).toBeInViewport({ ratio: 1 });
		}
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });
		test('one tap turns the page into that language and keeps where sign-in leads', async ({ page }) => {
			await page.goto('/login?next=%2Faccount');
			await page.getByRole('main').getByRole('button', { name: 'Soomaali', exact: true }).click();
			await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
			await expect(page.locator('html')).toHaveAttribute('lang', 'so');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(so.login.title);
			await expect(page.getByRole('main').getByRole('button', { name: 'Soomaali', exact: true })).toHaveAttribute('aria-current', 'true');
			await page.getByRole('main').getByRole('button', { name: 'العربية', exact: true }).click();
			await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar.login.title);
		});
	});
});

test.describe('language names and lists are the portal’s own', () => {
	test('Somali names stay Somali once the page runs its JavaScript', async ({ page }) => {
		await signIn(page, 'hodan@example.org');
		await waitForHydration(page);
		const speaks = page.getByRole('main').getByText(new RegExp(`^${so.contact.speaks.split('{{')[0]}`));
		await expect(speaks.first()).toBeVisible();
		const lines = await speaks.allInnerTexts();
		expect(lines).toContain('Luqadaha: Dhaanish iyo Ingiriisi');
		expect(lines).toContain('Luqadaha: Dhaanish iyo Soomaali');
		expect(lines).toContain('Luqadaha: Dhaanish, Ingiriisi iyo Jarmal');
		for (const line of lines) expect(line).not.toMatch(/Danish|English|Somali|German| and /);
	});

	test('an Arabic list is separated with the Arabic comma', async ({ page }) => {
		await signIn(page, 'amina@example.org');
		await waitForHydration(page);
		const speaks = page.getByRole('main').getByText(new RegExp(`^${ar.contact.speaks.split('{{')[0]}`));
		const lines = await speaks.allInnerTexts();
		expect(lines).toContain('اللغات: الدانمركية، التركية، والكردية');
		expect(lines).toContain('اللغات: الدانمركية والإنجليزية');
		for (const line of lines) expect(line).not.toContain(',');
	});
});
