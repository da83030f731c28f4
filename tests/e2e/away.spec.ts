/**
 * "Away" kept by the staff member herself (issue "staff profiles"), at 360 px without
 * JavaScript: a mistake (until before from) is said beside the field and keeps the dates; then
 * she sets herself away from today for three days with a colleague standing in, and the parent
 * sees on /home that she is away and who stands in. Ending it takes the notice away again.
 */
import { test, expect, signIn } from './helpers';
import da from '../../messages/da.json' with { type: 'json' };
import { addDays, localDay } from '../../src/lib/time/zone';

const t = da.availability.away;

test.use({ javaScriptEnabled: false });

test('bad input to the away actions is answered 400 or 404, never 500', async ({ page, baseURL, own }) => {
	await signIn(page, own.staff.email);
	await page.goto('/staff/availability');
	const staff = (await page.locator('form[action$="/away"] input[name=staff]').getAttribute('value'))!;
	const today = localDay(new Date());
	const post = (action: string, form: Record<string, string>) =>
		page.request.post(`/staff/availability?/${action}`, {
			form,
			headers: { origin: new URL(baseURL!).origin, accept: 'text/html' },
			maxRedirects: 0
		});
	const good = { staff, startsOn: today, endsOn: today, kind: 'sick', standIn: '' };
	for (const bad of [
		{ startsOn: '2026-02-30' },
		{ endsOn: '0000-01-01' },
		{ kind: 'party' },
		{ standIn: 'x' },
		{ standIn: '00000000-0000-4000-8000-000000000000' },
		{ standIn: staff }
	])
		expect((await post('away', { ...good, ...bad })).status(), JSON.stringify(bad)).toBe(400);
	expect((await post('away', { ...good, staff: '00000000-0000-4000-8000-000000000000' })).status()).toBe(404);
	expect((await post('endAway', { staff, id: 'x' })).status()).toBe(404);
	expect((await post('endAway', { staff, id: '00000000-0000-4000-8000-000000000000' })).status()).toBe(404);
});

test('the contact person sets herself away with a stand-in; the parent sees it on the front page', async ({ page, browser, own }) => {
	const today = localDay(new Date());
	await signIn(page, own.staff.email);
	await page.goto('/staff/availability');
	const form = page.getByRole('form', { name: t.addTitle });
	await form.getByLabel(t.from).fill(addDays(today, 2));
	await form.getByLabel(t.until).fill(today);
	await form.getByRole('button', { name: t.add }).click();
	await expect(page.getByRole('alert')).toContainText(da.validation.absenceUntilBeforeFrom);
	await expect(page.locator('#away-endsOn-error')).toHaveText(da.validation.absenceUntilBeforeFrom);
	await expect(form.getByLabel(t.from)).toHaveValue(addDays(today, 2));
	await expect(form.getByLabel(t.until)).toHaveValue(today);

	await form.getByLabel(t.from).fill(today);
	await form.getByLabel(t.until).fill(addDays(today, 2));
	await form.getByLabel(da.availability.why).selectOption({ label: da.availability.kind.course });
	await form.getByLabel(t.standIn).selectOption({ label: own.involved.name });
	await form.getByRole('button', { name: t.add }).click();
	await expect(page.getByRole('status')).toHaveText(da.availability.done.awayAdded);
	const listed = page.getByRole('listitem').filter({ hasText: own.involved.name });
	await expect(listed).toContainText(da.availability.kind.course);

	const parent = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signIn(parent, own.parent.email);
	await parent.goto('/home');
	await expect(parent.getByRole('note').filter({ hasText: own.staff.name })).toContainText(
		da.contact.backOn.replace('{{name}}', own.staff.name).split('{{date}}')[0]
	);
	// First on the page: who to turn to meanwhile (StandInCard), with her whole name on the card.
	const now = parent.getByRole('region', { name: da.contact.nowTitle.replace('{{name}}', own.involved.name.split(' ')[0]) });
	await expect(now).toContainText(own.involved.name);

	// Back early: she ends it today, and the parent's notice is gone.
	await listed.getByRole('button', { name: new RegExp(t.end) }).click();
	await expect(page.getByRole('status')).toHaveText(da.availability.done.awayEnded);
	await expect(page.getByText(t.none)).toBeVisible();
	await parent.reload();
	await expect(parent.getByRole('note').filter({ hasText: own.staff.name })).toHaveCount(0);
	await expect(now).toHaveCount(0);
	await parent.context().close();
});

test("the team leader sets a colleague away from the team's staff list, and removes it again", async ({ page, own }) => {
	const tomorrow = addDays(localDay(new Date()), 1);
	await signIn(page, 'leader@e2e.test');
	await page.goto('/staff/team/staff');
	const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: own.staff.name }) });
	await card.getByRole('link', { name: new RegExp(`^${da.staffAdmin.away}\\s*: ${own.staff.name}$`) }).click();
	await expect(page).toHaveURL(/\/staff\/availability\?staff=[0-9a-f-]{36}$/);
	// The page as the leader sees someone else's: still at most 6 statements (budgets.spec.ts reads the same header).
	expect(Number((await page.request.get(page.url())).headers()['x-opgang-queries'])).toBeLessThanOrEqual(6);
	const form = page.getByRole('form', { name: t.addTitle });
	await form.getByLabel(t.from).fill(tomorrow);
	await form.getByLabel(t.until).fill(addDays(tomorrow, 1));
	await form.getByRole('button', { name: t.add }).click();
	await expect(page.getByRole('status')).toHaveText(da.availability.done.awayAdded);
	const listed = page.getByRole('listitem').filter({ hasText: t.standInNone });
	await expect(page.getByRole('heading', { level: 1 })).toContainText(own.staff.name);
	await listed.getByRole('button', { name: new RegExp(`^${da.availability.remove}`) }).click();
	await expect(page.getByRole('status')).toHaveText(da.availability.done.awayEnded);
	await expect(page.getByText(t.none)).toBeVisible();
});
