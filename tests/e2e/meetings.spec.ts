import da from '../../messages/da.json' with { type: 'json' };
import { test, expect, signIn, fill } from './helpers';
import type { OwnFamily } from './own';
import type { Page } from '@playwright/test';

const m = da.meetings;
/** "Trin 2 af 5" shows on the page. */
const atStep = (page: Page, n: number) => expect(page.getByText(fill(m.step, { step: n, total: 5 }), { exact: true })).toBeVisible();
/** The free-time buttons on a page (each named with its day and times). */
const slots = (page: Page) => page.locator('main').getByRole('button', { name: /\d[.:]\d\d–\d/ });

/** From /meetings through steps 1–4 to the confirm page: a `type` meeting with the contact person, the first free time. */
async function toConfirm(page: Page, own: OwnFamily, type: keyof typeof da.meetingType): Promise<string> {
	await page.goto('/meetings');
	await page.getByRole('link', { name: m.bookLink }).click();
	await atStep(page, 1);
	const contact = page.getByRole('group', { name: new RegExp(own.staff.name) });
	await contact.getByRole('radio', { name: da.meetingType[type] }).check();
	await page.getByRole('button', { name: m.next }).click();
	await atStep(page, 2);
	const first = slots(page).first();
	const name = (await first.getAttribute('value'))!;
	await first.click();
	await atStep(page, 3);
	await page.getByRole('button', { name: m.next }).click();
	await atStep(page, 4);
	await page.getByRole('button', { name: m.next }).click();
	await atStep(page, 5);
	return name;
}

test('a parent books a phone call through every step, gets a receipt and a calendar file, moves it and cancels it', async ({
	page,
	own
}) => {
	await signIn(page, own.parent.email);
	await page.getByRole('link', { name: da.home.meetingsLink }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.listTitle);
	await expect(page.getByText(m.noneComing)).toBeVisible();

	await page.getByRole('link', { name: m.bookLink }).click();
	await atStep(page, 1);
	// The contact person first, with the kinds of meeting they offer; Ida offers no times.
	const contact = page.getByRole('group', { name: new RegExp(own.staff.name) });
	await expect(contact.getByText(m.contactPerson)).toBeVisible();
	await expect(page.getByRole('group', { name: new RegExp(own.involved.name) })).toHaveCount(0);
	// Next without a choice: back here with a message.
	await page.getByRole('button', { name: m.next }).click();
	await expect(page.getByRole('alert')).toContainText(da.validation.chooseMeeting);
	await contact.getByRole('radio', { name: da.meetingType.phone }).check();
	await page.getByRole('button', { name: m.next }).click();

	await atStep(page, 2);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.timeTitle);
	await expect(page.getByText(fill(m.timeIntro, { name: own.staff.name, type: da.meetingType.phone }))).toBeVisible();
	// One week at a time, grouped by day under headings; each button is named with its day: "tirsdag 1. december, 10.00–10.30".
	await expect(page.locator('main h2').first()).toHaveText(/^Tider fra \d+\. \w+ til \d+\. \w+$/);
	const firstDay = page.locator('main h3').first();
	const dayName = (await firstDay.textContent())!;
	expect(dayName).toMatch(/^(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag) \d+\. \w+/);
	await expect(slots(page).first()).toHaveAccessibleName(new RegExp(`^${dayName}, \\d\\d\\.\\d\\d–\\d\\d\\.\\d\\d$`));
	await slots(page).nth(2).click();

	await atStep(page, 3);
	await expect(page.getByRole('checkbox', { name: own.parent.name })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: own.grandmother.name })).not.toBeChecked();
	await page.getByRole('checkbox', { name: own.grandmother.name }).check();
	await page.getByRole('button', { name: m.next }).click();

	await atStep(page, 4);
	// Gerda prefers Arabic: offered first, and chosen to begin with.
	await expect(page.getByRole('radio', { name: 'arabisk' })).toBeChecked();
	// The back link keeps the choices.
	await page.getByRole('link', { name: m.back }).click();
	await expect(page.getByRole('checkbox', { name: own.grandmother.name })).toBeChecked();
	await page.getByRole('button', { name: m.next }).click();
	// Step 4 before its own "Next": both steps have one, and a quick second tap would press step 3's again.
	await atStep(page, 4);
	await page.getByRole('button', { name: m.next }).click();

	await atStep(page, 5);
	await expect(page.locator('main dl').getByText(own.staff.name)).toBeVisible();
	await expect(page.getByText(fill(m.interpreterIn, { language: 'arabisk' }))).toBeVisible();
	await page.getByLabel(m.topicLabel).fill('Farmors lægebesøg og Theos skole');
	await page.getByRole('button', { name: m.book }).click();

	await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}\?done=booked$/);
	const id = new URL(page.url()).pathname.split('/')[2];
	await expect(page.getByRole('status')).toHaveText(m.done.booked);
	await expect(page.getByText(`${own.staff.name}, ${da.meetingType.phone}`)).toBeVisible();
	await expect(page.getByText(fill(da.interpreterStatus.requested, { language: 'arabisk' }))).toBeVisible();
	await expect(page.getByText('Farmors lægebesøg og Theos skole')).toBeVisible();
	await expect(page.getByText(m.changeUntil.split('{{')[0])).toBeVisible();

	// "Add to calendar": an .ics with the meeting's stable UID, in Danish.
	const ics = await page.request.get(`/meetings/${id}/ics`);
	expect(ics.status()).toBe(200);
	expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	expect(ics.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.ics"$/);
	const body = await ics.text();
	expect(body).toContain('BEGIN:VEVENT');
	expect(body).toContain(`UID:${id}@opgang`);
	expect(body).toContain(`SUMMARY:${da.meetingType.phone} med ${own.staff.name}`);
	await expect(page.getByRole('link', { name: m.addToCalendar })).toHaveAttribute('href', `/meetings/${id}/ics`);

	await page.getByRole('link', { name: m.allMeetings }).click();
	const card = page.getByRole('listitem').filter({ hasText: own.staff.name });
	await expect(card).toHaveCount(1);
	const before = (await card.getByRole('heading').textContent())!;

	// Move it to another time, with a reason.
	await card.getByRole('link').click();
	await page.getByRole('link', { name: m.moveLink }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.moveTitle);
	await page.getByLabel(m.reasonLabel).fill('Theo har en prøve den dag');
	await slots(page).last().click();
	await expect(page.getByRole('status')).toHaveText(m.done.moved);
	await expect(page.getByText('Theo har en prøve den dag')).toBeVisible();
	await expect(page.locator('main h2').first()).not.toHaveText(before);
	const moved = await page.request.get(`/meetings/${id}/ics`);
	expect(await moved.text()).toContain('SEQUENCE:1');

	// Cancel it, with a reason.
	await page.getByLabel(m.reasonLabel).fill('Vi har fået hjælp på en anden måde');
	await page.getByRole('button', { name: m.cancelButton }).click();
	await expect(page.getByRole('status')).toHaveText(m.done.cancelled);
	await expect(page.getByText(da.meetingStatus.cancelled, { exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: m.cancelButton })).toHaveCount(0);
	expect(await (await page.request.get(`/meetings/${id}/ics`)).text()).toContain('STATUS:CANCELLED');
	await page.goto('/meetings');
	await expect(page.getByText(m.noneComing)).toBeVisible();
	await expect(page.getByRole('region', { name: m.earlier })).toContainText(own.staff.name);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a parent books a walk and says where to meet; too long a topic keeps every word', async ({ page, own }) => {
		await signIn(page, own.parent.email);
		await toConfirm(page, own, 'walk');
		// A point from the team's list and words of their own: which was meant is asked, nothing dropped.
		await page.getByRole('radio', { name: /^Biblioteket/ }).check();
		await page.getByLabel(m.placeOther).fill('Ved bænken foran Netto');
		await page.getByRole('button', { name: m.book }).click();
		await expect(page.getByRole('alert')).toContainText(da.validation.placeOneOnly);
		await expect(page.getByLabel(m.placeOther)).toHaveValue('Ved bænken foran Netto');
		await expect(page.getByRole('radio', { name: /^Biblioteket/ })).toBeChecked();
		await page.getByRole('radio', { name: m.pointOther }).check();
		const box = page.getByLabel(m.topicLabel);
		await box.evaluate((el) => el.removeAttribute('maxlength'));
		const long = 'Snak '.repeat(250);
		await box.fill(long);
		await page.getByRole('button', { name: m.book }).click();
		await expect(page.getByRole('alert')).toContainText(da.validation.topicTooLong);
		await expect(page.getByLabel(m.topicLabel)).toHaveValue(long);
		await expect(page.getByLabel(m.placeOther)).toHaveValue('Ved bænken foran Netto');
		await expect(page.getByRole('radio', { name: m.pointOther })).toBeChecked();
		await page.getByLabel(m.topicLabel).fill('Jobsøgning');
		await page.getByRole('button', { name: m.book }).click();
		await expect(page.getByRole('status')).toHaveText(m.done.booked);
		await expect(page.getByText('Ved bænken foran Netto')).toBeVisible();
		await expect(page.getByText(`${own.staff.name}, ${da.meetingType.walk}`)).toBeVisible();
	});
});

test('the same confirm sent twice books once; a time taken meanwhile answers 409 with fresh times and keeps the topic', async ({
	page,
	own,
	baseURL
}) => {
	await signIn(page, own.parent.email);
	const start = await toConfirm(page, own, 'video');
	const fields = await page
		.locator('main form[method=POST]')
		.evaluate((f) => Object.fromEntries(new FormData(f as HTMLFormElement) as unknown as Iterable<[string, string]>));
	expect(fields.start).toBe(start);

	// A second tab takes that very time first (another key): the first tab's confirm loses.
	const other = await page.request.post('/meetings/book/confirm?/book', {
		form: { ...fields, formKey: crypto.randomUUID() },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(other.status()).toBe(303);
	await page.getByLabel(m.topicLabel).fill('Det vil vi gerne tale om');
	await page.getByRole('button', { name: m.book }).click();
	await expect(page.getByRole('heading', { name: m.takenTitle })).toBeVisible();
	await expect(page.getByLabel(m.topicLabel)).toHaveValue('Det vil vi gerne tale om');
	await expect(slots(page).first()).toBeVisible();
	await slots(page).first().click();
	await expect(page.getByRole('status')).toHaveText(m.done.booked);
	const booked = page.url();

	// The same key again (a double tap, a retry): the same meeting, no new one.
	const again = await page.request.post('/meetings/book/confirm?/book', {
		form: { ...fields, formKey: fields.formKey },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(again.status()).toBe(303);
	expect(new URL(again.headers().location, baseURL).pathname).toBe(new URL(booked).pathname);
	await page.goto('/meetings');
	await expect(page.getByRole('region', { name: m.coming }).getByRole('listitem')).toHaveCount(2);
});

test("another family's meeting, and an id that is not one, answer 404", async ({ page, own, browser }) => {
	// A demo family's meeting, read as Amina.
	const amina = await browser.newPage();
	await signIn(amina, 'amina@example.org');
	await amina.goto('/meetings');
	const href = (await amina.locator('main ul a[href^="/meetings/"]').first().getAttribute('href'))!;
	expect(href).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);
	await amina.close();

	await signIn(page, own.parent.email);
	for (const path of [href, `${href}/ics`, `${href}/move`, '/meetings/not-a-meeting'])
		expect((await page.request.get(path)).status(), path).toBe(404);
	await page.goto(href);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(da.errors.notFound);
});
