/**
 * Leisure jobs and activities as a teenager and a parent meet them (issue 14), at 360 px: a
 * 15-year-old finds free football in Somali, says "I'm interested" with "come with me", and
 * decides when the parents see it; a parent finds a swimming course for a 9-year-old in Danish
 * and marks it for him. With and without JavaScript: every step is a plain form.
 */
import { test, expect, chooseLanguage, signIn } from './helpers';
import { claimMessageFamily } from './own';
import so from '../../messages/so.json' with { type: 'json' };
import da from '../../messages/da.json' with { type: 'json' };
import ar from '../../messages/ar.json' with { type: 'json' };

test.use({ viewport: { width: 360, height: 740 } });

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('a 15-year-old finds free football in Somali, says interested with a companion, shows it to the parents; the team moves it to started', async ({
			browser
		}) => {
			const family = claimMessageFamily();
			const teen = await (await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } })).newPage();
			await signIn(teen, family.teen.email);
			await chooseLanguage(teen, 'Soomaali');
			await teen.getByRole('link', { name: so.home.activitiesLink }).click();
			await expect(teen.getByRole('heading', { level: 1 })).toHaveText(so.activities.title);
			// Fits his age by default; he looks for what is free and says "fodbold" (football) as the Danish clubs do.
			await teen.getByRole('searchbox', { name: so.activities.search }).fill('fodbold');
			await teen.getByLabel(so.activities.onlyFree).check();
			await teen.getByRole('button', { name: so.activities.show }).click();
			await expect(teen.getByRole('heading', { name: so.activities.found.replace('{{n}}', '2') })).toBeVisible();
			const boys = teen.getByRole('link', { name: 'Kubadda cagta wiilasha 13–15 jir' });
			await expect(boys).toBeVisible();
			await expect(teen.getByRole('main')).not.toContainText('Fodbold for de små');
			await boys.click();
			await expect(teen.getByRole('heading', { level: 1 })).toHaveText('Kubadda cagta wiilasha 13–15 jir');
			await expect(teen.getByText(so.activities.supportCovers)).toBeVisible();
			await teen.getByLabel(so.activities.note).fill('Waxaan ku ciyaaray Soomaaliya');
			await teen.getByLabel(so.activities.companion).check();
			await teen.getByRole('button', { name: so.activities.interested }).click();
			await expect(teen.getByRole('status')).toHaveText(so.activities.done.interested);
			const mine = teen.getByRole('region', { name: so.activities.yourInterest });
			await expect(mine.getByRole('listitem')).toHaveCount(1);
			await expect(mine).toContainText(so.interestStatus.interested);
			await expect(mine).toContainText('Waxaan ku ciyaaray Soomaaliya');
			await expect(mine).toContainText(so.activities.companionAsked);
			await expect(mine).toContainText(so.activities.privateNote);
			// Nothing to say twice.
			await expect(teen.getByRole('button', { name: so.activities.interested })).toHaveCount(0);

			// The parent does not see it until he shares it.
			const parent = await (await browser.newContext({ javaScriptEnabled })).newPage();
			await signIn(parent, family.parent.email);
			await parent.goto('/activities');
			// (She reads in Arabic.) Her list of the family's interests is not there at all: nobody's is shown to her.
			const theirs = parent.getByRole('region', { name: ar.activities.yours });
			await expect(parent.getByRole('heading', { level: 1 })).toHaveText(ar.activities.title);
			await expect(theirs).toHaveCount(0);
			await mine.getByRole('button', { name: so.activities.share }).click();
			await expect(teen.getByRole('status')).toHaveText(so.activities.done.shared);
			await parent.reload();
			await expect(theirs.getByRole('link', { name: 'كرة القدم للأولاد 13–15 سنة' })).toBeVisible();
			await expect(theirs).toContainText(family.teen.name);
			await parent.context().close();

			// The contact person calls the bakery… the club; then he has started: the move and its note reach him.
			const staff = await (await browser.newContext({ javaScriptEnabled })).newPage();
			await signIn(staff, family.staff.email);
			await staff.getByRole('link', { name: da.staff.interestsLink }).click();
			const waiting = staff.getByRole('region', { name: new RegExp(`^${da.interestStatus.interested}`) });
			const item = waiting.getByRole('listitem').filter({ hasText: family.teen.name });
			await expect(item).toContainText(da.staffInterests.companion);
			await item.getByLabel(da.staffInterests.moveTo).selectOption({ label: da.interestStatus.started });
			await item.getByLabel(da.staffInterests.note).fill('Første træning tirsdag, Sahra går med');
			await item.getByRole('button', { name: da.staffInterests.save }).click();
			await expect(staff.getByRole('status')).toHaveText(da.staffInterests.moved);
			await expect(staff.getByRole('region', { name: new RegExp(`^${da.interestStatus.started}`) })).toContainText(family.teen.name);
			await staff.context().close();
			await teen.reload();
			await expect(mine).toContainText(so.interestStatus.started);
			await expect(mine).toContainText('Første træning tirsdag, Sahra går med');
			await teen.context().close();
		});

		test('a parent finds a swimming course for her 9-year-old in Danish and marks it for him', async ({ own, page }) => {
			await signIn(page, own.parent.email);
			await page.goto('/activities');
			// The directory fits one child at a time; she chooses Bo.
			await page.getByLabel(da.activities.forWhom).selectOption({ label: own.child.name });
			await page.getByLabel(da.activities.kind).selectOption({ label: da.opportunityKind.course });
			await page.getByRole('button', { name: da.activities.show }).click();
			await page.getByRole('link', { name: 'Lær at svømme (begyndere)' }).click();
			// Its own page (the list has a "for whom" choice too, and the card says "full" as well).
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lær at svømme (begyndere)');
			await expect(page.getByText(da.activities.full)).toBeVisible();
			await page.getByLabel(da.activities.forWhom).selectOption({ label: own.child.name });
			await page.getByRole('button', { name: da.activities.interested }).click();
			await expect(page.getByRole('status')).toHaveText(da.activities.done.interested);
			await expect(page.getByRole('region', { name: `${da.activities.interestOf} ${own.child.name}` })).toContainText(
				da.interestStatus.interested
			);
		});
	});
}

test('a note that is too long is refused with a message, and the words stay', async ({ own, page }) => {
	await signIn(page, own.parent.email);
	await page.goto('/activities?all=1&q=skak');
	await page.getByRole('link', { name: 'Skak i kulturhuset' }).click();
	const long = 'Bo spiller skak hver dag. '.repeat(25);
	await page.getByLabel(da.activities.note).evaluate((el, v) => ((el as HTMLTextAreaElement).value = v), long);
	await page.getByRole('button', { name: da.activities.interested }).click();
	await expect(page.getByRole('alert')).toContainText(da.validation.interestNoteTooLong);
	await expect(page.getByLabel(da.activities.note)).toHaveValue(long);
});

test('a caseworker calls a partner nobody has checked for six months and marks it still right', async ({ own, page }) => {
	await signIn(page, own.staff.email);
	await page.getByRole('link', { name: da.staff.opportunitiesLink }).click();
	const count = page.getByText(new RegExp(`^${da.staffOpportunities.staleCount.replace('{{n}}', '(\\d+)')}$`));
	const before = Number((await count.textContent())!.match(/\d+/)![0]);
	expect(before).toBeGreaterThan(0);
	// The people to call are there, with a number to press.
	const kvickly = page.getByRole('region', { name: 'Kvickly Lyngbæk' });
	await expect(kvickly.getByRole('link', { name: '+45 87 12 30 00' })).toHaveAttribute('href', 'tel:+4587123000');
	await page.getByRole('button', { name: da.staffOpportunities.checked }).first().click();
	await expect(page.getByRole('status')).toHaveText(da.staffOpportunities.checkedDone);
	await expect(count).toHaveText(da.staffOpportunities.staleCount.replace('{{n}}', String(before - 1)));
});
