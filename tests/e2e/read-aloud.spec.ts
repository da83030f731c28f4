/**
 * "Listen" in Chromium, with the browser's speech synthesis replaced by a scripted stand-in
 * (./speech.ts) before the page loads: the API is the boundary, the portal's own code runs
 * for real.
 */
import { type Page } from '@playwright/test';
import da from '../../messages/da.json' with { type: 'json' };
import fa from '../../messages/fa.json' with { type: 'json' };
import ar from '../../messages/ar.json' with { type: 'json' };
import { test, expect, signIn } from './helpers';
import { withVoices, type Said } from './speech';

const said = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { said: Said[] } }).__speech.said);
const cancelled = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { cancelled: number } }).__speech.cancelled);

test('a Persian reader hears the page in Persian and can stop', async ({ page }) => {
	await withVoices(page, ['en-US', 'da-DK', 'fa-IR']);
	await signIn(page, 'zahra@example.org');
	const listen = page.getByRole('button', { name: fa.readAloud.listen });
	await expect(listen).toHaveAttribute('aria-pressed', 'false');
	await listen.focus();
	await page.keyboard.press('Enter');
	await expect(listen).toHaveAttribute('aria-pressed', 'true');

	const pieces = await said(page);
	expect(pieces[0]).toEqual({ text: await page.getByRole('heading', { level: 1 }).innerText(), lang: 'fa', voice: 'voice fa-IR' });
	expect(pieces).toContainEqual({ text: fa.contact.title, lang: 'fa', voice: 'voice fa-IR' });
	// Fatima wrote what she helps with in Persian too: the reader gets it, read in Persian.
	expect(pieces).toContainEqual({ text: expect.stringContaining('سلامتی'), lang: 'fa', voice: 'voice fa-IR' });
	// Not the button itself, nor hidden things.
	expect(pieces.map((p) => p.text)).not.toContain(fa.readAloud.listen);

	// Pressing again stops.
	const before = await cancelled(page);
	await listen.click();
	await expect(listen).toHaveAttribute('aria-pressed', 'false');
	expect(await cancelled(page)).toBeGreaterThan(before);

	// Reading to the end lets go of the button by itself.
	await listen.click();
	await expect(listen).toHaveAttribute('aria-pressed', 'true');
	await page.evaluate(() => (window as unknown as { __finish: () => void }).__finish());
	await expect(listen).toHaveAttribute('aria-pressed', 'false');
});

test('words written in Danish on an Arabic page are read with the Danish voice', async ({ page }) => {
	await withVoices(page, ['ar-SA', 'da-DK']);
	await signIn(page, 'amina@example.org');
	await page.getByRole('button', { name: ar.readAloud.listen }).click();
	const pieces = await said(page);
	expect(pieces).toContainEqual({ text: await page.getByRole('heading', { level: 1 }).innerText(), lang: 'ar', voice: 'voice ar-SA' });
	// Jonas wrote what he does for Sara (9) in Danish and English: Amina reads the Danish.
	expect(pieces).toContainEqual({ text: 'Saras svømmehold og fritidsklubben.', lang: 'da', voice: 'voice da-DK' });
});

test('leaving the page stops the reading', async ({ page }) => {
	await withVoices(page, ['da-DK']);
	await signIn(page, 'omar@example.org');
	const listen = page.getByRole('button', { name: da.readAloud.listen });
	await listen.click();
	await expect(listen).toHaveAttribute('aria-pressed', 'true');
	const before = await cancelled(page);
	await page.getByRole('contentinfo').getByRole('link', { name: da.nav.privacy }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(da.privacy.title);
	expect(await cancelled(page)).toBeGreaterThan(before);
	// The privacy page has its own button, not pressed.
	await expect(page.getByRole('button', { name: da.readAloud.listen })).toHaveAttribute('aria-pressed', 'false');
});

test('no button without a voice for the page’s language', async ({ page }) => {
	await withVoices(page, ['en-US', 'da-DK', 'ar-SA']);
	await signIn(page, 'zahra@example.org');
	await expect(page.getByRole('heading', { name: fa.contact.title })).toBeVisible();
	await page.waitForTimeout(200); // after the stand-in's voiceschanged
	await expect(page.getByRole('button', { name: fa.readAloud.listen })).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('there is no button that would do nothing', async ({ page }) => {
		await page.goto('/privacy');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(da.privacy.title);
		await expect(page.getByRole('button', { name: da.readAloud.listen })).toHaveCount(0);
	});
});
