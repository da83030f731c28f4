/**
 * Where to meet and what about (issue 11's leftovers): the team's walk meeting points and office,
 * kept by the team leader on /staff/team; a meeting about one of the family's goals, whose words
 * reach only those who may see the goal; free times one week at a time, without JavaScript too.
 */
import da from '../../messages/da.json' with { type: 'json' };
import { test, expect, signIn, familyHref, blockWeek, mondayAhead, fill } from './helpers';
import type { OwnFamily } from './own';
import type { Page } from '@playwright/test';

const m = da.meetings;
const t = da.teamPlaces;
const atStep = (page: Page, n: number) => expect(page.getByText(fill(m.step, { step: n, total: 5 }), { exact: true })).toBeVisible();
const slots = (page: Page) => page.locator('main').getByRole('button', { name: /\d[.:]\d\d–\d/ });
const signOut = (page: Page) => page.getByRole('navigation').locator('form[action="/logout"] button').click();
const leader = 'leader@e2e.test';

/** From /meetings/book to the time step: a `type` meeting with the contact person. */
async function toTime(page: Page, own: OwnFamily, type: keyof typeof da.meetingType): Promise<void> {
	await page.goto('/meetings/book');
	await page
		.getByRole('group', { name: new RegExp(own.staff.name) })
		.getByRole('radio', { name: da.meetingType[type] })
		.check();
	await page.getByRole('button', { name: m.next }).click();
	await atStep(page, 2);
}

/** On through who and interpreter to the confirm step, from the time step (the first time shown). */
async function toConfirm(page: Page): Promise<void> {
	await slots(page).first().click();
	await atStep(page, 3);
	await page.getByRole('button', { name: m.next }).click();
	await atStep(page, 4);
	await page.getByRole('button', { name: m.next }).click();
	await atStep(page, 5);
}

/** A wish and a goal of the signed-in member's, written on their pages. */
async function writeGoal(page: Page, wish: string, goal: string): Promise<void> {
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
	await expect(page.getByRole('status')).toBeVisible();
}

test("a family books a walk at one of the team's meeting points about one of its goals, and sees both on the receipt, at home and with the team", async ({
	page,
	own
}) => {
	test.setTimeout(90_000);
	await signIn(page, own.parent.email);
	await writeGoal(page, 'Et arbejde i et køkken', 'Tage et kursus i hygiejne');
	await toTime(page, own, 'walk');
	await toConfirm(page);
	// The team's points in its order (a test of the team leader's may be adding one meanwhile),
	// none chosen to begin with, "somewhere else" last; the member's goals beside the topic.
	const points = page.getByRole('group', { name: m.pointLegend });
	await expect(points.getByRole('radio').first()).toHaveAccessibleName('Parkens indgang Ved legepladsen');
	await expect(points.getByRole('radio').nth(1)).toHaveAccessibleName('Biblioteket');
	await expect(points.getByRole('radio').last()).toHaveAccessibleName(m.pointOther);
	await expect(points.getByRole('radio', { checked: true })).toHaveCount(0);
	await points.getByRole('radio', { name: /^Søstien/ }).check();
	await page.getByLabel(m.topicLabel).fill('Hvor finder jeg et kursus?');
	await page.getByLabel(m.goalLabel).selectOption({ label: 'Tage et kursus i hygiejne' });
	await page.getByRole('button', { name: m.book }).click();

	await expect(page.getByRole('status')).toHaveText(m.done.booked);
	await expect(page.getByText('Søstien – Ved bænken')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Tage et kursus i hygiejne' })).toHaveAttribute('href', /^\/goals\/[0-9a-f-]{36}$/);
	await page.goto('/home');
	await expect(page.getByText(fill(da.home.meetingGoal, { goal: 'Tage et kursus i hygiejne' }))).toBeVisible();

	// The contact person sees the goal on the meeting too.
	await signOut(page);
	await signIn(page, own.staff.email);
	await page.getByRole('link', { name: own.familyName }).click();
	await page.getByRole('link', { name: da.staffFamily.meetingsLink }).click();
	const card = page.getByRole('article').filter({ hasText: da.meetingType.walk });
	await expect(card).toContainText('Søstien – Ved bænken');
	await expect(card).toContainText(`${da.staffMeetings.goal} Tage et kursus i hygiejne`);
});

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('the team leader adds, renames, puts aside and removes a meeting point; the family is offered it while it is offered', async ({
			page,
			own,
			browser
		}) => {
			test.setTimeout(90_000);
			const name = `Torvet ${own.k}${javaScriptEnabled ? '' : ' uden JS'}`;
			await signIn(page, leader);
			await page.getByRole('link', { name: da.staff.teamLink }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.placesTitle);
			const add = page.locator('form[action="?/add"]');
			await add.getByRole('button', { name: t.add }).click();
			await expect(page.getByRole('alert')).toContainText(da.validation.pointNameRequired);
			await add.getByLabel(t.pointName).fill(name);
			await add.getByLabel(t.pointDescription).fill('Ved springvandet');
			await add.getByRole('button', { name: t.add }).click();
			await expect(page.getByRole('status')).toHaveText(t.done.added);
			const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
			await expect(item).toContainText('Ved springvandet');
			// One name once per team, whatever the capitals; what was typed stays.
			await add.getByLabel(t.pointName).fill(name.toUpperCase());
			await add.getByRole('button', { name: t.add }).click();
			await expect(page.getByRole('alert')).toContainText(da.validation.pointNameTaken);
			await expect(add.getByLabel(t.pointName)).toHaveValue(name.toUpperCase());

			// The family is offered it.
			const family = await (await browser.newContext({ javaScriptEnabled })).newPage();
			await signIn(family, own.parent.email);
			await toTime(family, own, 'walk');
			await toConfirm(family);
			const confirm = family.url();
			await expect(family.getByRole('radio', { name: new RegExp(`^${name} Ved springvandet`) })).toBeVisible();

			// Renamed and put aside: the family is no longer offered it; removed: gone from the list.
			await item.getByText(t.change).click();
			await item.getByLabel(t.pointName).fill(`${name} ved kirken`);
			await item.getByLabel(t.offered).uncheck();
			await item.getByRole('button', { name: t.save }).click();
			await expect(page.getByRole('status')).toHaveText(t.done.saved);
			const renamed = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${name} ved kirken` }) });
			await expect(renamed).toContainText(t.notOffered);
			await family.goto(confirm);
			await expect(family.getByRole('radio', { name: new RegExp(`^${name}`) })).toHaveCount(0);
			await expect(family.getByRole('radio', { name: /^Søstien/ })).toBeVisible();
			const id = await renamed.locator('input[name=id]').first().inputValue();

			// A team leader of another team cannot change it (nor see it: their page lists their own team's).
			const other = await (await browser.newContext()).newPage();
			await signIn(other, 'lone@example.org');
			await other.goto('/staff/team');
			await expect(other.getByText(name)).toHaveCount(0);
			const foreign = await other.request.post('/staff/team?/remove', {
				form: { id },
				headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(foreign.status()).toBe(404);
			await other.context().close();

			await renamed.getByRole('button', { name: new RegExp(`^${t.remove}`) }).click();
			await expect(page.getByRole('status')).toHaveText(t.done.removed);
			await expect(page.getByRole('heading', { name: `${name} ved kirken` })).toHaveCount(0);
			await family.context().close();
		});
	});
}

test("other staff on the team see the places but cannot change them; the office's address is the team's", async ({
	page,
	own,
	baseURL
}) => {
	await signIn(page, own.staff.email);
	await page.getByRole('link', { name: da.staff.teamLink }).click();
	await expect(page.getByText(t.leaderOnly)).toBeVisible();
	await expect(page.getByText('Prøvekontoret, Prøvevej 1, 8000 Prøvested')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Søstien' })).toBeVisible();
	await expect(page.locator('main form')).toHaveCount(0);
	for (const action of ['add', 'office', 'remove', 'move', 'edit']) {
		const response = await page.request.post(`/staff/team?/${action}`, {
			form: { name: 'Mit sted', address: 'Hos mig' },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), action).toBe(404);
	}
	await page.reload();
	await expect(page.getByText('Mit sted')).toHaveCount(0);

	// The family books an office meeting: at the team's own office.
	await signOut(page);
	await signIn(page, own.parent.email);
	await toTime(page, own, 'office');
	await toConfirm(page);
	await expect(page.locator('main dl')).toContainText('Prøvekontoret, Prøvevej 1, 8000 Prøvested');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('free times come one week at a time; earlier and later times keep every choice, and the reason typed when moving', async ({
		page,
		own,
		browser
	}) => {
		test.setTimeout(120_000);
		// A week without any free time, between others.
		const blocked = mondayAhead();
		const staff = await (await browser.newContext()).newPage();
		await signIn(staff, own.staff.email);
		await blockWeek(staff, blocked);
		await staff.context().close();

		await signIn(page, own.parent.email);
		await toTime(page, own, 'phone');
		const week = page.locator('main h2').first();
		const first = (await week.textContent())!;
		await expect(page.getByRole('link', { name: m.earlierTimes })).toHaveCount(0);
		// Later and later, until the week without times says so.
		for (let i = 0; i < 3 && !page.url().includes(`week=${blocked}`); i++) {
			await page.getByRole('link', { name: m.laterTimes }).click();
			await expect(week).not.toHaveText(first);
		}
		expect(page.url()).toContain(`week=${blocked}`);
		await expect(page.getByText(m.weekEmpty)).toBeVisible();
		await expect(slots(page)).toHaveCount(0);
		await page.getByRole('link', { name: m.laterTimes }).click();
		await expect(page.getByText(m.weekEmpty)).toHaveCount(0);
		const later = (await week.textContent())!;
		// A time from a later week: the choices made before it came along.
		await slots(page).first().click();
		await atStep(page, 3);
		const chosen = new URL(page.url()).searchParams;
		expect(chosen.get('type')).toBe('phone');
		expect(new Date(chosen.get('start')!).getTime()).toBeGreaterThan(new Date(`${blocked}T00:00:00Z`).getTime());
		await page.getByRole('button', { name: m.next }).click();
		await page.getByRole('button', { name: m.next }).click();
		await page.getByRole('button', { name: m.book }).click();
		await expect(page.getByRole('status')).toHaveText(m.done.booked);

		// Moving: another week, the reason typed so far kept.
		await page.getByRole('link', { name: m.moveLink }).click();
		await page.getByLabel(m.reasonLabel).fill('Vi er på ferie den uge');
		await expect(page.locator('main h3').first()).toHaveText(first);
		await page.getByRole('button', { name: m.laterTimes }).click();
		await expect(page.getByLabel(m.reasonLabel)).toHaveValue('Vi er på ferie den uge');
		await expect(page.locator('main h3').first()).not.toHaveText(first);
		await page.getByRole('button', { name: m.earlierTimes }).click();
		await expect(page.locator('main h3').first()).toHaveText(first);
		await slots(page).first().click();
		await expect(page.getByRole('status')).toHaveText(m.done.moved);
		await expect(page.getByText('Vi er på ferie den uge')).toBeVisible();
		expect(later).not.toBe(first);
	});
});

test("a meeting about a teenager's own goal: the whole family sees the meeting, only the teenager and the team its goal", async ({
	page,
	browser
}) => {
	test.setTimeout(60_000);
	const goal = 'Tale med min lærer om, hvordan jeg har det i klassen';
	// Yusuf, 15, booked a phone call with Ali about his own goal (demo data).
	await signIn(page, 'yusuf@example.org');
	await page.goto('/meetings');
	// The year of demo history holds other phone calls: his is the one about the goal.
	const his = page.getByRole('listitem').filter({ hasText: da.meetingType.phone }).filter({ hasText: goal });
	await expect(his.getByRole('link', { name: goal })).toBeVisible();
	const href = (await his.getByRole('heading').getByRole('link').getAttribute('href'))!;
	await page.goto(href);
	await expect(page.getByRole('link', { name: goal })).toBeVisible();

	// Omar, his father: the meeting and its topic, never the goal — not on the page, not in its data.
	const omar = await (await browser.newContext()).newPage();
	await signIn(omar, 'omar@example.org');
	for (const path of ['/home', '/meetings', href]) {
		const response = await omar.goto(path);
		expect(await response!.text(), path).not.toContain(goal);
		await expect(omar.getByText(goal)).toHaveCount(0);
	}
	await expect(omar.getByText('Fritidsjob i Brugsen? Og lidt om skolen.')).toBeVisible();
	// Amina's goal is the family's: her husband sees it on the next meeting, at home too.
	await omar.goto('/home');
	await expect(omar.getByText(fill(da.home.meetingGoal, { goal: 'أن أحصل على شهادة النظافة الغذائية' }))).toBeVisible();
	await omar.context().close();

	// Ali, who works with the family, sees it on his card.
	const ali = await (await browser.newContext()).newPage();
	await signIn(ali, 'ali@example.org');
	await ali.goto(`${await familyHref(ali, /Hassan/)}/meetings`);
	// The family's year of meetings holds other phone calls; the coming one is Yusuf's.
	const call = ali.getByRole('article').filter({ hasText: da.meetingType.phone }).filter({ hasText: goal });
	await expect(call).toContainText(`${da.staffMeetings.goal} ${goal}`);
	await expect(call).toHaveCount(1);
	await ali.context().close();
});
