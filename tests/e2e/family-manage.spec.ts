/**
 * The team leader keeps a family's time with the team (issue 15), at 360 px with and without
 * JavaScript: the family's contact person may not; a new contact person (after a mistake,
 * answered in words) is who the family sees at once; ending the time needs a reason, keeps the
 * day typed, and it can begin again; the history says who was before whom.
 */
import { test, expect, signIn } from './helpers';
import type { Page } from '@playwright/test';
import da from '../../messages/da.json' with { type: 'json' };

const t = da.familyManage;
const leader = 'leader@e2e.test';

/** The team leader's way to a test family's page: search by the parent's name. */
async function openFamily(page: Page, parentName: string, k: number): Promise<void> {
	await page.goto(`/staff?q=${encodeURIComponent(parentName)}`);
	await page
		.getByRole('link', { name: new RegExp(`Prøve ${k}\\b`) })
		.first()
		.click();
	await expect(page).toHaveURL(/\/staff\/families\/[0-9a-f-]+$/);
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('the team leader gives the family a new contact person, whom the parent sees at once; ends the time and begins it again', async ({
			page,
			browser,
			own
		}) => {
			// The contact person herself is offered no such page, and gets "not found" at its address.
			const kim = await (await browser.newContext({ javaScriptEnabled })).newPage();
			await signIn(kim, own.staff.email);
			await kim
				.getByRole('link', { name: new RegExp(`Prøve ${own.k}\\b`) })
				.first()
				.click();
			await expect(kim.getByRole('link', { name: da.staffFamily.manageLink })).toHaveCount(0);
			expect((await kim.request.get(`${kim.url()}/manage`)).status()).toBe(404);
			await kim.context().close();

			await signIn(page, leader);
			await openFamily(page, own.parent.name, own.k);
			await page.getByRole('link', { name: da.staffFamily.manageLink }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title);
			await expect(page.locator('main')).toContainText(own.staff.name);
			// The budget: at most 6 statements (the server's own count, as budgets.spec.ts reads it).
			expect(Number((await page.request.get(page.url())).headers()['x-opgang-queries'])).toBeLessThanOrEqual(6);

			// Nobody chosen: the message beside the field, and the words on why stay.
			await page.getByLabel(t.why).first().fill('Kim får færre familier.');
			await page.getByRole('button', { name: t.changeContact }).click();
			await expect(page.getByRole('alert').first()).toContainText(da.validation.colleagueRequired);
			await expect(page.getByLabel(t.why).first()).toHaveValue('Kim får færre familier.');
			await page.getByLabel(t.newContact).selectOption({ label: own.involved.name });
			await page.getByRole('button', { name: t.changeContact }).click();
			await expect(page.getByRole('status')).toHaveText(t.done.contact);
			const history = page.getByRole('region', { name: t.historyTitle });
			await expect(history).toContainText(own.involved.name);
			await expect(history).toContainText(own.staff.name);
			await expect(history).toContainText('Kim får færre familier.');

			// The parent sees the new contact person on the first page.
			const parent = await (await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } })).newPage();
			await signIn(parent, own.parent.email);
			await expect(parent.getByRole('region', { name: da.contact.title }).getByRole('heading', { name: own.involved.name })).toBeVisible();
			await parent.context().close();

			// Ending needs a reason; the day typed stays.
			const time = page.getByRole('region', { name: t.timeTitle });
			const today = await time.getByLabel(t.endOn).inputValue();
			await time.getByRole('button', { name: t.end }).click();
			await expect(page.getByRole('alert').first()).toContainText(da.validation.endReasonChoose);
			await expect(page.getByRole('region', { name: t.timeTitle }).getByLabel(t.endOn)).toHaveValue(today);
			await page.getByLabel(t.endReason).selectOption({ label: t.reason.moved });
			await page.getByRole('region', { name: t.timeTitle }).getByRole('button', { name: t.end }).click();
			await expect(page.getByRole('status')).toHaveText(t.done.ended);
			await expect(page.getByRole('region', { name: t.timeTitle })).toContainText(t.reason.moved);
			await page.getByRole('button', { name: t.reopen }).click();
			await expect(page.getByRole('status')).toHaveText(t.done.reopened);
			await expect(page.getByRole('region', { name: t.historyTitle })).toContainText(t.historyReopened);
		});
	});
}
