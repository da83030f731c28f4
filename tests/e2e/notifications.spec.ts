/**
 * Notifications as a parent and her contact person meet them: she chooses how to hear from
 * Opgang on /account, the contact person writes, and the mail arrives in her language with a
 * link and none of the words. The demo has no mail server, so mail is kept and shown on
 * /staff/outbox (the page a new user sees it on).
 */
import type { Page } from '@playwright/test';
import { test, expect, chooseLanguage, familyHref, fill, signIn } from './helpers';
import ar from '../../messages/ar.json' with { type: 'json' };
import da from '../../messages/da.json' with { type: 'json' };

async function write(staff: Page, familyUrl: string, subject: string, body: string) {
	await staff.goto(`${familyUrl}/messages/new`);
	await staff.getByLabel(da.staffMessages.subject, { exact: true }).fill(subject);
	await staff.getByLabel(da.staffMessages.body, { exact: true }).fill(body);
	await staff.getByRole('button', { name: da.staffMessages.send }).click();
	await expect(staff.getByRole('status')).toHaveText(da.staffMessages.done.started);
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test("a parent says no, then e-mail; her contact person's next letter arrives as a mail in Arabic, without its words", async ({
			own,
			browser
		}) => {
			const parent = await (await browser.newContext({ javaScriptEnabled })).newPage();
			await signIn(parent, own.parent.email);
			await chooseLanguage(parent, 'العربية');
			await parent.goto('/account');
			const choices = parent.getByRole('group', { name: ar.account.notifyBy });
			// E-mail is the choice until she makes one: she has an address.
			await expect(choices.getByRole('radio', { checked: true })).toHaveAccessibleName(
				fill(ar.account.notify_email, { email: own.parent.email })
			);
			await choices.getByRole('radio', { name: ar.account.notify_none }).check();
			await parent.getByRole('button', { name: ar.account.notifySave }).click();
			await expect(parent.getByRole('status')).toHaveText(ar.account.notifySaved);
			await expect(choices.getByRole('radio', { name: ar.account.notify_none })).toBeChecked();

			const staff = await (await browser.newContext({ javaScriptEnabled })).newPage();
			await signIn(staff, own.staff.email);
			const familyUrl = await familyHref(staff, new RegExp(own.familyName));
			await write(staff, familyUrl, 'Brev fra kommunen', 'Huslejen på 4.300 kr. er betalt');

			await parent.reload();
			await choices.getByRole('radio', { name: fill(ar.account.notify_email, { email: own.parent.email }) }).check();
			await parent.getByRole('button', { name: ar.account.notifySave }).click();
			await expect(parent.getByRole('status')).toHaveText(ar.account.notifySaved);
			await write(staff, familyUrl, 'Mødet på torsdag', 'Vi ses hos jer på torsdag');

			// The kept mail: to her, in Arabic, from Mette's colleague by name, with a link; one only (she said no to the first).
			const subject = fill(ar.notify.family.message, { name: own.staff.name });
			const mails = staff.getByRole('listitem').filter({ hasText: own.parent.email });
			await expect(async () => {
				await staff.goto('/staff/outbox');
				await expect(mails).toHaveCount(1, { timeout: 1000 });
			}).toPass({ timeout: 30_000 });
			const mail = mails.first();
			await expect(mail.getByRole('heading')).toContainText(own.parent.name);
			await expect(mail.locator('article')).toHaveAttribute('dir', 'rtl');
			await expect(mail.locator('article strong')).toHaveText(subject);
			await expect(mail).toContainText(/\/messages\/[0-9a-f-]{36}/);
			await expect(mail).not.toContainText('torsdag');
			await expect(mail).not.toContainText('Mødet');

			// The link opens the conversation for her.
			const link = (await mail.locator('pre').textContent())!.match(/https?:\/\/\S+\/messages\/[0-9a-f-]{36}/)![0];
			await parent.goto(link);
			await expect(parent.getByRole('heading', { level: 1 })).toHaveText('Mødet på torsdag');
			await parent.context().close();
			await staff.context().close();
		});
	});
}

test("a family member gets 'not found' for the team's outbox page", async ({ own, page }) => {
	// In the demo mail is kept, so every staff member may look; a family member never.
	await signIn(page, own.parent.email);
	const response = await page.goto('/staff/outbox');
	expect(response?.status()).not.toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(da.outbox.title);
});

/**
 * Headless Chromium has no push service to subscribe at (that needs the internet), so the
 * browser's subscribe() gives a subscription as a phone would: a real P-256 key, an address at
 * a push service that never answers. Everything else — the permission, the service worker,
 * the form, the page — is the browser's own. What a push service receives is tested in
 * tests/integration/push.test.ts.
 */
const phoneWithoutInternet = () => {
	const w = window as unknown as { asked: number };
	w.asked = 0;
	const ask = Notification.requestPermission.bind(Notification);
	Notification.requestPermission = (...args) => {
		w.asked++;
		return ask(...args);
	};
	const b64 = (bytes: Uint8Array) =>
		btoa(String.fromCharCode(...bytes))
			.replace(/\+/g, '-')
			.replace(/\//g, '_')
			.replace(/=+$/, '');
	PushManager.prototype.getSubscription = async () => null;
	PushManager.prototype.subscribe = async function () {
		const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
		const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
		const json = {
			endpoint: `https://push.opgang-e2e.invalid/${crypto.randomUUID()}`,
			expirationTime: null,
			keys: { p256dh: b64(raw), auth: b64(crypto.getRandomValues(new Uint8Array(16))) }
		};
		return { endpoint: json.endpoint, toJSON: () => json } as unknown as PushSubscription;
	};
};

test('a parent turns on notifications on her phone with one press (the browser asks only then), and off again without JavaScript', async ({
	own,
	browser
}) => {
	const context = await browser.newContext();
	await context.grantPermissions(['notifications']);
	await context.addInitScript(phoneWithoutInternet);
	const phone = await context.newPage();
	await signIn(phone, own.parent.email);
	await phone.goto('/account');
	const choices = phone.getByRole('group', { name: da.account.notifyBy });
	await expect(choices.getByRole('radio', { name: da.account.notify_push })).toHaveCount(0);
	const turnOn = phone.getByRole('button', { name: da.account.pushOn });
	await expect(turnOn).toBeVisible();
	// Nothing asked for permission on its own.
	expect(await phone.evaluate(() => (window as unknown as { asked: number }).asked)).toBe(0);
	await turnOn.click();
	await expect(phone.getByRole('status')).toHaveText(da.account.pushOnDone);
	expect(await phone.evaluate(() => (window as unknown as { asked: number }).asked)).toBe(1);
	// The service worker is this site's, installed by the press.
	expect(await phone.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL)).toMatch(
		/\/service-worker\.js$/
	);
	// Turning on is the choice; the phone is listed.
	await expect(choices.getByRole('radio', { name: da.account.notify_push })).toBeChecked();
	await expect(phone.getByText(da.account.pushDevices).locator('+ ul > li')).toHaveCount(1);

	// On a computer without JavaScript she sees it is on, and turns it off everywhere.
	const computer = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signIn(computer, own.parent.email);
	await computer.goto('/account');
	await expect(computer.getByText(da.account.pushNeedsScript)).toBeVisible();
	await expect(computer.getByRole('button', { name: da.account.pushOn })).toHaveCount(0);
	await expect(computer.getByRole('radio', { name: da.account.notify_push })).toBeChecked();
	await computer.getByRole('button', { name: da.account.pushOffAll }).click();
	await expect(computer.getByRole('status')).toHaveText(da.account.pushOffDone);
	await expect(computer.getByRole('radio', { name: da.account.notify_push })).toHaveCount(0);
	await expect(computer.getByRole('radio', { name: fill(da.account.notify_email, { email: own.parent.email }) })).toBeChecked();
	await computer.context().close();
	await context.close();
});

test('a browser that blocks notifications is told where to allow them, and nothing is kept', async ({ own, browser }) => {
	const context = await browser.newContext();
	await context.addInitScript(phoneWithoutInternet);
	const page = await context.newPage();
	await signIn(page, own.parent.email);
	await page.goto('/account');
	await page.getByRole('button', { name: da.account.pushOn }).click();
	await expect(page.getByRole('alert')).toHaveText(da.account.pushDenied);
	await expect(page.getByText(da.account.pushDevices)).toHaveCount(0);
	await context.close();
});
