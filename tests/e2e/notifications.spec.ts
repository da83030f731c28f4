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
