/**
 * The team's figures (issue 15) at 360 px, with and without JavaScript: the team leader counts
 * the whole team and chooses a period (a mistake is said beside the field and keeps both
 * months); a caseworker counts their own families; a family member is never shown the page.
 * The figures themselves are pinned by tests/integration/dashboard.test.ts (known answers).
 */
import { test, expect, signIn } from './helpers';
import da from '../../messages/da.json' with { type: 'json' };

const t = da.dashboard;

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('the team leader reads the team’s figures for a period of her choosing', async ({ page }) => {
			await signIn(page, 'leader@e2e.test');
			await page.getByRole('link', { name: da.staff.dashboardLink, exact: true }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title);
			// The whole team: Kim Kontakt 1, 2, … each the contact person of one family.
			const caseloads = page.getByRole('table', { name: t.caseload.title });
			await expect.poll(() => caseloads.getByRole('row').count()).toBeGreaterThan(20);
			await expect(caseloads.getByRole('row', { name: /^Kim Kontakt 1\b/ }).first()).toBeVisible();
			for (const title of [
				t.families.title,
				t.parents.title,
				t.school.title,
				t.teens.title,
				t.replies.title,
				t.meetings.title,
				t.checkins.title
			])
				await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
			// The budget: the sign-in's session and one statement for every figure.
			expect(Number((await page.request.get(page.url())).headers()['x-opgang-queries'])).toBeLessThanOrEqual(6);

			// The last month before the first: said beside the field, both months kept.
			await page.getByLabel(t.period.from).fill('2026-06');
			await page.getByLabel(t.period.to).fill('2026-01');
			await page.getByRole('button', { name: t.period.show }).click();
			await expect(page.getByRole('alert')).toContainText(da.validation.periodOrder);
			await expect(page.getByLabel(t.period.to)).toHaveAttribute('aria-invalid', 'true');
			await expect(page.getByLabel(t.period.from)).toHaveValue('2026-06');
			await expect(page.getByLabel(t.period.to)).toHaveValue('2026-01');
			await page.getByLabel(t.period.to).fill('2026-07');
			await page.getByRole('button', { name: t.period.show }).click();
			await expect(page).toHaveURL(/from=2026-06&to=2026-07/);
			await expect(page.getByRole('status')).toHaveText('Talt fra 1. juni 2026 til 31. juli 2026.');
			await expect(page.getByRole('table', { name: t.families.title }).getByRole('row')).toHaveCount(3);
		});
	});
}

test('a caseworker counts the families she works with; a family member is not shown the page', async ({ page, own }) => {
	await signIn(page, own.staff.email);
	await page.goto('/staff/dashboard');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.titleOwn);
	const caseloads = page.getByRole('table', { name: t.caseload.title });
	await expect(caseloads.getByRole('row')).toHaveCount(2);
	// Contact person for her one family, helping with none besides.
	await expect(caseloads.getByRole('row', { name: new RegExp(own.staff.name) }).getByRole('cell')).toHaveText(['1', '0']);

	const parent = await (await page.context().browser()!.newContext()).newPage();
	await signIn(parent, own.parent.email);
	expect((await parent.request.get('/staff/dashboard')).status()).toBe(404);
	await parent.context().close();
});
