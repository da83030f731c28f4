/**
 * Private calendar feeds, as a person uses them: make a link on /staff/calendar or /meetings,
 * fetch it as a calendar app would (no cookies), read it with a real iCalendar parser, make a
 * new link and find the old one dead. The family's side runs without JavaScript.
 */
import ICAL from 'ical.js';
import type { APIRequestContext, Page } from '@playwright/test';
import da from '../../messages/da.json' with { type: 'json' };
import { test, expect, signIn, familyHref } from './helpers';
import type { OwnFamily } from './own';

const f = da.calendarFeed;
const feedUrl = /^http:\/\/localhost:\d+\/calendar\/[a-z2-7]{39}\.ics$/;

/** The wall-clock time in Copenhagen, "10:30". */
const copenhagen = (d: Date) =>
	new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
/** "…, 10.00–10.30" (or 10:00, as the browser's Danish writes it) → "10:00–10:30". */
const timesIn = (label: string) =>
	/(\d\d)[.:](\d\d)–(\d\d)[.:](\d\d)$/
		.exec(label)!
		.slice(1)
		.join(':')
		.replace(/^(\d\d:\d\d):/, '$1–');

/**
 * The contact person books a phone call for the family at the first free time: its start, and
 * the time as the page names it ("tirsdag 1. december, 10.00–10.30").
 */
async function staffBooksPhoneCall(page: Page, own: OwnFamily): Promise<{ start: Date; label: string }> {
	await signIn(page, own.staff.email);
	await page.goto(`${await familyHref(page, new RegExp(`Prøve ${own.k}\\b`))}/meetings?type=phone`);
	const first = page.getByRole('radio').first();
	const start = new Date((await first.getAttribute('value'))!);
	const label = (await first.getAttribute('aria-label'))!;
	await first.check();
	await page.getByRole('button', { name: da.staffMeetings.book, exact: true }).click();
	await expect(page.getByRole('status')).toHaveText(da.staffMeetings.done.booked);
	return { start, label };
}

/** Fetches a feed as a calendar app does: no cookies, no session. */
async function fetchFeed(calendarApp: APIRequestContext, url: string) {
	const response = await calendarApp.get(url);
	if (response.status() !== 200) return { status: response.status(), events: [], headers: response.headers() };
	const calendar = new ICAL.Component(ICAL.parse(await response.text()));
	const events = calendar.getAllSubcomponents('vevent').map((v) => {
		const e = new ICAL.Event(v);
		return {
			uid: e.uid,
			summary: e.summary,
			start: e.startDate.toJSDate(),
			end: e.endDate.toJSDate(),
			status: v.getFirstPropertyValue('status')
		};
	});
	return { status: 200, events, headers: response.headers() };
}

const section = (page: Page, title: string) => page.getByRole('region', { name: title });

test('a caseworker subscribes to their meetings, makes a new link (the old one stops), and turns it off', async ({
	page,
	own,
	playwright,
	baseURL
}) => {
	const { start, label } = await staffBooksPhoneCall(page, own);
	await page.goto('/staff/calendar');
	const feed = section(page, f.staff.title);
	await expect(feed.getByRole('heading', { name: f.staff.title })).toBeVisible();
	await feed.getByRole('button', { name: f.make }).click();

	await expect(page.getByRole('status').filter({ hasText: f.made })).toBeVisible();
	const url = await feed.getByLabel(f.urlLabel).inputValue();
	expect(url).toMatch(feedUrl);
	await expect(feed.getByRole('link', { name: f.open })).toHaveAttribute('href', url.replace(/^http:/, 'webcal:'));
	await expect(feed.getByRole('button', { name: f.copy })).toBeVisible();

	const calendarApp = await playwright.request.newContext({ baseURL });
	const fetched = await fetchFeed(calendarApp, url);
	expect(fetched.status).toBe(200);
	expect(fetched.headers['content-type']).toBe('text/calendar; charset=utf-8');
	expect(fetched.headers['cache-control']).toBe('private, no-store');
	expect(fetched.headers['x-content-type-options']).toBe('nosniff');
	// Two statements: find the owner (and note the fetch), read the meetings.
	expect(Number(fetched.headers['x-opgang-queries'])).toBeLessThanOrEqual(2);
	const call = fetched.events.find((e) => e.start.getTime() === start.getTime());
	expect(call).toMatchObject({ summary: `${da.meetingType.phone} med familien Prøve ${own.k}`, status: 'CONFIRMED' });
	// In Copenhagen, the times the booking page offered.
	expect(timesIn(label)).toBe(`${copenhagen(call!.start)}–${copenhagen(call!.end)}`);

	// A reload shows that a link exists and that the calendar has fetched it — never the link again.
	await page.reload();
	await expect(feed.getByLabel(f.urlLabel)).toHaveCount(0);
	await expect(feed.getByText(f.since.split('{{')[0])).toBeVisible();
	await expect(feed.getByText(f.lastFetched.split('{{')[0])).toBeVisible();

	await feed.getByRole('button', { name: f.renew }).click();
	const renewed = await feed.getByLabel(f.urlLabel).inputValue();
	expect(renewed).toMatch(feedUrl);
	expect(renewed).not.toBe(url);
	expect((await calendarApp.get(url)).status()).toBe(404);
	expect((await fetchFeed(calendarApp, renewed)).events.some((e) => e.start.getTime() === start.getTime())).toBe(true);

	await feed.getByRole('button', { name: f.off }).click();
	await expect(page.getByRole('status').filter({ hasText: f.turnedOff })).toBeVisible();
	await expect(feed.getByRole('button', { name: f.make })).toBeVisible();
	expect((await calendarApp.get(renewed)).status()).toBe(404);
	await calendarApp.dispose();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test("a parent puts the family's meetings in the phone's calendar, and a new link kills the old", async ({
		page,
		own,
		playwright,
		baseURL
	}) => {
		const { start, label } = await staffBooksPhoneCall(page, own);
		await page.context().clearCookies();
		await signIn(page, own.parent.email);
		await page.goto('/meetings');
		const feed = section(page, f.family.title);
		await expect(feed.getByRole('heading', { name: f.family.title })).toBeVisible();
		await feed.getByRole('button', { name: f.make }).click();
		await expect(page).toHaveURL(/\/meetings#feed$/);
		const url = await feed.getByLabel(f.urlLabel).inputValue();
		expect(url).toMatch(feedUrl);
		// No copy button without JavaScript: the hint says how.
		await expect(feed.getByRole('button', { name: f.copy })).toHaveCount(0);
		await expect(feed.getByText(f.urlHint)).toBeVisible();

		const calendarApp = await playwright.request.newContext({ baseURL });
		const fetched = await fetchFeed(calendarApp, url);
		const call = fetched.events.find((e) => e.start.getTime() === start.getTime());
		expect(call).toMatchObject({ summary: `${da.meetingType.phone} med ${own.staff.name}`, status: 'CONFIRMED' });
		expect(timesIn(label)).toBe(`${copenhagen(call!.start)}–${copenhagen(call!.end)}`);
		// The same UID as the meeting's own .ics, so a calendar holding both keeps one.
		const href = await page.locator('main ul a[href^="/meetings/"]').first().getAttribute('href');
		expect(call!.uid).toBe(`${href!.split('/')[2]}@opgang`);

		await feed.getByRole('button', { name: f.renew }).click();
		const renewed = await feed.getByLabel(f.urlLabel).inputValue();
		expect(renewed).not.toBe(url);
		expect((await calendarApp.get(url)).status()).toBe(404);
		expect((await calendarApp.get(renewed)).status()).toBe(200);
		await calendarApp.dispose();
	});
});

test('a bad form is a 400, and a feed URL that is not one is a bare 404', async ({ page, own, baseURL, playwright }) => {
	await signIn(page, own.parent.email);
	const bad = await page.request.post('/meetings?/feed', {
		form: { feed: 'everything' },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(bad.status()).toBe(400);
	expect(await bad.text()).toContain(f.badForm);
	const calendarApp = await playwright.request.newContext({ baseURL });
	for (const path of [
		'/calendar/not-a-secret.ics',
		'/calendar/%00.ics',
		`/calendar/${'a'.repeat(39)}.ics`,
		`/calendar/${'A'.repeat(39)}.ics`
	]) {
		const response = await calendarApp.get(path);
		expect(response.status(), path).toBe(404);
		expect(response.headers()['cache-control'], path).toBe('private, no-store');
		expect(await response.text(), path).not.toMatch(/calendar|feed|kalender/i);
	}
	await calendarApp.dispose();
});
