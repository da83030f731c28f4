import ar from '../../messages/ar.json' with { type: 'json' };
import da from '../../messages/da.json' with { type: 'json' };
import { test, expect, signIn, chooseLanguage, familyHref } from './helpers';
import type { Page } from '@playwright/test';

const count = (template: string, n: number) => template.replace('{{count}}', String(n));
/** "n characters left" in Arabic, in the plural form Arabic uses for n. */
const arLeft = (n: number) => count((ar.wishes as unknown as Record<string, string>)[`left_${new Intl.PluralRules('ar').select(n)}`], n);
const wishCard = (page: Page, text: string) => page.getByRole('listitem').filter({ hasText: text });

test.describe('with JavaScript', () => {
	test('a parent writes a wish in Arabic, edits it and marks it came true; the home page counts it', async ({ page, own }) => {
		await signIn(page, own.parent.email);
		await chooseLanguage(page, 'العربية');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await page.getByRole('link', { name: count(ar.home.wishesLink, 0) }).click();
		await expect(page).toHaveURL(/\/wishes$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar.wishes.title);

		const box = page.getByLabel(ar.wishes.text).first();
		await expect(box).toHaveAttribute('maxlength', '2000');
		await expect(page.getByText(arLeft(2000))).toBeVisible();
		const wish = 'أتمنى أن أفتح مطعمًا صغيرًا';
		await box.fill(wish);
		await expect(page.getByText(arLeft(2000 - wish.length))).toBeVisible();
		await page.getByRole('combobox', { name: ar.wishes.area }).first().selectOption({ label: ar.lifeArea.work });
		await page.getByRole('button', { name: ar.wishes.write }).click();
		await expect(page.getByRole('status')).toHaveText(ar.wishes.done.written);
		const card = wishCard(page, wish);
		await expect(card.locator('p[dir=auto]')).toHaveText(wish);
		await expect(card.getByText(ar.lifeArea.work)).toBeVisible();
		await expect(card.locator('bdi')).toHaveText(own.parent.name.split(' ')[0]);
		// The form is empty again, ready for the next wish.
		await expect(box).toHaveValue('');

		await card.getByRole('link', { name: ar.wishes.edit }).click();
		const edit = page.getByRole('region', { name: ar.wishes.editTitle });
		await expect(edit.getByLabel(ar.wishes.text)).toHaveValue(wish);
		await edit.getByLabel(ar.wishes.text).fill(`${wish} في الحي`);
		await edit.getByRole('button', { name: ar.wishes.save }).click();
		await expect(page.getByRole('status')).toHaveText(ar.wishes.done.edited);
		await expect(wishCard(page, `${wish} في الحي`)).toBeVisible();

		await page.goto('/home');
		await page.getByRole('link', { name: count(ar.home.wishesLink, 1) }).click();
		await wishCard(page, `${wish} في الحي`).getByRole('button', { name: ar.wishes.cameTrue }).click();
		await expect(page.getByRole('status')).toHaveText(ar.wishes.done.came_true);
		const cameTrue = page.getByRole('region', { name: ar.wishes.cameTrueTitle });
		await expect(cameTrue.getByText(`${wish} في الحي`)).toBeVisible();
		await page.goto('/home');
		await expect(page.getByRole('link', { name: count(ar.home.wishesLink, 0) })).toBeVisible();
	});

	test('a wish that is too long gets a message next to the field and keeps every word', async ({ page, own }) => {
		await signIn(page, own.parent.email);
		await page.goto('/wishes');
		const box = page.getByLabel(da.wishes.text);
		// Past the browser's own limit, as an old phone or a script could send it.
		await box.evaluate((el) => el.removeAttribute('maxlength'));
		const long = 'Drømme '.repeat(300);
		await box.fill(long);
		await page.getByRole('button', { name: da.wishes.write }).click();
		await expect(page.locator('#wish-text-error')).toHaveText(da.validation.wishTooLong);
		await expect(box).toHaveAttribute('aria-invalid', 'true');
		await expect(box).toHaveValue(long);
		await expect(page.getByRole('alert').getByRole('link', { name: da.validation.wishTooLong })).toBeVisible();
	});

	test("a parent never sees a teenager's private wish; the teenager does, and the home page counts accordingly", async ({ page }) => {
		// The demo Hassans (read only): Yusuf shared one wish with his parents, not the other.
		await signIn(page, 'omar@example.org');
		await expect(page.getByRole('link', { name: count(da.home.wishesLink, 4) })).toBeVisible();
		await page.goto('/wishes');
		await expect(page.getByText('Et fritidsjob, så jeg selv kan betale')).toBeVisible();
		await expect(page.getByText('skifte klasse')).toHaveCount(0);
		await expect(page.getByRole('button', { name: da.wishes.share })).toHaveCount(0);
		await page.context().clearCookies();

		await signIn(page, 'yusuf@example.org');
		await expect(page.getByRole('link', { name: count(da.home.wishesLink, 5) })).toBeVisible();
		await page.goto('/wishes');
		const secret = wishCard(page, 'skifte klasse');
		await expect(secret.getByText(da.wishes.privateMine)).toBeVisible();
		await expect(secret.getByRole('button', { name: da.wishes.share })).toBeVisible();
		await expect(wishCard(page, 'Et fritidsjob').getByRole('button', { name: da.wishes.unshare })).toBeVisible();
		// His parents' wishes are theirs to change, not his.
		await expect(wishCard(page, 'kørekort').getByRole('button')).toHaveCount(0);
	});

	test("staff see the family's wishes, a teenager's private one too, and can change none of them", async ({ page }) => {
		await signIn(page, 'mette@example.org');
		await page.goto(await familyHref(page, /Hassan/));
		const wishes = page.getByRole('region', { name: da.wishes.staffTitle });
		await expect(wishCard(page, 'skifte klasse').getByText(da.wishes.private)).toBeVisible();
		await expect(wishes.getByText('أتمنى أن أعمل في مطبخ مدرسة')).toHaveAttribute('dir', 'auto');
		await expect(wishCard(page, 'ferie sammen').getByText(da.wishes.cameTrueTitle)).toBeVisible();
		await expect(wishes.getByRole('button')).toHaveCount(0);
		// Only links to each wish's goals (the staff's page for it), nothing that changes the wish.
		await expect(wishes.getByRole('link')).not.toHaveCount(0);
		await expect(wishes.getByRole('link').filter({ hasNotText: /^Mål og næste skridt \(\d+\)$/ })).toHaveCount(0);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a parent writes, edits, marks came true, lets go and brings back a wish; an empty wish is refused', async ({ page, own }) => {
		await signIn(page, own.parent.email);
		await page.getByRole('link', { name: count(da.home.wishesLink, 0) }).click();
		const box = page.getByLabel(da.wishes.text);
		// No counter without JavaScript: the browser's maxlength holds the limit.
		await expect(box).toHaveAttribute('maxlength', '2000');
		await expect(page.getByText(count(da.wishes.left_other, 2000))).toHaveCount(0);

		await page.getByRole('combobox', { name: da.wishes.area }).selectOption({ label: da.lifeArea.housing });
		await page.getByRole('button', { name: da.wishes.write }).click();
		await expect(page.locator('#wish-text-error')).toHaveText(da.validation.wishRequired);
		// What was chosen stays chosen.
		await expect(page.getByRole('combobox', { name: da.wishes.area })).toHaveValue('housing');

		await box.fill('En have, hvor børnene kan lege');
		await page.getByRole('button', { name: da.wishes.write }).click();
		await expect(page.getByRole('status')).toHaveText(da.wishes.done.written);
		await wishCard(page, 'En have').getByRole('link', { name: da.wishes.edit }).click();
		const edit = page.getByRole('region', { name: da.wishes.editTitle });
		await edit.getByLabel(da.wishes.text).fill('En have med æbletræer');
		await edit.getByRole('button', { name: da.wishes.save, exact: true }).click();
		await expect(wishCard(page, 'En have med æbletræer')).toBeVisible();

		await wishCard(page, 'æbletræer').getByRole('button', { name: da.wishes.pin }).click();
		await expect(page.getByRole('status')).toHaveText(da.wishes.done.pinned);
		await expect(wishCard(page, 'æbletræer').getByText(da.wishes.pinnedTag, { exact: true })).toBeVisible();
		await expect(wishCard(page, 'æbletræer').getByRole('button', { name: da.wishes.unpin })).toBeVisible();
		await wishCard(page, 'æbletræer').getByRole('button', { name: da.wishes.letGo }).click();
		// Let go: no longer among the most important.
		await expect(wishCard(page, 'æbletræer').getByText(da.wishes.pinnedTag, { exact: true })).toHaveCount(0);
		await expect(page.getByRole('region', { name: da.wishes.letGoTitle }).getByText('æbletræer')).toBeVisible();
		await wishCard(page, 'æbletræer').getByRole('button', { name: da.wishes.reopen }).click();
		await wishCard(page, 'æbletræer').getByRole('button', { name: da.wishes.cameTrue }).click();
		await expect(page.getByRole('region', { name: da.wishes.cameTrueTitle }).getByText('æbletræer')).toBeVisible();
		await expect(page.getByRole('region', { name: da.wishes.open }).getByText(da.wishes.none)).toBeVisible();
	});

	test('a save from an older version shows both versions and loses neither', async ({ browser, own }) => {
		const a = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		await signIn(a, own.parent.email);
		await a.goto('/wishes');
		await a.getByLabel(da.wishes.text).fill('Et kursus i regnskab');
		await a.getByRole('button', { name: da.wishes.write }).click();
		await wishCard(a, 'regnskab').getByRole('link', { name: da.wishes.edit }).click();
		// The same wish open on a second phone, saved there first.
		const b = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		await signIn(b, own.parent.email);
		await b.goto(a.url());
		await b.getByRole('region', { name: da.wishes.editTitle }).getByLabel(da.wishes.text).fill('Et kursus i bogføring');
		await b.getByRole('button', { name: da.wishes.save, exact: true }).click();

		const edit = a.getByRole('region', { name: da.wishes.editTitle });
		await edit.getByLabel(da.wishes.text).fill('Et kursus i regnskab om aftenen');
		await edit.getByRole('button', { name: da.wishes.save, exact: true }).click();
		await expect(a.getByRole('alert')).toContainText(own.parent.name.split(' ')[0]);
		await expect(a.getByRole('alert').locator('p[dir=auto]')).toHaveText('Et kursus i bogføring');
		await expect(edit.getByLabel(da.wishes.text)).toHaveValue('Et kursus i regnskab om aftenen');
		await edit.getByRole('button', { name: da.wishes.save, exact: true }).click();
		await expect(wishCard(a, 'Et kursus i regnskab om aftenen')).toBeVisible();
	});
});
