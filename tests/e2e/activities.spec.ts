/**
 * Leisure jobs and activities as a teenager and a parent meet them (issue 14), at 360 px: a
 * 15-year-old finds free football in Somali, says "I'm interested" with "come with me", and
 * decides when the parents see it; a parent finds a swimming course for a 9-year-old in Danish
 * and marks it for him; a teenager saves some for later, and links his interest to his own
 * goal, whose words his mother never reads; the team sees the family's interests on its page.
 * With and without JavaScript: every step is a plain form.
 */
import type { Page } from '@playwright/test';
import { test, expect, chooseLanguage, fill, signIn } from './helpers';
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

/** The database statements a page ran (the server's own count, as budgets.spec.ts reads it). */
async function statements(page: Page, path: string): Promise<number> {
	const response = await page.request.get(path);
	expect(response.status()).toBe(200);
	return Number(response.headers()['x-opgang-queries']);
}

/** A wish and a goal for it, written by the signed-in member on /wishes (a teenager's are his own). */
async function wishWithGoal(page: Page, wish: string, goal: string): Promise<void> {
	await page.goto('/wishes');
	await page.getByLabel(da.wishes.text).fill(wish);
	await page.getByRole('button', { name: da.wishes.write }).click();
	await expect(page.getByRole('status')).toHaveText(da.wishes.done.written);
	await page
		.getByRole('listitem')
		.filter({ hasText: wish })
		.getByRole('link', { name: fill(da.wishes.goalsLink, { count: 0 }) })
		.click();
	await page.getByLabel(da.goals.text, { exact: true }).fill(goal);
	await page.getByRole('button', { name: da.goals.create }).click();
	await expect(page.getByRole('status')).toHaveText(da.goals.done.created);
}

/** An opportunity's own page, found by its words in the whole directory. */
async function openOpportunity(page: Page, search: string, title: string): Promise<void> {
	await page.goto(`/activities?all=1&q=${encodeURIComponent(search)}`);
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`${javaScriptEnabled ? 'with' : 'without'} JavaScript: saved and goals`, () => {
		test.use({ javaScriptEnabled });

		test('a 15-year-old saves two for later, finds them under “saved for later”, takes one away; his mother sees none of it', async ({
			browser
		}) => {
			const family = claimMessageFamily();
			const teen = await (await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } })).newPage();
			await signIn(teen, family.teen.email);
			await openOpportunity(teen, 'skak', 'Skak i kulturhuset');
			await teen.getByRole('button', { name: da.activities.save }).click();
			await expect(teen.getByRole('status')).toHaveText(da.activities.done.saved);
			await expect(teen.getByRole('button', { name: da.activities.unsave })).toBeVisible();
			await openOpportunity(teen, 'boksning', 'Boksning for unge');
			const boxing = new URL(teen.url()).pathname;
			await teen.getByRole('button', { name: da.activities.save }).click();
			await expect(teen.getByRole('status')).toHaveText(da.activities.done.saved);

			await teen.goto('/activities');
			await teen.getByRole('link', { name: fill(da.activities.savedLink, { n: 2 }) }).click();
			await expect(teen.getByLabel(fill(da.activities.onlySaved, { n: 2 }))).toBeChecked();
			await expect(teen.getByRole('heading', { name: fill(da.activities.found, { n: 2 }) })).toBeVisible();
			const results = teen.getByRole('list', { name: fill(da.activities.found, { n: 2 }) });
			await expect(results.getByRole('listitem')).toHaveCount(2);
			await expect(results.getByRole('listitem').filter({ hasText: da.activities.savedTag })).toHaveCount(2);
			await expect(results.getByRole('link', { name: 'Boksning for unge' })).toBeVisible();
			expect(await statements(teen, '/activities?saved=1&all=1')).toBeLessThanOrEqual(6);

			// Taken away: one left, and the page offers to save it again.
			await results.getByRole('link', { name: 'Skak i kulturhuset' }).click();
			expect(await statements(teen, teen.url())).toBeLessThanOrEqual(6);
			await teen.getByRole('button', { name: da.activities.unsave }).click();
			await expect(teen.getByRole('status')).toHaveText(da.activities.done.unsaved);
			await expect(teen.getByRole('button', { name: da.activities.save })).toBeVisible();
			await teen.goto('/activities');
			await expect(teen.getByRole('link', { name: fill(da.activities.savedLink, { n: 1 }) })).toBeVisible();
			await teen.context().close();

			// His mother (she reads Arabic) has saved nothing: no link, no choice, and the page offers "save" to her.
			const parent = await (await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } })).newPage();
			await signIn(parent, family.parent.email);
			await parent.goto('/activities?all=1&q=boksning');
			await expect(parent.getByRole('heading', { level: 1 })).toHaveText(ar.activities.title);
			await expect(parent.getByRole('link', { name: fill(ar.activities.savedLink, { n: 1 }) })).toHaveCount(0);
			await expect(parent.getByRole('checkbox', { name: fill(ar.activities.onlySaved, { n: 1 }) })).toHaveCount(0);
			await expect(parent.getByText(ar.activities.savedTag, { exact: true })).toHaveCount(0);
			await parent.goto(boxing);
			await expect(parent.getByRole('button', { name: ar.activities.save })).toBeVisible();
			await expect(parent.getByRole('button', { name: ar.activities.unsave })).toHaveCount(0);
			await parent.context().close();
		});

		test('a 15-year-old links his interest to his own goal; his mother sees the interest once shared, not the goal; the team sees it on the family page', async ({
			browser
		}) => {
			const family = claimMessageFamily();
			const teen = await (await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } })).newPage();
			await signIn(teen, family.teen.email);
			await wishWithGoal(teen, 'Tjene mine egne penge', 'Få et fritidsjob før sommer');
			await openOpportunity(teen, 'bageri', 'Fritidsjob i bageriet');
			await teen.getByLabel(da.activities.goal).selectOption({ label: 'Få et fritidsjob før sommer' });
			await teen.getByRole('button', { name: da.activities.interested }).click();
			await expect(teen.getByRole('status')).toHaveText(da.activities.done.interested);
			const mine = teen.getByRole('region', { name: da.activities.yourInterest });
			await expect(mine).toContainText(da.activities.goalOn);
			await expect(mine.getByRole('link', { name: 'Få et fritidsjob før sommer' })).toBeVisible();
			expect(await statements(teen, teen.url())).toBeLessThanOrEqual(6);
			await teen.goto('/activities');
			await expect(teen.getByRole('region', { name: da.activities.yours })).toContainText('Få et fritidsjob før sommer');

			// The team: on the family's page, private to him, nobody has started anything yet.
			const staff = await (await browser.newContext({ javaScriptEnabled })).newPage();
			await signIn(staff, family.staff.email);
			await staff.getByRole('link', { name: family.familyName }).first().click();
			const leisure = staff.getByRole('region', { name: da.staffFamily.interestsTitle });
			await expect(leisure).toContainText(fill(da.staffFamily.interestsActive, { n: 0 }));
			const item = leisure.getByRole('listitem').filter({ hasText: 'Fritidsjob i bageriet' });
			await expect(item).toContainText(family.teen.name);
			await expect(item).toContainText(da.interestStatus.interested);
			await expect(item).toContainText(da.staffFamily.interestPrivate);
			expect(await statements(staff, staff.url())).toBeLessThanOrEqual(6);
			await item.getByRole('link').click();
			await expect(staff).toHaveURL(/\/staff\/interests#interest-/);
			await staff.context().close();

			// Shared: his mother sees the interest, never the words of his own goal.
			await teen.getByRole('region', { name: da.activities.yours }).getByRole('link', { name: 'Fritidsjob i bageriet' }).click();
			await teen.getByRole('button', { name: da.activities.share }).click();
			await expect(teen.getByRole('status')).toHaveText(da.activities.done.shared);
			await teen.context().close();
			const parent = await (await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } })).newPage();
			await signIn(parent, family.parent.email);
			await parent.goto('/activities');
			const theirs = parent.getByRole('region', { name: ar.activities.yours });
			await expect(theirs).toContainText(family.teen.name);
			await expect(theirs).not.toContainText('Få et fritidsjob før sommer');
			await theirs.getByRole('link').first().click();
			await expect(parent.getByRole('region', { name: ar.activities.interestOf })).toBeVisible();
			await expect(parent.getByRole('main')).not.toContainText('Få et fritidsjob før sommer');
			await expect(parent.getByRole('main')).not.toContainText(ar.activities.goalOn);
			await parent.context().close();
		});
	});
}

test('a goal that cannot be chosen is refused with a message next to it, and the words stay', async ({ own, page }) => {
	await signIn(page, own.parent.email);
	await wishWithGoal(page, 'At Bo lærer at svømme', 'Bo kan svømme 25 meter');
	await openOpportunity(page, 'svømme', 'Lær at svømme (begyndere)');
	// The family's goal is offered to a parent; she writes a sentence and chooses it for Bo…
	const goal = page.getByLabel(da.activities.goalFamily);
	await expect(goal.getByRole('option', { name: 'Bo kan svømme 25 meter' })).toHaveCount(1);
	await page.getByLabel(da.activities.forWhom).selectOption({ label: own.child.name });
	await page.getByLabel(da.activities.note).fill('Bo er lidt bange for vand');
	// …but meanwhile it is gone (here: an id that is not one of hers).
	await goal.evaluate((el) => ((el as HTMLSelectElement).options[1].value = '00000000-0000-4000-8000-000000000000'));
	await goal.selectOption({ index: 1 });
	await page.getByRole('button', { name: da.activities.interested }).click();
	await expect(page.getByRole('alert')).toContainText(da.validation.interestGoal);
	await expect(page.getByLabel(da.activities.goalFamily)).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel(da.activities.note)).toHaveValue('Bo er lidt bange for vand');
	await expect(page.getByLabel(da.activities.forWhom)).toHaveValue(/.+/);
	// Chosen again from the list: said.
	await page.getByLabel(da.activities.goalFamily).selectOption({ label: 'Bo kan svømme 25 meter' });
	await page.getByRole('button', { name: da.activities.interested }).click();
	await expect(page.getByRole('status')).toHaveText(da.activities.done.interested);
	const region = page.getByRole('region', { name: `${da.activities.interestOf} ${own.child.name}` });
	await expect(region.getByRole('link', { name: 'Bo kan svømme 25 meter' })).toBeVisible();
});

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
