import da from '../../messages/da.json' with { type: 'json' };
import { test, expect, signIn, fill } from './helpers';
import type { OwnFamily } from './own';
import type { Browser, Locator, Page } from '@playwright/test';

const g = da.goals;
const card = (page: Page | Locator, text: string) => page.getByRole('listitem').filter({ hasText: text });
const story = (page: Page) => page.getByRole('region', { name: g.storyTitle }).getByRole('list');

/** A wish written on /wishes, opened on its own page. */
async function writeWish(page: Page, text: string): Promise<void> {
	await page.goto('/wishes');
	await page.getByLabel(da.wishes.text).fill(text);
	await page.getByRole('button', { name: da.wishes.write }).click();
	await expect(page.getByRole('status')).toHaveText(da.wishes.done.written);
	await card(page, text)
		.getByRole('link', { name: fill(da.wishes.goalsLink, { count: 0 }) })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(g.wishTitle);
}

/** The staff member's page for the family's wish, from the family page. */
async function staffWishPage(page: Page, own: OwnFamily, wish: string): Promise<void> {
	await signIn(page, own.staff.email);
	await page.getByRole('link', { name: own.familyName }).click();
	await card(page, wish)
		.getByRole('link', { name: /^Mål og næste skridt/ })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(g.wishTitle);
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('a parent makes a goal with two steps, marks one done and sees it on the home page and in the story', async ({ page, own }) => {
			await signIn(page, own.parent.email);
			await writeWish(page, 'Et arbejde med børn');

			// A goal without words is refused, next to the field.
			await page.getByRole('button', { name: g.create }).click();
			await expect(page.locator('#goal-text-error')).toHaveText(da.validation.goalRequired);
			await page.getByLabel(g.text, { exact: true }).fill('Tage et kursus som pædagogmedhjælper');
			await page.getByRole('button', { name: g.create }).click();
			await expect(page.getByRole('status')).toHaveText(g.done.created);
			await page.getByRole('link', { name: 'Tage et kursus som pædagogmedhjælper' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tage et kursus som pædagogmedhjælper');

			const add = page.getByRole('region', { name: g.addStepTitle });
			// A step without words is refused beside the field; the day and who stay as chosen.
			await add.getByLabel(g.due).fill('2031-01-15');
			await add.getByLabel(g.who).selectOption({ label: g.whoTogether });
			await add.getByRole('button', { name: g.addStep }).click();
			await expect(page.locator('#step-text-error')).toHaveText(da.validation.stepRequired);
			await expect(add.getByLabel(g.due)).toHaveValue('2031-01-15');
			await expect(add.getByLabel(g.who)).toHaveValue('together');
			await add.getByLabel(g.who).selectOption({ label: g.whoMe });
			await add.getByLabel(g.stepText).fill('Finde tre kurser');
			await add.getByRole('button', { name: g.addStep }).click();
			await expect(page.getByRole('status')).toHaveText(g.done.stepAdded);
			// Saved: the day is empty again for the next step.
			await expect(add.getByLabel(g.due)).toHaveValue('');
			await add.getByLabel(g.stepText).fill('Tale med Kim om økonomien');
			await add.getByLabel(g.who).selectOption({ label: g.whoTogether });
			await add.getByRole('button', { name: g.addStep }).click();
			await expect(page.getByRole('status')).toHaveText(g.done.stepAdded);
			// The form is empty again for the next step.
			await expect(add.getByLabel(g.stepText)).toHaveValue('');

			const steps = page.getByRole('region', { name: g.stepsTitle });
			await expect(card(steps, 'Finde tre kurser').getByText(g.forYou)).toBeVisible();
			await expect(card(steps, 'Tale med Kim').getByText(g.forTogether)).toBeVisible();
			await card(steps, 'Finde tre kurser').getByRole('button', { name: g.markDone }).click();
			await expect(page.getByRole('status')).toHaveText(g.done.stepDone);
			const first = own.parent.name.split(' ')[0];
			await expect(card(steps, 'Finde tre kurser').getByText(g.doneTag, { exact: true })).toBeVisible();
			await expect(story(page).getByRole('listitem').first()).toContainText(fill(g.event.step_done, { name: first }));
			await expect(story(page).getByRole('listitem').first()).toContainText('Finde tre kurser');
			await expect(story(page).getByRole('listitem').last()).toContainText(fill(g.event.created, { name: first }));

			// A note on the story.
			await page.getByLabel(g.noteText).fill('Det første kursus starter i marts.');
			await page.getByRole('button', { name: g.addNote }).click();
			await expect(page.getByRole('status')).toHaveText(g.done.noted);
			await expect(story(page).getByRole('listitem').first()).toContainText('Det første kursus starter i marts.');

			// Home: the open step (together), not the done one; it leads back to the goal.
			await page.goto('/home');
			const next = page.getByRole('list').filter({ hasText: 'Tale med Kim om økonomien' });
			await expect(next.getByRole('listitem')).toHaveCount(1);
			await expect(next).toContainText('Tage et kursus som pædagogmedhjælper');
			await expect(next).toContainText(da.home.together);
			await expect(page.getByText('Finde tre kurser')).toHaveCount(0);
			await next.getByRole('link', { name: 'Tale med Kim om økonomien' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tage et kursus som pædagogmedhjælper');

			await page.getByRole('button', { name: g.reach }).click();
			await expect(page.getByRole('status')).toHaveText(g.done.reached);
		});
	});
}

test('a staff member proposes a goal; the parent changes its words and says yes', async ({ browser, page, own }) => {
	await signIn(page, own.parent.email);
	await writeWish(page, 'Mere ro om aftenen');

	const staff = await (await browser.newContext()).newPage();
	await staffWishPage(staff, own, 'Mere ro om aftenen');
	await staff.getByLabel(g.text, { exact: true }).fill('En fast sengetid for børnene');
	await staff.getByRole('button', { name: g.propose }).click();
	await expect(staff.getByRole('status')).toHaveText(g.done.proposed);
	await expect(card(staff, 'En fast sengetid').getByText(fill(g.proposedBy, { name: own.staff.name }))).toBeVisible();
	// Staff never get the family's buttons.
	await expect(staff.getByRole('button', { name: g.accept })).toHaveCount(0);

	await page.reload();
	const proposal = card(page, 'En fast sengetid');
	await expect(page.getByRole('region', { name: g.proposalsTitle })).toBeVisible();
	await expect(proposal.getByText(fill(g.proposedBy, { name: own.staff.name }))).toBeVisible();
	await expect(proposal.getByLabel(g.acceptText)).toHaveValue('En fast sengetid for børnene');
	await proposal.getByLabel(g.acceptText).fill('En fast sengetid for børnene på hverdage');
	await proposal.getByRole('button', { name: g.accept }).click();
	await expect(page.getByRole('status')).toHaveText(g.done.accepted);
	await page.getByRole('region', { name: g.activeTitle }).getByRole('link', { name: 'En fast sengetid for børnene på hverdage' }).click();
	const first = own.parent.name.split(' ')[0];
	await expect(story(page).getByRole('listitem').first()).toContainText(fill(g.event.accepted, { name: first }));
	await expect(story(page).getByRole('listitem').last()).toContainText(fill(g.event.proposed, { name: own.staff.name }));

	// The staff member adds a step for themselves, and marks it done; the family sees who did it.
	await staff.reload();
	await staff.getByRole('link', { name: 'En fast sengetid for børnene på hverdage' }).click();
	await staff.getByLabel(g.stepText).fill('Sende en god bog om søvn');
	await staff.getByRole('button', { name: g.addStep }).click();
	await expect(staff.getByRole('status')).toHaveText(g.done.stepAdded);
	await card(staff, 'Sende en god bog').getByRole('button', { name: g.markDone }).click();
	await expect(staff.getByRole('status')).toHaveText(g.done.stepDone);
	await page.reload();
	await expect(card(page.getByRole('region', { name: g.stepsTitle }), 'Sende en god bog')).toContainText(
		fill(g.doneBy, { name: own.staff.name.split(' ')[0], date: '' }).trim()
	);
});

/** Theo, the family's teenager, gets a sign-in through an invitation from the contact person. */
async function signUpTeen(browser: Browser, own: OwnFamily): Promise<Page> {
	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, own.staff.email);
	await staff.getByRole('link', { name: own.familyName }).click();
	await staff.getByRole('button', { name: `Lav login-link til ${own.teen.name}` }).click();
	const link = await staff
		.getByRole('region', { name: `Login-link til ${own.teen.name}` })
		.getByRole('link')
		.getAttribute('href');
	await staff.context().close();
	const teen = await (await browser.newContext()).newPage();
	await teen.goto(link!);
	await teen.locator('main input[autocomplete=username]').fill(`theo-${own.k}@e2e.test`);
	await teen.locator('input[type=password]').fill('motorcykel og olie');
	await teen.locator('main form button[type=submit]').click();
	await expect(teen).toHaveURL(/\/home\?welcome$/);
	return teen;
}

test("a teenager's goal under a private wish is hidden from the parent until the wish is shared", async ({ browser, page, own }) => {
	const teen = await signUpTeen(browser, own);
	await writeWish(teen, 'Blive mekaniker');
	const wishUrl = teen.url();
	await expect(teen.getByText(g.privateWish)).toBeVisible();
	await teen.getByLabel(g.text, { exact: true }).fill('Finde en praktikplads på et værksted');
	await teen.getByRole('button', { name: g.create }).click();
	await teen.getByRole('link', { name: 'Finde en praktikplads på et værksted' }).click();
	await expect(teen.getByRole('heading', { level: 1 })).toHaveText('Finde en praktikplads på et værksted');
	const goalUrl = teen.url();
	expect(goalUrl).toMatch(/\/goals\//);
	await teen.getByLabel(g.stepText).fill('Skrive til værkstedet');
	await teen.getByLabel(g.who).selectOption({ label: g.whoTogether });
	await teen.getByRole('button', { name: g.addStep }).click();
	await expect(teen.getByRole('status')).toHaveText(g.done.stepAdded);

	await signIn(page, own.parent.email);
	await expect(page.getByText('Skrive til værkstedet')).toHaveCount(0);
	await expect(page.getByText(da.home.nextStepsNone)).toBeVisible();
	for (const url of [wishUrl, goalUrl]) {
		const response = await page.goto(url);
		expect(response?.status()).toBe(404);
		await expect(page.getByText('Blive mekaniker')).toHaveCount(0);
	}
	await page.goto('/wishes');
	await expect(page.getByText('Blive mekaniker')).toHaveCount(0);

	// Shared: the parent sees the wish, its goal and the step on the home page.
	await teen.goto('/wishes');
	await expect(card(teen, 'Blive mekaniker').getByText(da.wishes.shareGoals)).toBeVisible();
	await card(teen, 'Blive mekaniker').getByRole('button', { name: da.wishes.share }).click();
	await expect(teen.getByRole('status')).toHaveText(da.wishes.done.shared);
	await page.goto('/home');
	await expect(page.getByRole('link', { name: 'Skrive til værkstedet' })).toBeVisible();
	await page.goto(goalUrl);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Finde en praktikplads på et værksted');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a goal saved meanwhile on another phone: the second save shows both versions and loses neither', async ({ browser, own }) => {
		const a = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		await signIn(a, own.parent.email);
		await writeWish(a, 'Et job tæt på hjemmet');
		await a.getByLabel(g.text, { exact: true }).fill('Søge tre job i nærheden');
		await a.getByRole('button', { name: g.create }).click();
		await a.getByRole('link', { name: 'Søge tre job i nærheden' }).click();
		await a.getByText(g.editTitle).click();

		const b = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		await signIn(b, own.parent.email);
		await b.goto(a.url());
		await b.getByText(g.editTitle).click();
		await b.getByLabel(g.text, { exact: true }).fill('Søge fem job i nærheden');
		await b.getByRole('button', { name: g.save, exact: true }).click();
		await expect(b.getByRole('status')).toHaveText(g.done.edited);

		await a.getByLabel(g.text, { exact: true }).fill('Søge tre job i nærheden før jul');
		await a.getByRole('button', { name: g.save, exact: true }).click();
		const alert = a.getByRole('alert').filter({ hasText: g.conflictSaved });
		await expect(alert).toContainText(fill(g.conflict, { name: own.parent.name.split(' ')[0] }));
		await expect(alert.locator('p[dir=auto]')).toHaveText('Søge fem job i nærheden');
		await expect(a.getByLabel(g.text, { exact: true })).toHaveValue('Søge tre job i nærheden før jul');
		await a.getByRole('button', { name: g.save, exact: true }).click();
		await expect(a.getByRole('heading', { level: 1 })).toHaveText('Søge tre job i nærheden før jul');
		// The story keeps every version.
		await expect(story(a).getByRole('listitem').first()).toContainText('Søge fem job i nærheden');
		await expect(story(a).getByRole('listitem').nth(1)).toContainText('Søge tre job i nærheden');
	});
});
