import da from '../../messages/da.json' with { type: 'json' };
import en from '../../messages/en.json' with { type: 'json' };
import { test, expect, signIn, familyHref, chooseLanguage } from './helpers';
import type { Page } from '@playwright/test';

/** Opens the staff member's own family's meetings page. */
/** "Familien Prøve 7" → /Prøve 7\b/: the name as every language shows it ("The Prøve 7 family"). */
const named = (familyName: string) => new RegExp(`${familyName.replace(/^Familien /, '')}\\b`);

async function familyMeetings(page: Page, familyName: string) {
	await page.goto(await familyHref(page, named(familyName)));
	await page.getByRole('link', { name: da.staffFamily.meetingsLink }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(named(familyName));
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('a caseworker opens Mondays, books a home visit with an interpreter, arranges the interpreter, and cancels with a word to the family', async ({
			page,
			own
		}) => {
			await signIn(page, own.staff.email);
			await page.getByRole('link', { name: da.staff.availabilityLink }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(da.availability.title);

			// A window that ends before it starts is refused with the reason next to the field, and nothing typed is lost.
			const add = page.locator('form[action$="addWindow"]');
			await add.getByLabel(da.availability.weekday).selectOption({ label: 'mandag' });
			await add.getByLabel(da.availability.from).fill('14:00');
			await add.getByLabel(da.availability.to).fill('08:00');
			await add.getByRole('button', { name: da.availability.addWindow }).click();
			await expect(page.getByRole('alert')).toContainText(da.validation.endBeforeStart);
			await expect(add.getByLabel(da.availability.from)).toHaveValue('14:00');
			await add.getByLabel(da.availability.from).fill('08:00');
			await add.getByLabel(da.availability.to).fill('20:00');
			await add.getByRole('button', { name: da.availability.addWindow }).click();
			await expect(page.getByRole('status')).toHaveText(da.availability.done.windowAdded);
			await expect(page.getByRole('listitem').filter({ hasText: '08:00–20:00' })).toContainText(da.meetingType.home);

			// Longer home visits.
			await page.getByRole('spinbutton', { name: da.meetingType.home, exact: true }).fill('75');
			await page.getByRole('button', { name: da.availability.saveRules }).click();
			await expect(page.getByRole('status')).toHaveText(da.availability.done.rulesSaved);
			await expect(page.getByRole('spinbutton', { name: da.meetingType.home, exact: true })).toHaveValue('75');

			await familyMeetings(page, own.familyName);
			await page.getByLabel(da.staffMeetings.kind).selectOption({ label: da.meetingType.home });
			await page.getByRole('button', { name: da.staffMeetings.showTimes }).click();
			// The first Monday at 08:00: only the window just added opens that early (the contact person's others are 10–14).
			const first = page.getByRole('radio', { name: /^mandag .*, 08[.:]00–/ }).first();
			const when = (await first.getAttribute('aria-label'))!;
			// A Monday, and 75 minutes long as just set.
			const [, h1, m1, h2, m2] = /^mandag .*, (\d{2})[.:](\d{2})–(\d{2})[.:](\d{2})$/.exec(when)!.map(Number);
			expect(h2 * 60 + m2 - (h1 * 60 + m1)).toBe(75);
			await first.check();
			await page.getByRole('checkbox', { name: own.grandmother.name }).check();
			await page.getByLabel(da.staffMeetings.interpreterNeeded).selectOption({ label: 'arabisk' });
			await page.getByRole('button', { name: da.staffMeetings.book, exact: true }).click();
			await expect(page.getByRole('status')).toHaveText(da.staffMeetings.done.booked);

			const card = page.getByRole('article').filter({ hasText: da.meetingType.home });
			await expect(card).toContainText(own.grandmother.name);
			await card.getByLabel(/Tolk på arabisk/).selectOption('arranged');
			await card.getByRole('button', { name: da.staffMeetings.save }).click();
			await expect(
				page
					.getByRole('article')
					.filter({ hasText: da.meetingType.home })
					.getByLabel(/Tolk på arabisk/)
			).toHaveValue('arranged');

			// It is in the calendar of its week.
			await page.goto('/staff/calendar');
			for (
				let i = 0;
				i < 4 &&
				!(await page
					.getByRole('article')
					.filter({ hasText: named(own.familyName) })
					.count());
				i++
			) {
				const week = page.url();
				await page.getByRole('link', { name: da.staffMeetings.next }).click();
				// The next week's page, before counting again (else a slow answer skips the week).
				await expect(page).not.toHaveURL(week);
			}
			await expect(page.getByRole('article').filter({ hasText: named(own.familyName) })).toContainText(da.meetingType.home);

			await familyMeetings(page, own.familyName);
			const again = page.getByRole('article').filter({ hasText: da.meetingType.home });
			await again.getByText(da.staffMeetings.cancelTitle).click();
			await again.getByLabel(da.staffMeetings.cancelNote).fill('Jeg er syg. Jeg ringer i morgen.');
			await again.getByRole('button', { name: da.staffMeetings.cancel, exact: true }).click();
			await expect(page.getByRole('status')).toHaveText(da.staffMeetings.done.cancelled);
			const earlier = page.getByRole('region', { name: da.staffMeetings.earlier });
			await expect(earlier.getByRole('article')).toContainText('Jeg er syg. Jeg ringer i morgen.');
			await expect(earlier.getByRole('article')).toContainText(da.staffMeetings.status.cancelled);
		});
	});
}

test("a proposed time waits for the family, in the staff member's own language", async ({ page, own }) => {
	await signIn(page, own.staff.email);
	await chooseLanguage(page, 'English');
	await page.goto('/staff/availability');
	const add = page.locator('form[action$="addWindow"]');
	await add.getByLabel(en.availability.weekday, { exact: true }).selectOption({ label: 'Wednesday' });
	await add.getByLabel(en.availability.from).fill('10:00');
	await add.getByLabel(en.availability.to).fill('12:00');
	await add.getByRole('button', { name: en.availability.addWindow }).click();
	await expect(page.getByRole('status')).toHaveText(en.availability.done.windowAdded);
	await page.goto(await familyHref(page, named(own.familyName)));
	await page.getByRole('link', { name: en.staffFamily.meetingsLink }).click();
	await page.getByLabel(en.staffMeetings.kind).selectOption({ label: en.meetingType.walk });
	await page.getByRole('button', { name: en.staffMeetings.showTimes }).click();
	await page.getByRole('radio').first().check();
	// The team's walk meeting points, as the family gets them (src/lib/server/demo/test-families.ts).
	await page
		.getByRole('group', { name: en.staffMeetings.pointLegend })
		.getByRole('radio', { name: /^Søstien/ })
		.check();
	await page.getByRole('button', { name: en.staffMeetings.propose }).click();
	await expect(page.getByRole('status')).toHaveText(en.staffMeetings.done.proposed);
	await expect(page.getByRole('article').filter({ hasText: en.meetingType.walk })).toContainText(en.staffMeetings.status.proposed);
	await expect(page.getByRole('article').filter({ hasText: en.meetingType.walk })).toContainText('Søstien – Ved bænken');

	// The family sees the proposal on its home page and says yes.
	await page.getByRole('navigation').locator('form[action="/logout"] button').click();
	await signIn(page, own.parent.email);
	const proposal = page.getByRole('link', { name: new RegExp(`^${own.staff.name.split(' ')[0]}`) });
	await expect(proposal).toContainText(/Gåtur|walk/i);
	await proposal.click();
	await expect(page.getByRole('heading', { name: da.meetings.answerTitle })).toBeVisible();
	await page.getByRole('button', { name: da.meetings.accept }).click();
	await expect(page.getByRole('status')).toHaveText(da.meetings.done.accepted);
	await expect(page.getByRole('heading', { name: da.meetings.answerTitle })).toHaveCount(0);
	await page.goto('/home');
	await expect(page.getByRole('link', { name: /Dit næste møde/ })).toBeVisible();
});

test("another caseworker's family's meetings answer 404", async ({ page, own }) => {
	await signIn(page, own.staff.email);
	const res = await page.goto(`/staff/families/00000000-0000-4000-8000-000000000000/meetings`);
	expect(res?.status()).toBe(404);
	const demo = await page.request.get('/staff/availability?staff=00000000-0000-4000-8000-000000000000');
	expect(demo.status()).toBe(404);
});
