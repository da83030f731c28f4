/**
 * The family's side of messages, as a parent and a teenager use it on a phone: writing to the
 * contact person (with and without JavaScript), mistakes that keep every word, hostile input
 * that stays text, a teenager's conversation that the parents never learn of, earlier
 * messages by link, and the demo families' conversations in Arabic and Danish.
 */
import { randomUUID } from 'node:crypto';
import ar from '../../messages/ar.json' with { type: 'json' };
import da from '../../messages/da.json' with { type: 'json' };
import { test, expect, signIn, chooseLanguage, fill } from './helpers';
import type { OwnFamily } from './own';
import type { Browser, Page } from '@playwright/test';

const c = da.conversations;
const left = (n: number) => fill(n === 1 ? c.left_one : c.left_other, { count: n });
/** The header's link to messages; its name carries the unread figure ("Beskeder, 2 ulæste"). */
const navMessages = (page: Page) => page.getByRole('navigation').getByRole('link', { name: new RegExp(`^${da.nav.messages}`) });
/** The lines of the conversation on the page. */
const lines = (page: Page) => page.locator('main ol > li');

/** Starts a conversation from /messages/new, to the contact person (the default), as the signed-in member. */
async function start(page: Page, subject: string, body: string): Promise<string> {
	await page.goto('/messages/new');
	await page.getByLabel(c.subject).fill(subject);
	await page.getByLabel(c.message).fill(body);
	await page.getByRole('button', { name: c.send }).click();
	await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}\?done=sent$/);
	return new URL(page.url()).pathname;
}

/** The contact person makes a sign-in link for `member`; they take it with an e-mail and a password, in a browser of their own. */
async function signsUp(browser: Browser, own: OwnFamily, member: string, email: string): Promise<Page> {
	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, own.staff.email);
	await staff.getByRole('link', { name: own.familyName }).click();
	await staff.getByRole('button', { name: `Lav login-link til ${member}` }).click();
	const link = (await staff.locator('.slip').getByRole('link').getAttribute('href'))!;
	await staff.context().close();
	const page = await (await browser.newContext()).newPage();
	await page.goto(link);
	await page.locator('main input[autocomplete=username]').fill(email);
	await page.locator('main input[type=password]').fill('fodbold og lektier');
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/home\?welcome$/);
	return page;
}

test.describe('with JavaScript', () => {
	test('a parent writes to the contact person, keeps a draft through a reload, sees it in the list and replies without the page jumping', async ({
		page,
		own
	}) => {
		await signIn(page, own.parent.email);
		await expect(navMessages(page)).toHaveAccessibleName(da.nav.messages);
		await page.getByRole('link', { name: da.home.messagesLink }).click();
		await expect(page).toHaveURL(/\/messages\/new$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.write);
		// The contact person is chosen already; the others on the family's team can be chosen.
		await expect(page.getByRole('radio', { name: fill(c.contact, { name: own.staff.name }) })).toBeChecked();
		await expect(page.getByRole('radio', { name: own.involved.name })).not.toBeChecked();
		await expect(page.getByText(left(5000))).toBeVisible();

		const words = 'Hej Kim.\nVi har fået et brev om huslejen. Kan du hjælpe os med at forstå det?';
		await page.getByLabel(c.subject).fill('Brev om huslejen');
		await page.getByLabel(c.message).fill(words);
		await expect(page.getByText(left(5000 - words.length))).toBeVisible();
		// Closed by accident: the words are still there (the subject is quickly typed again).
		await page.reload();
		await expect(page.getByLabel(c.message)).toHaveValue(words);
		await page.getByLabel(c.subject).fill('Brev om huslejen');
		await page.getByRole('button', { name: c.send }).click();

		await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}\?done=sent$/);
		const conversation = new URL(page.url()).pathname;
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Brev om huslejen');
		await expect(page.getByRole('status')).toHaveText(c.sent);
		await expect(page.getByText(fill(c.answers, { name: own.staff.name }))).toBeVisible();
		await expect(page.getByText(c.threadAdults)).toBeVisible();
		const first = lines(page).first();
		await expect(first.getByText(own.parent.name)).toBeVisible();
		await expect(first.locator('.message-text')).toHaveText(words);
		await expect(first.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);

		await page.getByRole('link', { name: c.back }).click();
		const item = page.getByRole('listitem').filter({ hasText: 'Brev om huslejen' });
		await expect(item.getByRole('link', { name: 'Brev om huslejen' })).toHaveAttribute('href', conversation);
		await expect(item.getByText('Vi har fået et brev om huslejen')).toBeVisible();
		await expect(item.getByText(fill(c.answers, { name: own.staff.name }))).toBeVisible();
		// One's own words are not news to oneself.
		await expect(item.getByText(c.unread)).toHaveCount(0);
		await expect(navMessages(page)).toHaveAccessibleName(da.nav.messages);

		// A reply: its draft survives a reload, and sending it keeps the page where it is.
		await item.getByRole('link', { name: 'Brev om huslejen' }).click();
		const box = page.getByLabel(c.reply);
		await box.fill('Jeg har også et billede af brevet.');
		await page.reload();
		await expect(box).toHaveValue('Jeg har også et billede af brevet.');
		await box.scrollIntoViewIfNeeded();
		const before = await page.evaluate(() => window.scrollY);
		expect(before).toBeGreaterThan(0);
		await page.getByRole('button', { name: c.send }).click();
		await expect(lines(page)).toHaveCount(2);
		await expect(lines(page).last().locator('.message-text')).toHaveText('Jeg har også et billede af brevet.');
		await expect(box).toHaveValue('');
		expect(await page.evaluate(() => window.scrollY)).toBeGreaterThanOrEqual(before - 5);
		// Sent: the draft is gone.
		await page.reload();
		await expect(box).toHaveValue('');
		await expect(lines(page)).toHaveCount(2);
	});

	test('an empty message, a missing subject and a 5,001-character message get translated errors and keep every word', async ({
		page,
		own
	}) => {
		await signIn(page, own.parent.email);
		await page.goto('/messages/new');
		await expect(page.getByText(left(5000))).toBeVisible();
		await page.getByRole('button', { name: c.send }).click();
		await expect(page.locator('#subject-error')).toHaveText(da.validation.subjectRequired);
		await expect(page.locator('#body-error')).toHaveText(da.validation.messageRequired);
		await expect(page.getByRole('alert').getByRole('link', { name: da.validation.messageRequired })).toBeVisible();

		// Past the browser's own limit, as an old phone or a script could send it.
		const box = page.getByLabel(c.message);
		await box.evaluate((el) => el.removeAttribute('maxlength'));
		const long = 'Huslejen stiger. '.repeat(300).slice(0, 5001);
		expect(long.trim()).toHaveLength(5001);
		await box.fill(long);
		await page.getByLabel(c.subject).fill('For langt');
		await page.getByRole('radio', { name: own.involved.name }).check();
		await page.getByRole('button', { name: c.send }).click();
		await expect(page.locator('#body-error')).toHaveText(da.validation.messageTooLong);
		await expect(page.locator('#subject-error')).toHaveCount(0);
		await expect(box).toHaveValue(long);
		await expect(box).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel(c.subject)).toHaveValue('For langt');
		await expect(page.getByRole('radio', { name: own.involved.name })).toBeChecked();

		// The same in a reply.
		const conversation = await start(page, 'Et spørgsmål', 'Hej');
		await page.goto(conversation);
		const reply = page.getByLabel(c.reply);
		await page.getByRole('button', { name: c.send }).click();
		await expect(page.locator('#body-error')).toHaveText(da.validation.messageRequired);
		await reply.evaluate((el) => el.removeAttribute('maxlength'));
		await reply.fill(long);
		await page.getByRole('button', { name: c.send }).click();
		await expect(page.locator('#body-error')).toHaveText(da.validation.messageTooLong);
		await expect(reply).toHaveValue(long);
		await expect(lines(page)).toHaveCount(1);
	});

	test('markup and scripts in a subject and a message are shown as the words they are: no dialog, no element, no javascript: link', async ({
		page,
		own
	}) => {
		let dialogs = 0;
		page.on('dialog', async (d) => {
			dialogs++;
			await d.dismiss();
		});
		await signIn(page, own.parent.email);
		const subject = '<img src=x onerror=alert(1)><script>alert(2)</script>';
		const body = [
			'<script>alert(document.cookie)</script>',
			'<img src=x onerror=alert(3)>',
			'[Tryk her](javascript:alert(4)) javascript:alert(5)',
			'<a href="javascript:alert(6)">link</a>',
			'Se https://www.borger.dk/bolig"><script>alert(7)</script>'
		].join('\n');
		const conversation = await start(page, subject, body);
		await page.goto(conversation);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject);
		expect(await page.title()).toContain(subject);
		await expect(lines(page).first().locator('.message-text')).toHaveText(body);
		const main = page.locator('main');
		await expect(main.locator('img, script, iframe, object')).toHaveCount(0);
		await expect(main.locator('a[href^="javascript"]')).toHaveCount(0);
		// The one web address is a safe link, cut where the address ends.
		const links = lines(page).first().getByRole('link');
		await expect(links).toHaveCount(1);
		await expect(links).toHaveAttribute('href', 'https://www.borger.dk/bolig');
		await expect(links).toHaveAttribute('rel', 'noopener noreferrer nofollow');

		// The same words in the list.
		await page.goto('/messages');
		await expect(page.getByRole('link', { name: subject })).toBeVisible();
		await expect(page.locator('main').locator('img, script')).toHaveCount(0);
		await page.waitForTimeout(300);
		expect(dialogs).toBe(0);
	});

	test("a teenager's conversation is invisible to the parent: not in the list, the header's figure, the home page, nor by its address", async ({
		browser,
		page,
		own
	}) => {
		// Three people in three browsers (the contact person makes the teenager's sign-in link).
		test.setTimeout(90_000);
		await signIn(page, own.parent.email);
		const parents = await start(page, 'Forældremøde', 'Hvornår er forældremødet?');

		const teen = await signsUp(browser, own, own.teen.name, `teen-${own.k}@e2e.test`);
		await teen.getByRole('navigation').getByRole('link', { name: da.nav.messages }).click();
		await expect(teen.getByText(c.teenPrivate)).toBeVisible();
		await expect(teen.getByText(c.none)).toBeVisible();
		// The parents' conversation is theirs.
		await expect(teen.getByRole('link', { name: 'Forældremøde' })).toHaveCount(0);
		expect((await teen.goto(parents))?.status()).toBe(404);
		await teen.goto('/messages/new');
		await expect(teen.getByText(c.teenPrivate)).toBeVisible();
		const secret = await start(teen, 'Fritidsjob', 'Hej. Jeg vil gerne have et fritidsjob i Netto. Må jeg spørge dig om det?');
		await expect(teen.getByText(c.threadPrivate)).toBeVisible();

		// The parent: a new message from someone else would show as unread, if it were the parent's to see.
		await page.goto('/home');
		await expect(navMessages(page)).toHaveAccessibleName(da.nav.messages);
		await expect(page.getByRole('link', { name: da.home.messagesLink })).toBeVisible();
		// Its subject exactly, or its words (the home page's own link "Fritidsjob og aktiviteter" is not it).
		await expect(page.getByRole('main').getByText(/^Fritidsjob$|Netto/)).toHaveCount(0);
		await page.goto('/messages');
		await expect(page.getByRole('link', { name: 'Forældremøde' })).toBeVisible();
		await expect(page.getByRole('main').getByText(/^Fritidsjob$|Netto/)).toHaveCount(0);
		const missing = await page.goto('/messages/00000000-0000-4000-8000-000000000000');
		const hidden = await page.goto(secret);
		expect([missing?.status(), hidden?.status()]).toEqual([404, 404]);
		await expect(page.getByRole('main').getByText(/^Fritidsjob$|Netto/)).toHaveCount(0);
		// A reply posted straight to it is "not found" too, and writes nothing.
		const post = await page.request.post(`${secret}?/reply`, {
			form: { body: 'Hvad skriver du om?', formKey: randomUUID() },
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(post.status()).toBe(404);
		await teen.reload();
		await expect(lines(teen)).toHaveCount(1);
		await expect(teen.getByText('Hvad skriver du om?')).toHaveCount(0);
		await teen.context().close();
	});

	test('the Arabic demo mother reads Mette’s answer right to left: who saw her thanks, the Danish and the Arabic each in its own direction', async ({
		page
	}) => {
		// Amina has read all of this conversation (she wrote its last line): reading it changes nothing.
		await signIn(page, 'amina@example.org');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await page
			.getByRole('navigation')
			.getByRole('link', { name: new RegExp(`^${ar.nav.messages}`) })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar.conversations.title);
		await page.getByRole('link', { name: 'خطاب من شركة السكن' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('خطاب من شركة السكن');
		await expect(page.getByText(fill(ar.conversations.answers, { name: 'Mette Kjær' }))).toBeVisible();
		// The quick reply went out in Arabic, marked as such; the team's note never reaches the family.
		const quick = page.locator('main .message-text', { hasText: 'هل يمكنك إرسال صورة للخطاب؟' });
		await expect(quick).toHaveAttribute('lang', 'ar');
		await expect(page.getByText('Varsel om huslejeforhøjelse: nye vinduer')).toHaveCount(0);
		// Seen by Mette, under Amina's newest message.
		const last = lines(page).last();
		await expect(last.getByText('شكرًا جزيلًا يا ميته!')).toBeVisible();
		await expect(last.locator('.seen')).toContainText(fill(ar.conversations.seenBy, { name: 'Mette Kjær', when: '' }).replace(/،\s*$/, ''));
		// Mette's answer: a safe link, and its Arabic paragraph runs right to left although the message starts in Danish.
		const answer = page.locator('main .message-text', { hasText: 'Hej Amina' });
		await expect(answer.getByRole('link')).toHaveAttribute('rel', 'noopener noreferrer nofollow');
		expect(await answer.evaluate((p) => getComputedStyle(p).unicodeBidi)).toBe('plaintext');
		// The layout mirrors: the avatar sits on the right of the name.
		const who = lines(page).first().locator('.who');
		const [avatar, name] = [await who.locator('.avatar').boundingBox(), await who.getByText('Amina Hassan').boundingBox()];
		expect(avatar!.x).toBeGreaterThan(name!.x);
		// Nothing is wider than the phone.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	});

	test('a parent choosing Arabic writes right to left; the page and the words follow', async ({ page, own }) => {
		await signIn(page, own.parent.email);
		await chooseLanguage(page, 'العربية');
		await page.getByRole('link', { name: ar.home.messagesLink }).click();
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.getByLabel(ar.conversations.message)).toHaveAttribute('dir', 'auto');
		await page.getByLabel(ar.conversations.subject).fill('موعد الطبيب');
		await page.getByLabel(ar.conversations.message).fill('مرحبا، هل يمكنك مساعدتي في حجز موعد عند الطبيب؟');
		await page.getByRole('button', { name: ar.conversations.send }).click();
		await expect(page.getByRole('status')).toHaveText(ar.conversations.sent);
		const text = lines(page).first().locator('.message-text');
		expect(await text.evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
		const who = lines(page).first().locator('.who');
		const [avatar, name] = [await who.locator('.avatar').boundingBox(), await who.getByText(own.parent.name).boundingBox()];
		expect(avatar!.x).toBeGreaterThan(name!.x);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	});

	test('the demo father sees who answers now after his question was handed over, and the header counts what he has not read', async ({
		page
	}) => {
		// Omar wrote the last line of this one; Mette's answer to Amina (the other) he has not read.
		await signIn(page, 'omar@example.org');
		await expect(navMessages(page)).toHaveAccessibleName(fill(da.nav.messagesUnread_one, { count: 1 }));
		await expect(page.getByRole('link', { name: fill(da.home.messagesNew, { count: 1 }) })).toBeVisible();
		await navMessages(page).click();
		const unread = page.getByRole('listitem').filter({ hasText: 'خطاب من شركة السكن' });
		await expect(unread.getByText(c.unread)).toBeVisible();
		// Yusuf's conversation about his leisure job is his and the team's.
		await expect(page.getByRole('main').getByText('Fritidsjob')).toHaveCount(0);
		const swim = page.getByRole('listitem').filter({ hasText: 'Svømning til Sara' });
		await expect(swim.getByText(c.unread)).toHaveCount(0);
		await expect(swim.getByText(fill(c.answers, { name: 'Jonas Holm' }))).toBeVisible();
		await swim.getByRole('link', { name: 'Svømning til Sara' }).click();
		await expect(page.locator('main ol > li.handover')).toContainText(fill(c.handover, { from: 'Mette Kjær', to: 'Jonas Holm' }));
		// Jonas, who answers now, has read it (Mette too, once a test has opened it as her).
		await expect(
			lines(page)
				.last()
				.locator('.seen', { hasText: fill(c.seenBy, { name: 'Jonas Holm', when: '' }).trim() })
		).toBeVisible();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a parent writes to the contact person and replies; mistakes answer 400 with the words kept', async ({ page, own }) => {
		await signIn(page, own.parent.email);
		await page.getByRole('navigation').getByRole('link', { name: da.nav.messages }).click();
		await expect(page.getByText(c.none)).toBeVisible();
		await page.getByRole('link', { name: c.write }).click();
		// No counter without JavaScript: the browser's maxlength holds the limit.
		await expect(page.getByLabel(c.message)).toHaveAttribute('maxlength', '5000');
		await expect(page.getByText(left(5000))).toHaveCount(0);

		await page.getByLabel(c.message).fill('Hej Kim, kan vi mødes i næste uge?');
		const [bad] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: c.send }).click()
		]);
		expect(bad.status()).toBe(400);
		await expect(page.locator('#subject-error')).toHaveText(da.validation.subjectRequired);
		await expect(page.getByLabel(c.message)).toHaveValue('Hej Kim, kan vi mødes i næste uge?');
		await page.getByLabel(c.subject).fill('Møde');
		await page.getByRole('button', { name: c.send }).click();
		await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}\?done=sent$/);
		await expect(page.getByRole('status')).toHaveText(c.sent);
		await expect(lines(page).first()).toContainText('Hej Kim, kan vi mødes i næste uge?');

		const [empty] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: c.send }).click()
		]);
		expect(empty.status()).toBe(400);
		await expect(page.locator('#body-error')).toHaveText(da.validation.messageRequired);
		await page.getByLabel(c.reply).fill('Tirsdag passer godt.');
		await page.getByRole('button', { name: c.send }).click();
		await expect(page).toHaveURL(/\?done=sent#m-[0-9a-f-]{36}$/);
		await expect(lines(page)).toHaveCount(2);
		await expect(page.getByLabel(c.reply)).toHaveValue('');

		await page.getByRole('link', { name: c.back }).click();
		await expect(page.getByRole('listitem').filter({ hasText: 'Møde' })).toContainText('Tirsdag passer godt.');
	});

	test('a long conversation shows its latest 50 messages, and earlier ones by a link', async ({ page, own }) => {
		test.setTimeout(90_000);
		await signIn(page, own.parent.email);
		const conversation = await start(page, 'Mange spørgsmål', 'Spørgsmål nummer 0');
		const origin = new URL(page.url()).origin;
		for (let i = 1; i <= 55; i++) {
			const r = await page.request.post(`${conversation}?/reply`, {
				form: { body: `Spørgsmål nummer ${i}`, formKey: randomUUID() },
				headers: { origin, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(r.status()).toBe(303);
		}
		await page.goto(conversation);
		await expect(lines(page)).toHaveCount(50);
		await expect(lines(page).first()).toContainText('Spørgsmål nummer 6');
		await expect(lines(page).last()).toContainText('Spørgsmål nummer 55');
		await page.getByRole('link', { name: c.earlier }).click();
		await expect(page).toHaveURL(/\?before=\d+_[0-9a-f-]{36}$/);
		await expect(lines(page)).toHaveCount(6);
		await expect(lines(page).first()).toContainText('Spørgsmål nummer 0');
		await expect(lines(page).last()).toContainText('Spørgsmål nummer 5');
		await expect(page.getByRole('link', { name: c.earlier })).toHaveCount(0);
		// Reading back is not the place to reply: the newest messages are one link away.
		await expect(page.getByLabel(c.reply)).toHaveCount(0);
		await page.getByRole('link', { name: c.newest }).click();
		await expect(lines(page).last()).toContainText('Spørgsmål nummer 55');
	});
});
