/**
 * The team's side of messages, as a caseworker uses it: a family's letter waits in the inbox,
 * the caseworker answers with a quick reply in the parent's language (and reads the Danish),
 * writes a note for the team, hands it to a colleague, who marks it done. Someone who does not
 * work with the family gets "not found" and cannot write; everything works without JavaScript.
 * Each test claims a family whose messages wait for the team (tests/e2e/own.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import da from '../../messages/da.json' with { type: 'json' };
import { locales } from '../../src/lib/i18n/locales';
import { test, expect, chooseLanguage, signIn, fill } from './helpers';
import { claimMessageFamily, type MessageFamily } from './own';

// Long flows as several people, on a machine that may be busy.
test.describe.configure({ timeout: 180_000 });

const inboxLink = (page: Page, unread: number) =>
	page.getByRole('navigation', { name: da.nav.label }).getByRole('link', {
		name: unread ? fill(unread === 1 ? da.nav.inboxUnread_one : da.nav.inboxUnread_other, { count: unread }) : da.nav.inbox,
		exact: true
	});
const conversations = (page: Page) => page.getByRole('list', { name: da.inbox.listLabel }).getByRole('listitem');
const card = (page: Page, subject: string) => conversations(page).filter({ has: page.getByRole('heading', { name: subject }) });
const letter = 'Brev fra boligselskabet';

async function signOut(page: Page) {
	await page.getByRole('navigation').locator('form[action="/logout"] button').click();
	await expect(page).toHaveURL(/\/login/);
}

/** The conversation's address, as the contact person's inbox links it. */
async function conversationUrl(page: Page, m: MessageFamily, subject: string): Promise<string> {
	await signIn(page, m.staff.email);
	await page.goto('/staff/inbox');
	return new URL((await card(page, subject).getByRole('link').getAttribute('href'))!, page.url()).href;
}

async function letterFlow(page: Page, m: MessageFamily) {
	await signIn(page, m.staff.email);
	// Two conversations wait for Klara: the header says so in words.
	await inboxLink(page, 2).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(da.inbox.title);
	await page.getByRole('link', { name: da.inbox.filter.waiting, exact: true }).click();
	await expect(page).toHaveURL(/filter=waiting/);
	await expect(page.getByRole('link', { name: da.inbox.filter.waiting, exact: true })).toHaveAttribute('aria-current', 'page');
	// The longest waiting first: the parent's letter for 2 days, then the teenager's private one for 3 hours.
	const cards = conversations(page);
	await expect(cards).toHaveCount(2);
	await expect(cards.nth(0)).toContainText(letter);
	await expect(cards.nth(0)).toContainText(m.familyName);
	await expect(cards.nth(0)).toContainText(fill(da.inbox.waited.days_other, { count: 2 }));
	await expect(cards.nth(0)).toContainText(da.inbox.unread);
	await expect(cards.nth(1)).toContainText('Fritidsjob');
	await expect(cards.nth(1)).toContainText(fill(da.inbox.waited.hours_other, { count: 3 }));
	await expect(cards.nth(1)).toContainText(fill(da.inbox.private, { name: m.teen.name }));
	await expect(cards.nth(1)).toContainText(da.inbox.answersYou);

	await card(page, letter).getByRole('link', { name: letter }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(letter);
	await expect(page.getByRole('main')).toContainText('وصلتني رسالة من شركة السكن');
	await expect(page.getByRole('main')).toContainText(m.parent.name);

	// A quick reply goes out in Amal's Arabic; Klara reads it in Danish.
	const quick = page.locator('form[action="?/quick"]');
	await expect(quick).toContainText(fill(da.staffMessages.quickIntro, { language: 'arabisk' }));
	await quick.getByRole('button', { name: fill(da.staffMessages.quickSend, { language: 'arabisk' }) }).click();
	await expect(page.getByRole('alert')).toContainText(da.validation.quickReplyRequired);
	await quick.getByRole('radio', { name: 'Tak for din besked. Jeg ser på det og svarer dig i dag.' }).check();
	await quick.getByRole('button', { name: fill(da.staffMessages.quickSend, { language: 'arabisk' }) }).click();
	await expect(page.getByRole('status')).toHaveText(da.staffMessages.done.sent);
	const sent = page.getByRole('main').getByRole('listitem').filter({ hasText: 'شكرًا على رسالتك' });
	await expect(sent).toContainText(m.staff.name);
	await expect(sent).toContainText(`${fill(da.staffMessages.sentIn, { language: 'arabisk' })} ${da.staffMessages.inDanish}`);
	await expect(sent).toContainText('Tak for din besked. Jeg ser på det og svarer dig i dag.');
	await expect(sent).toContainText(da.staffMessages.notSeen);
	await expect(page.getByRole('main')).not.toContainText(fill(da.inbox.waited.days_other, { count: 2 }));

	// A note for the team, marked as such.
	await page.getByLabel(da.staffMessages.noteField, { exact: true }).fill('Ring til boligselskabet i morgen.');
	await page.getByRole('button', { name: da.staffMessages.noteSend }).click();
	await expect(page.getByRole('status')).toHaveText(da.staffMessages.done.noted);
	const note = page.getByRole('main').getByRole('listitem').filter({ hasText: 'Ring til boligselskabet i morgen.' });
	await expect(note).toContainText(da.staffMessages.noteLabel);

	// Opening it read it: one unread left.
	await expect(inboxLink(page, 1)).toBeVisible();

	// Handed to Carl, who works with the family (Ulla, on the team but not with this family, is not offered).
	const colleague = page.getByLabel(da.staffMessages.handoverLabel, { exact: true });
	await expect(colleague.locator('option', { hasText: m.outsider.name })).toHaveCount(0);
	await colleague.selectOption({ label: m.colleague.name });
	await page.getByRole('button', { name: da.staffMessages.handoverSend }).click();
	await expect(page.getByRole('status')).toHaveText(da.staffMessages.done.handed);
	await expect(page.getByRole('main')).toContainText(fill(da.staffMessages.handedOver, { from: m.staff.name, to: m.colleague.name }));
	await expect(page.getByRole('main')).toContainText(fill(da.inbox.answers, { name: m.colleague.name }));
	await signOut(page);

	// Carl finds it under "Mine" and marks it done.
	await signIn(page, m.colleague.email);
	await page.goto('/staff/inbox');
	await page.getByRole('link', { name: da.inbox.filter.mine, exact: true }).click();
	await expect(conversations(page)).toHaveCount(1);
	await expect(card(page, letter)).toContainText(da.inbox.answersYou);
	await card(page, letter).getByRole('link', { name: letter }).click();
	await expect(page.getByRole('main')).toContainText(da.staffMessages.noteLabel);
	await page.getByRole('button', { name: da.staffMessages.markDone }).click();
	await expect(page.getByRole('status')).toHaveText(da.staffMessages.done.closed);
	await expect(page.getByRole('main')).toContainText(da.inbox.done);
	await expect(page.getByRole('button', { name: da.staffMessages.reopen })).toBeVisible();
	await page.goto('/staff/inbox?filter=waiting');
	await expect(card(page, letter)).toHaveCount(0);
}

test.describe('on a phone', () => {
	test('a letter waits in the inbox; a quick reply in Arabic, a note, a handover, done', async ({ page }) => {
		await letterFlow(page, claimMessageFamily());
	});
});

test.describe('on a laptop', () => {
	test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });
	test('a letter waits in the inbox; a quick reply in Arabic, a note, a handover, done', async ({ page }) => {
		await letterFlow(page, claimMessageFamily());
	});
});

test("someone who does not work with the family gets 'not found', and a crafted POST writes nothing", async ({
	page,
	browser,
	baseURL
}) => {
	const m = claimMessageFamily();
	const url = await conversationUrl(page, m, letter);
	const familyUrl = url.replace(/\/messages\/.*$/, '');
	await signOut(page);

	await signIn(page, m.outsider.email);
	for (const path of [url, `${familyUrl}/messages`, `${familyUrl}/messages/new`]) {
		const response = await page.goto(path);
		expect(response!.status(), path).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(da.errors.notFound);
	}
	await expect(page.getByText('وصلتني')).toHaveCount(0);
	// The letter's id under the family Ulla does work with: the same answer.
	await page.goto('/staff');
	await page.getByRole('link', { name: m.neighbours.familyName }).click();
	const elsewhere = `${page.url()}/messages/${url.split('/').at(-1)}`;
	expect((await page.goto(elsewhere))!.status()).toBe(404);
	const post = (target: string, action: string, form: Record<string, string>) =>
		page.request.post(`${target}?/${action}`, { form, headers: { origin: new URL(baseURL!).origin }, maxRedirects: 0 });
	for (const target of [url, elsewhere]) {
		for (const [action, form] of [
			['reply', { body: 'Ikke din familie', formKey: randomUUID() }],
			['note', { body: 'Ikke din familie', formKey: randomUUID() }],
			['quick', { reply: randomUUID(), formKey: randomUUID() }],
			['handover', { staff: randomUUID(), formKey: randomUUID() }],
			['status', { status: 'done' }]
		] as const) {
			expect((await post(target, action, form)).status(), `${action} at ${target}`).toBe(404);
		}
	}
	const start = await page.request.post(`${familyUrl}/messages/new`, {
		form: { subject: 'Ikke din familie', body: 'Hej', member: '', formKey: randomUUID() },
		headers: { origin: new URL(baseURL!).origin },
		maxRedirects: 0
	});
	expect(start.status()).toBe(404);

	// A family member gets the same answer for the staff's page, even for their own conversation.
	const parent = await browser.newPage();
	await signIn(parent, m.parent.email);
	expect((await parent.goto(url))!.status()).toBe(404);

	// Nothing was written: the contact person sees it as before.
	await signOut(page);
	await signIn(page, m.staff.email);
	await page.goto(url);
	await expect(page.getByRole('main')).not.toContainText('Ikke din familie');
	await expect(page.getByRole('main')).toContainText(fill(da.inbox.waited.days_other, { count: 2 }));
	await expect(page.getByRole('button', { name: da.staffMessages.markDone })).toBeVisible();
	await page.goto(`${familyUrl}/messages`);
	await expect(conversations(page)).toHaveCount(2);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test("a caseworker answers a teenager privately (after a mistake) and writes to the family's adults", async ({ page }) => {
		const m = claimMessageFamily();
		await signIn(page, m.staff.email);
		await page.goto('/staff/inbox?filter=unread');
		await card(page, 'Fritidsjob').getByRole('link', { name: 'Fritidsjob' }).click();
		await expect(page.getByRole('main')).toContainText(fill(da.staffMessages.private, { name: m.teen.name }));
		const reply = page.getByLabel(da.staffMessages.replyLabel, { exact: true });
		await expect(page.locator('#reply-body-hint')).toHaveText(fill(da.staffMessages.privateReplyHint, { name: m.teen.name }));

		// Only spaces: refused, in words, next to the field.
		await reply.fill('   ');
		await page.getByRole('button', { name: da.staffMessages.replySend }).click();
		await expect(page.getByRole('alert')).toContainText(da.validation.messageRequired);
		await expect(page.locator('#reply-body-error')).toHaveText(da.validation.messageRequired);
		await reply.fill('Hej Yasin! Ja, det hjælper vi gerne med. Kom forbi klubben på torsdag kl. 16.');
		await page.getByRole('button', { name: da.staffMessages.replySend }).click();
		await expect(page.getByRole('status')).toHaveText(da.staffMessages.done.sent);
		await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: 'Kom forbi klubben' })).toContainText(m.staff.name);
		await expect(page.getByRole('main')).not.toContainText(fill(da.inbox.waited.hours_other, { count: 3 }));

		// Write to the family's adults.
		await page.getByRole('link', { name: da.staffMessages.backToList }).click();
		await page.getByRole('link', { name: da.staffMessages.write }).click();
		await page.getByRole('button', { name: da.staffMessages.send }).click();
		await expect(page.getByRole('alert')).toContainText(da.validation.subjectRequired);
		await page.getByLabel(da.staffMessages.subject, { exact: true }).fill('Møde om boligen');
		await page.getByLabel(da.staffMessages.body, { exact: true }).fill('Hej Amal. Skal vi mødes i næste uge og tale om brevet?');
		await page.getByRole('button', { name: da.staffMessages.send }).click();
		await expect(page.getByRole('status')).toHaveText(da.staffMessages.done.started);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Møde om boligen');
		await expect(page.getByRole('main')).not.toContainText(da.staffMessages.private.split(' ')[0]);
		await page.getByRole('link', { name: da.staffMessages.backToList }).click();
		await expect(conversations(page)).toHaveCount(3);
	});
});

test('a reply that is too long gets the reason next to it and keeps every word', async ({ page }) => {
	const m = claimMessageFamily();
	await page.goto(await conversationUrl(page, m, letter));
	// The field stops at 5,000 characters; a browser that does not (or a pasted text past it) meets the server's rule.
	const reply = page.getByLabel(da.staffMessages.replyLabel, { exact: true });
	await reply.evaluate((el) => el.removeAttribute('maxlength'));
	const long = 'Langt svar. '.repeat(420).trim();
	await reply.fill(long);
	await page.getByRole('button', { name: da.staffMessages.replySend }).click();
	await expect(page.locator('#reply-body-error')).toHaveText(da.validation.messageTooLong);
	await expect(reply).toHaveValue(long);
	await expect(reply).toHaveAttribute('aria-invalid', 'true');
	await page.reload();
	await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: 'Langt svar.' })).toHaveCount(0);
});

test("the staff header with the inbox's figure fits a 320 px phone at 200 % text, in every language", async ({ page }) => {
	const m = claimMessageFamily();
	await signIn(page, m.staff.email);
	await page.setViewportSize({ width: 320, height: 740 });
	for (const { name } of locales) {
		await chooseLanguage(page, name);
		await page.goto('/staff/inbox');
		await expect(page.locator('header nav a[href="/staff/inbox"] .badge')).toHaveText('2');
		for (const size of ['100%', '200%']) {
			await page.evaluate((s) => (document.documentElement.style.fontSize = s), size);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow, `${name} at ${size}`).toBe(0);
		}
	}
});

test('what a colleague writes appears on the open conversation without a reload', async ({ page, browser }) => {
	const m = claimMessageFamily();
	const url = await conversationUrl(page, m, letter);
	await page.goto(url);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(letter);
	const carl = await (await browser.newContext()).newPage();
	await signIn(carl, m.colleague.email);
	// Typing before the page has started its script would be undone by it: wait for its live connection.
	const live = carl.waitForRequest((r) => r.url().endsWith('/events'));
	await carl.goto(url);
	await live;
	await carl.getByLabel(da.staffMessages.noteField, { exact: true }).fill('Jeg kender boligselskabet. Jeg ringer.');
	await carl.getByRole('button', { name: da.staffMessages.noteSend }).click();
	await expect(carl.getByRole('status')).toHaveText(da.staffMessages.done.noted);
	// Klara's page, untouched since it opened, shows it.
	await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: 'Jeg kender boligselskabet.' })).toContainText(
		m.colleague.name,
		{
			timeout: 15_000
		}
	);
	await carl.context().close();
});

test("a quick reply shows on the parent's open page without a reload, and the caseworker then sees that she read it", async ({
	page,
	browser
}) => {
	const m = claimMessageFamily();
	const url = await conversationUrl(page, m, letter);
	// Amal (Arabic) has her letter open.
	const parent = await (await browser.newContext()).newPage();
	await signIn(parent, m.parent.email);
	await parent.goto('/messages');
	await parent.getByRole('link', { name: letter }).click();
	await expect(parent.getByRole('heading', { level: 1 })).toHaveText(letter);
	await parent.evaluate(() => ((window as unknown as { untouched: boolean }).untouched = true));

	await page.goto(url);
	const quick = page.locator('form[action="?/quick"]');
	await quick.getByRole('radio', { name: 'Tak for din besked. Jeg ser på det og svarer dig i dag.' }).check();
	await quick.getByRole('button', { name: fill(da.staffMessages.quickSend, { language: 'arabisk' }) }).click();
	await expect(page.getByRole('status')).toHaveText(da.staffMessages.done.sent);
	// (Not "not read yet" first: her open page may already have read it.)
	const sent = page.getByRole('main').getByRole('listitem').filter({ hasText: 'شكرًا على رسالتك' });

	// Her page, never reloaded, shows the answer in Arabic with who wrote it…
	const answer = parent.getByRole('main').getByRole('listitem').filter({ hasText: 'شكرًا على رسالتك' });
	await expect(answer).toContainText(m.staff.name, { timeout: 15_000 });
	expect(await parent.evaluate(() => (window as unknown as { untouched?: boolean }).untouched)).toBe(true);
	// …and showing it read it: Klara's open page says so, also without a reload.
	await expect(sent).toContainText(fill(da.staffMessages.seenBy, { name: m.parent.name, time: '' }).replace(/,\s*$/, ''), {
		timeout: 15_000
	});
	await expect(sent).not.toContainText(da.staffMessages.notSeen);
	await parent.context().close();
});
