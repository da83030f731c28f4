/**
 * What the team notes about how things are going (issue 15 "outcomes"), at 360 px with and
 * without JavaScript: a caseworker notes a parent's new job and a teenager's school absence (a
 * mistake first, answered in words, nothing typed lost); the Arabic-reading parent reads her own
 * note in Arabic and not the teenager's; the teenager reads his own and not his mother's.
 */
import { test, expect, signIn, chooseLanguage } from './helpers';
import { claimMessageFamily } from './own';
import da from '../../messages/da.json' with { type: 'json' };
import ar from '../../messages/ar.json' with { type: 'json' };

const t = da.outcomes;

/** A day some weeks ago, as a date field takes it. */
function daysAgo(days: number): string {
	return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('a caseworker notes a new job and a school absence; each family member reads only their own', async ({ page, browser }) => {
			const family = claimMessageFamily();
			await signIn(page, family.staff.email);
			await page.getByRole('link', { name: family.familyName }).first().click();
			await page.getByRole('link', { name: da.staffFamily.outcomesLink }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.staffTitle);

			// The mother: part time from some weeks ago.
			const mother = page.getByRole('region', { name: new RegExp(family.parent.name) });
			await expect(mother).toContainText(t.nothingYet);
			const work = mother.getByRole('form', { name: t.new.work });
			await work.getByLabel(t.workLabel).selectOption({ label: t.work.part_time });
			await work.getByLabel(t.fromLabel).fill(daysAgo(20));
			await work.getByRole('button', { name: t.record }).click();
			await expect(page.getByRole('status')).toHaveText(t.done.recorded);
			await expect(page.getByRole('region', { name: new RegExp(family.parent.name) })).toContainText(t.work.part_time);

			// The teenager's absence: 130 % is refused next to the field, and the term and the number stay.
			const teen = () => page.getByRole('region', { name: new RegExp(family.teen.name) });
			const absence = () => teen().getByRole('form', { name: t.new.school });
			const term = await absence().getByLabel(t.termLabel).inputValue();
			await absence().getByLabel(t.absenceLabel).fill('130');
			await absence().getByRole('button', { name: t.record }).click();
			await expect(page.getByRole('alert').first()).toContainText(da.validation.percentInvalid);
			await expect(absence().getByLabel(t.absenceLabel)).toHaveValue('130');
			await expect(absence().getByLabel(t.absenceLabel)).toHaveAttribute('aria-invalid', 'true');
			await expect(absence().getByLabel(t.termLabel)).toHaveValue(term);
			await absence().getByLabel(t.absenceLabel).fill('12,5');
			await absence().getByRole('button', { name: t.record }).click();
			await expect(page.getByRole('status')).toHaveText(t.done.recorded);
			await expect(teen()).toContainText('12,5');

			// The mother reads hers in Arabic, and nothing of her son's school.
			const parent = await (await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } })).newPage();
			await signIn(parent, family.parent.email);
			await chooseLanguage(parent, 'العربية');
			await parent.goto('/home');
			await parent.getByRole('link', { name: ar.home.progressLink }).click();
			await expect(parent.getByRole('heading', { level: 1 })).toHaveText(ar.outcomes.title);
			await expect(parent.getByRole('region', { name: ar.outcomes.you })).toContainText(ar.outcomes.work.part_time);
			await expect(parent.locator('main')).not.toContainText(family.teen.name);
			await expect(parent.locator('main')).not.toContainText(ar.outcomes.kind.school);
			await parent.context().close();

			// The teenager reads his own absence, and nothing of his mother's work.
			const son = await (await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } })).newPage();
			await signIn(son, family.teen.email);
			await son.goto('/progress');
			const own = son.getByRole('region', { name: t.you });
			await expect(own).toContainText('12,5');
			await expect(own).toContainText(t.kind.school);
			await expect(son.locator('main')).not.toContainText(t.work.part_time);
			await expect(son.locator('main')).not.toContainText(family.parent.name);
			await son.context().close();
		});
	});
}

test('a family member gets "not found" for the team’s page; her page says when nothing is noted yet', async ({ page, own }) => {
	await signIn(page, own.parent.email);
	expect((await page.request.get('/staff/families/00000000-0000-4000-8000-000000000000/outcomes')).status()).toBe(404);
	await page.goto('/progress');
	await expect(page.getByText(t.none)).toBeVisible();
});
