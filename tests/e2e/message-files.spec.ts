/**
 * Files on messages, as a parent sends a photo of a letter from a phone and the contact person
 * opens it: the photo arrives without where it was taken (its EXIF is gone), as a download with
 * guarded headers; a text file calling itself .jpg is refused in words while the message stays;
 * without JavaScript the same; another family's member who crafts the file's address gets 404.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import da from '../../messages/da.json' with { type: 'json' };
import { test, expect, signIn, fill } from './helpers';
import { claimFamily } from './own';
import type { Page } from '@playwright/test';

const c = da.conversations;
const lines = (page: Page) => page.locator('main ol > li');

/** A phone's photo of a letter: taken on its side (EXIF orientation 6), with GPS in its EXIF. */
async function letterPhoto(): Promise<Buffer> {
	const bars = Array.from({ length: 12 }, (_, i) => ({
		input: { create: { width: 700, height: 20, channels: 3 as const, background: '#888' } },
		top: 80 + i * 50,
		left: 60
	}));
	return sharp({ create: { width: 1000, height: 800, channels: 3, background: '#fff' } })
		.composite(bars)
		.jpeg({ quality: 90 })
		.withMetadata({ orientation: 6 })
		.withExif({
			IFD0: { Make: 'PhoneMaker' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '56/1 9/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '10/1 12/1 0/1' }
		})
		.toBuffer();
}

/** Starts a conversation from /messages/new with words and files, as the signed-in member. */
async function start(page: Page, subject: string, body: string, files: { name: string; mimeType: string; buffer: Buffer }[]) {
	await page.goto('/messages/new');
	await page.getByLabel(c.subject).fill(subject);
	await page.getByLabel(c.message).fill(body);
	await page.getByLabel(da.files.label).setInputFiles(files);
	await page.getByRole('button', { name: c.send }).click();
}

test('a parent sends a photo of a letter with a question; the contact person sees it and downloads it without its EXIF', async ({
	page,
	browser,
	own
}) => {
	const photo = await letterPhoto();
	const exifBefore = (await sharp(photo).metadata()).exif;
	expect(exifBefore?.includes('PhoneMaker')).toBe(true);
	await signIn(page, own.parent.email);
	await page.goto('/messages/new');
	await expect(page.getByText(da.files.hint)).toBeVisible();
	const subject = `Brev ${randomUUID().slice(0, 6)}`;
	await start(page, subject, 'Hvad betyder dette brev?', [{ name: 'brev.jpg', mimeType: 'image/jpeg', buffer: photo }]);
	await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}\?done=sent$/);
	const thumb = lines(page)
		.first()
		.getByRole('img', { name: fill(da.files.photoAlt, { name: 'brev.jpg' }) });
	await expect(thumb).toBeVisible();
	// Loaded: the thumbnail is a real picture of the upright letter.
	expect(await thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalHeight > img.naturalWidth)).toBe(true);

	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, own.staff.email);
	await staff.goto('/staff/inbox');
	await staff.getByRole('link', { name: subject }).click();
	await expect(staff.getByText('Hvad betyder dette brev?')).toBeVisible();
	const link = staff.getByRole('link', { name: fill(da.files.photoAlt, { name: 'brev.jpg' }) });
	const [download] = await Promise.all([staff.waitForEvent('download'), link.click()]);
	expect(download.suggestedFilename()).toBe('brev.jpg');
	const bytes = await readFile((await download.path())!);
	const meta = await sharp(bytes).metadata();
	expect(meta.format).toBe('jpeg');
	expect(meta.exif).toBeUndefined();
	expect([meta.width, meta.height]).toEqual([800, 1000]);
	expect(bytes.includes('PhoneMaker')).toBe(false);

	const response = await staff.request.get((await link.getAttribute('href'))!);
	expect(response.status()).toBe(200);
	const h = response.headers();
	expect(h['content-type']).toBe('image/jpeg');
	expect(h['content-disposition']).toBe(`attachment; filename="brev.jpg"; filename*=UTF-8''brev.jpg`);
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['content-security-policy']).toBe("default-src 'none'; sandbox");
	expect(h['cache-control']).toBe('private, no-store');
	const small = await staff.request.get(`${await link.getAttribute('href')}?size=thumb`);
	expect(small.headers()['content-type']).toBe('image/webp');
	expect(small.headers()['content-disposition']).toMatch(/^inline; /);
	await staff.context().close();
});

test('a text file that calls itself .jpg gets a translated error; the words stay and the page names the file to choose again', async ({
	page,
	own
}) => {
	await signIn(page, own.parent.email);
	await start(page, 'Et brev', 'Her er brevet, jeg fik i dag.', [
		{ name: 'brev.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Dette er ikke et billede') }
	]);
	await expect(page.getByRole('alert')).toContainText(da.validation.fileType);
	const field = page.getByLabel(da.files.label);
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(field).toHaveAccessibleDescription(new RegExp(da.validation.fileType.replace(/[.?]/g, '\\$&')));
	await expect(page.getByText(fill(da.files.chosen, { names: 'brev.jpg' }))).toBeVisible();
	await expect(page.getByLabel(c.message)).toHaveValue('Her er brevet, jeg fik i dag.');
	await expect(page.getByLabel(c.subject)).toHaveValue('Et brev');
	// Chosen again, as a real photo: it goes, with the words.
	await page.getByLabel(da.files.label).setInputFiles({ name: 'brev.jpg', mimeType: 'image/jpeg', buffer: await letterPhoto() });
	await page.getByRole('button', { name: c.send }).click();
	await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}\?done=sent$/);
	await expect(lines(page).first().getByRole('img')).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a parent replies with a photo only and a PDF; another family cannot fetch them', async ({ page, browser, own }) => {
		await signIn(page, own.parent.email);
		await start(page, 'Papirer', 'Jeg sender papirerne.', []);
		await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}\?done=sent$/);
		const conversation = new URL(page.url()).pathname;
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
		await page.getByLabel(da.files.label).setInputFiles([
			{
				name: 'kvittering.png',
				mimeType: 'image/png',
				buffer: await sharp({ create: { width: 300, height: 200, channels: 3, background: '#eee' } })
					.png()
					.toBuffer()
			},
			{ name: 'skema.pdf', mimeType: 'application/pdf', buffer: pdf }
		]);
		await page.getByRole('button', { name: c.send }).click();
		await expect(page).toHaveURL(new RegExp(`${conversation}\\?done=sent#m-`));
		await expect(lines(page)).toHaveCount(2);
		const last = lines(page).last();
		await expect(last.getByRole('img', { name: fill(da.files.photoAlt, { name: 'kvittering.png' }) })).toBeVisible();
		const pdfLink = last.getByRole('link', { name: /skema\.pdf/ });
		await expect(pdfLink).toBeVisible();
		const href = (await pdfLink.getAttribute('href'))!;
		expect((await page.request.get(href)).status()).toBe(200);

		// A member of another family, with the file's exact address: 404, as for a file that does not exist.
		const other = claimFamily();
		const stranger = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		await signIn(stranger, other.parent.email);
		expect((await stranger.request.get(href)).status()).toBe(404);
		expect((await stranger.request.get(`${href.replace(/files\/.*/, 'files/')}${randomUUID()}`)).status()).toBe(404);
		await stranger.context().close();
	});
});
