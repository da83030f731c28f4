/**
 * Every page in every locale through axe. A page added to the portal is added here.
 * Signed in as the test's own family and its contact person (tests/e2e/own.ts): choosing a
 * language saves it, and no other test's sign-in may change language under it.
 */
import axe from 'axe-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { locales } from '../../src/lib/i18n/locales';
import { test, expect, blockWeek, chooseLanguage, mondayAhead, signIn, signInButton } from './helpers';
import { withVoices } from './speech';
import { claimMessageFamily } from './own';
import { testColleague } from '../../src/lib/server/demo/test-families';

/** The "Listen" button (its name differs per language). */
const listen = (page: Page) => page.getByRole('main').getByRole('button').and(page.locator('[aria-pressed]'));

/**
 * All of axe's rules on the page as it is, run by axe itself in the page. axe is loaded into
 * every document of the test's contexts when the document starts (axeContext), not sent over
 * for each analysis as @axe-core/playwright does: that sent its 550 KB of source and set it up
 * again for every audit, which took 3 to 5 times as long as the rules themselves — half of the
 * whole e2e suite's time was this file. Only violations carry their nodes.
 *
 * Colour contrast, which is more than half of axe's time on our pages (measured: 66 audits in da,
 * 15.2 s with it, 6.5 s without), is checked in one left-to-right and one right-to-left language
 * (`contrastLocales`): colours come from the style sheet, the same in every language, and the
 * mirrored layout is the only way a language changes what lies behind its text. Every other rule
 * (names, labels, landmarks, lang, target sizes, which do change with the words) runs in every
 * language.
 */
const contrastLocales: readonly string[] = ['da', 'ar'];
/** The languages whose pages skip the contrast rule; any other page (no lang, another) keeps it. */
const noContrast: string[] = locales.map((l) => l.code).filter((c) => !contrastLocales.includes(c));
async function audit(page: Page, label: string): Promise<void> {
	// A page from elsewhere (the `page` fixture) gets axe the way the library did it.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
	const summary = await page.evaluate(async (skip) => {
		const rules: axe.RuleObject = skip.includes(document.documentElement.lang) ? { 'color-contrast': { enabled: false } } : {};
		const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'], rules });
		return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	}, noContrast);
	expect(summary, `axe on ${label}`).toEqual([]);
	// The house rule beside axe's: every field one types in or chooses from is a big target
	// (44 px high at least; app.css), however the page styles it. Boxes to tick are rows of 44 px.
	const small = await page.evaluate(() =>
		[...document.querySelectorAll('input, select, textarea')]
			.filter((el) => {
				if (['checkbox', 'radio', 'hidden', 'file', 'submit', 'button'].includes((el as HTMLInputElement).type)) return false;
				const r = el.getBoundingClientRect();
				return r.width > 0 && r.height > 0 && r.height < 44;
			})
			.map((el) => `${el.tagName.toLowerCase()}#${el.id || el.getAttribute('name')} (${Math.round(el.getBoundingClientRect().height)} px)`)
	);
	expect(small, `fields under 44 px on ${label}`).toEqual([]);
}

/** A browser context whose every document has axe ready (see audit). */
async function axeContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
	const context = await browser.newContext(options);
	await context.addInitScript({ content: axe.source });
	return context;
}

for (const { code, name } of locales) {
	test(`every page passes axe in ${code}`, async ({ browser, baseURL, own }) => {
		// About forty pages and states per locale (a minute or two each on a busy machine).
		test.setTimeout(300_000);
		const context = await axeContext(browser);
		await context.addCookies([{ name: 'opgang-lang', value: code, url: baseURL! }]);
		// A voice for every language, so the "Listen" button is on the pages that have one.
		await withVoices(
			context,
			locales.map((l) => l.code)
		);
		const page = await context.newPage();

		for (const path of [
			'/login',
			'/language',
			'/privacy',
			'/accessibility',
			'/forgot',
			'/k',
			'/k/2222-2222',
			'/invitation/no.such-link',
			'/reset/no.such-link',
			'/colleague/no.such-link',
			'/no-such-page'
		]) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', code);
			if (path === '/privacy' || path === '/accessibility') await expect(listen(page)).toBeVisible();
			await audit(page, `${path} (${code})`);
		}
		// A form with errors.
		await page.goto('/login');
		await signInButton(page).click();
		await expect(page.getByRole('alert')).toBeVisible();
		await audit(page, `/login with errors (${code})`);
		await page.goto('/k');
		await page.locator('main form button[type=submit]').click();
		await expect(page.getByRole('alert')).toBeVisible();
		await audit(page, `/k with errors (${code})`);
		// The language menu open.
		await page.locator('header summary').click();
		await audit(page, `language menu (${code})`);

		// Staff pages, including a fresh invitation and the page it opens.
		await signIn(page, own.staff.email);
		await chooseLanguage(page, name);
		await audit(page, `/staff (${code})`);
		await page.getByRole('main').getByRole('link', { name: /Prøve/ }).first().click();
		await expect(page).toHaveURL(/\/staff\/families\/[0-9a-f-]{36}$/);
		await audit(page, `staff family page (${code})`);
		const familyUrl = page.url();
		const invite = page.locator('form[action="?/invite"] button').first();
		await invite.click();
		await expect(page.locator('.slip')).toBeVisible();
		await audit(page, `staff family page with invitation (${code})`);
		const link = await page.locator('.slip a').getAttribute('href');
		// A new password for the parent, who has a sign-in (the link is looked at, never used here).
		await page.locator('form[action="?/reset"] button').first().click();
		await expect(page.locator('.slip a')).toHaveAttribute('href', /\/reset\//);
		await audit(page, `staff family page with a reset link (${code})`);
		const reset = await page.locator('.slip a').getAttribute('href');
		await page.goto('/account');
		await audit(page, `/account (${code})`);
		// Availability: with a mistake, then with a window; the family's meetings with free times; the calendar.
		await page.goto('/staff/availability');
		await page.locator('#addWindow-endsAt').fill('08:00');
		await page.locator('form[action$="addWindow"] button[type=submit]').click();
		await expect(page.locator('#addWindow-endsAt-error')).toBeVisible();
		await audit(page, `/staff/availability with errors (${code})`);
		await page.locator('#addWindow-endsAt').fill('18:00');
		await page.locator('form[action$="addWindow"] button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await audit(page, `/staff/availability (${code})`);
		// Away, with a mistake (until before from), beside the field and in the summary.
		await page.locator('#away-startsOn').fill('2030-01-02');
		await page.locator('#away-endsOn').fill('2030-01-01');
		await page.locator('form[action$="/away"] button[type=submit]').click();
		await expect(page.locator('#away-endsOn-error')).toBeVisible();
		await audit(page, `/staff/availability, away with errors (${code})`);
		await page.goto('/staff/team');
		await audit(page, `/staff/team, read only (${code})`);
		// One's own profile, with a mistake.
		await page.goto('/staff/profile');
		await page.locator('#profile-phone').fill('12');
		await page.locator('form[action="?/save"] button[type=submit]').click();
		await expect(page.getByRole('alert')).toBeVisible();
		await audit(page, `/staff/profile with errors (${code})`);
		await page.goto('/staff/interests');
		await audit(page, `/staff/interests (${code})`);
		await page.goto('/staff/opportunities');
		await audit(page, `/staff/opportunities (${code})`);
		// Keeping the directory: a partner, an opportunity with its other languages, a new one with mistakes.
		await page.locator('main a[href^="/staff/opportunities/partners/"]:not([href$="/new"])').first().click();
		await expect(page.locator('#c-name')).toBeVisible();
		await audit(page, `a partner's page (${code})`);
		await page.goto('/staff/opportunities');
		await page.locator('main li a[href^="/staff/opportunities/"]').first().click();
		await page.locator('#texts-title ~ details summary').first().click();
		await expect(page.locator('#texts-title ~ details[open]')).toHaveCount(1);
		await audit(page, `an opportunity's page, a language open (${code})`);
		await page.goto('/staff/opportunities/new');
		await page.locator('form[action="?/create"] button[type=submit]').click();
		await expect(page.getByRole('alert')).toBeVisible();
		await audit(page, `/staff/opportunities/new with errors (${code})`);
		await page.goto(`${familyUrl}/meetings?type=walk`);
		await expect(page.locator('#book-point')).toBeVisible();
		await audit(page, `staff family meetings, a walk's meeting points (${code})`);
		await page.goto(`${familyUrl}/meetings?type=phone`);
		await expect(page.getByRole('radio').first()).toBeVisible();
		await audit(page, `staff family meetings with free times (${code})`);
		await page.getByRole('radio').first().check();
		await page.locator('form[action="?/book"] button[value=no]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await audit(page, `staff family meetings with a meeting (${code})`);
		await page.goto('/staff/calendar');
		await audit(page, `/staff/calendar (${code})`);
		// A calendar feed just made: the link shown once.
		await page.locator('#feed button[value=make]').click();
		await expect(page.locator('#feed-url')).toBeVisible();
		await audit(page, `/staff/calendar with a new calendar link (${code})`);
		await page.getByRole('navigation').locator('form[action="/logout"] button').click();

		await page.goto(link!);
		await audit(page, `invitation form (${code})`);
		await page.locator('main form button[type=submit]').click();
		await expect(page.getByRole('alert')).toBeVisible();
		await audit(page, `invitation form with errors (${code})`);
		await page.goto(reset!);
		await audit(page, `reset form (${code})`);
		await page.locator('main form button[type=submit]').click();
		await expect(page.getByRole('alert')).toBeVisible();
		await audit(page, `reset form with errors (${code})`);

		// Family pages.
		await signIn(page, own.parent.email);
		await chooseLanguage(page, name);
		await listen(page).click();
		await expect(listen(page)).toHaveAttribute('aria-pressed', 'true');
		await audit(page, `/home, reading aloud (${code})`);
		// Wishes: empty, with a mistake, with a wish, and one open for editing.
		await page.goto('/wishes');
		await audit(page, `/wishes (${code})`);
		await page.locator('form[action="?/write"] button[type=submit]').click();
		await expect(page.locator('#wish-text-error')).toBeVisible();
		await audit(page, `/wishes with errors (${code})`);
		await page.locator('#wish-text').fill(`${code}: أمنية · wish · ønske`);
		await page.locator('form[action="?/write"] button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await page.locator('main li a[href*="edit="]').first().click();
		await expect(page.locator('#edit-text')).toBeVisible();
		await audit(page, `/wishes editing (${code})`);
		// Check-in: empty, with a mistake, answered (a chart and its table), and at 200 % text.
		await page.goto('/checkin');
		await audit(page, `/checkin (${code})`);
		await page.locator('form[action="?/save"] button[type=submit]').click();
		await expect(page.locator('#checkin-none')).toBeVisible();
		await audit(page, `/checkin with errors (${code})`);
		await page.locator('#score-work-4').check();
		await page.locator('#note-work').fill(`${code}: جملة · sentence · sætning`);
		await page.locator('form[action="?/save"] button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await expect(page.locator('main svg[role=img]')).toHaveCount(1);
		await audit(page, `/checkin answered (${code})`);
		await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
		await audit(page, `/checkin answered, 200 % text (${code})`);
		// Goals: a wish's page, empty and with a mistake; a goal with a step, its page with a
		// mistake, a step done and a note (the story).
		await page.goto('/wishes');
		await page.locator(`main li a[href^="/wishes/"]`).first().click();
		await expect(page.locator('#goal-text')).toBeVisible();
		await audit(page, `/wishes/[id] (${code})`);
		await page.locator('form[action="?/goal"] button[type=submit]').click();
		await expect(page.locator('#goal-text-error')).toBeVisible();
		await audit(page, `/wishes/[id] with errors (${code})`);
		await page.locator('#goal-text').fill(`${code}: هدف · goal · mål`);
		await page.locator('form[action="?/goal"] button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		const wishPage = page.url().replace(/\?.*$/, '');
		await page.locator('main li a[href^="/goals/"]').first().click();
		await expect(page.locator('#step-text')).toBeVisible();
		await page.locator('form[action="?/step"] button[type=submit]').click();
		await expect(page.locator('#step-text-error')).toBeVisible();
		await audit(page, `/goals/[id] with errors (${code})`);
		await page.locator('#step-text').fill(`${code}: خطوة · step · skridt`);
		await page.locator('#step-who').selectOption('together');
		await page.locator('#step-due').fill('2031-05-01');
		await page.locator('form[action="?/step"] button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await page.locator('#note-text').fill(`${code}: ملاحظة · note`);
		await page.locator('form[action="?/note"] button[type=submit]').click();
		// The note in the story, not just a message: the step's message is on the page already, and a
		// click while the note is still on its way is lost when its answer redraws the page.
		await expect(page.locator('main').getByText(`${code}: ملاحظة · note`)).toBeVisible();
		await page.locator('form[action="?/done"] button').first().click();
		await expect(page.locator('.step.done')).toBeVisible();
		await audit(page, `/goals/[id] with a step done and a note (${code})`);
		const goalPage = page.url().replace(/\?.*$/, '');
		await page.locator('main details summary').click();
		await audit(page, `/goals/[id] editing (${code})`);
		await page.goto('/account');
		await audit(page, `/account family (${code})`);
		// Leisure jobs and activities: the directory, nothing found, an opportunity with a mistake, then an interest's timeline.
		await page.goto('/activities');
		await audit(page, `/activities (${code})`);
		await page.goto('/activities?q=zzzz&free=1');
		await audit(page, `/activities, nothing found (${code})`);
		await page.goto('/activities?all=1&q=skak');
		await page.locator('main li h3 a').first().click();
		await page.locator('#note').evaluate((el) => ((el as HTMLTextAreaElement).value = 'x'.repeat(501)));
		await page.locator('form[action="?/interested"] button[type=submit]').click();
		await expect(page.locator('#note-error')).toBeVisible();
		await audit(page, `/activities/[id] with errors (${code})`);
		await page.locator('#note').fill(`${code}: جملة · sentence`);
		await page.locator('form[action="?/interested"] button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await audit(page, `/activities/[id] with an interest (${code})`);
		await page.getByRole('navigation').locator('form[action="/logout"] button').click();

		// The staff's view of the family's check-ins (the staff member's language is saved above).
		await signIn(page, own.staff.email);
		await page.getByRole('main').getByRole('link', { name: /Prøve/ }).first().click();
		await expect(page).toHaveURL(/\/staff\/families\/[0-9a-f-]+$/);
		const familyPage = page.url();
		await page.locator('main a[href$="/checkins"]').click();
		await expect(page.locator('main svg[role=img]')).toHaveCount(1);
		await audit(page, `staff check-ins (${code})`);
		// How things are going: a note with a mistake (nothing chosen), then one noted.
		await page.goBack();
		await page.locator('main a[href$="/outcomes"]').click();
		await page.locator('form[action="?/record"]:has(select[name=work]) button[type=submit]').first().click();
		await expect(page.locator('select[name=work][aria-invalid=true]')).toHaveCount(1);
		await audit(page, `staff outcomes with errors (${code})`);
		const workForm = page.locator('form[action="?/record"]:has(select[name=work])').first();
		await workForm.locator('select[name=work]').selectOption('part_time');
		await workForm.locator('button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await audit(page, `staff outcomes with a note (${code})`);
		// Staff: the wish's page with a proposal form (a mistake, then a proposal), the goal's page.
		await page.goto(familyPage);
		await page.locator('main li a[href*="/wishes/"]').first().click();
		await expect(page.locator('#propose-text')).toBeVisible();
		await page.locator('form[action="?/propose"] button[type=submit]').click();
		await expect(page.locator('#propose-text-error')).toBeVisible();
		await audit(page, `staff wish page with errors (${code})`);
		await page.locator('#propose-text').fill(`${code}: اقتراح · proposal`);
		await page.locator('form[action="?/propose"] button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await audit(page, `staff wish page with a proposal (${code})`);
		await page.locator('main li a[href*="/goals/"]').first().click();
		await expect(page.locator('#note-text')).toBeVisible();
		await audit(page, `staff goal page (${code})`);
		await page.getByRole('navigation').locator('form[action="/logout"] button').click();

		// The family again: a proposal to answer, and the home page with a next step.
		await signIn(page, own.parent.email);
		await audit(page, `/home with next steps (${code})`);
		await page.goto('/progress');
		await expect(page.locator('main section')).toHaveCount(1);
		await audit(page, `/progress with a note (${code})`);
		await page.goto(wishPage);
		await page.locator('main details summary').first().click();
		await audit(page, `/wishes/[id] with a proposal (${code})`);
		await page.goto(goalPage);
		await page.locator('form[action="?/reach"] button').click();
		await expect(page.getByRole('status')).toBeVisible();
		await audit(page, `/goals/[id] reached (${code})`);
		await context.close();
	});
}

// The meeting pages in a test of their own per locale (a family of its own, which books).
for (const { code, name } of locales) {
	test(`every meeting page passes axe in ${code}`, async ({ browser, baseURL, own }) => {
		test.setTimeout(300_000);
		const context = await axeContext(browser);
		await context.addCookies([{ name: 'opgang-lang', value: code, url: baseURL! }]);
		const page = await context.newPage();
		await signIn(page, own.parent.email);
		await chooseLanguage(page, name);
		// A goal, so the confirm step offers it.
		await page.goto('/wishes');
		await page.locator('#wish-text').fill(`${code}: أمنية · wish · ønske`);
		await page.locator('form[action="?/write"] button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await page.locator('main li a[href^="/wishes/"]').first().click();
		await page.locator('#goal-text').fill(`${code}: هدف · goal · mål`);
		await page.locator('form[action="?/goal"] button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		// Meetings: none yet, every booking step (and its mistakes), the receipt, a time just
		// taken, moving, and a cancelled meeting.
		await page.goto('/meetings');
		await audit(page, `/meetings empty (${code})`);
		await page.goto('/meetings/book?missing=1');
		await expect(page.getByRole('alert')).toBeVisible();
		await audit(page, `/meetings/book with errors (${code})`);
		await page.locator('main input[type=radio][value$="~phone"]').first().check();
		await page.locator('main form button[type=submit]').click();
		await expect(page).toHaveURL(/\/meetings\/book\/time/);
		await audit(page, `/meetings/book/time (${code})`);
		await page.locator('main button[name=start]').first().click();
		await expect(page).toHaveURL(/\/meetings\/book\/who/);
		await audit(page, `/meetings/book/who (${code})`);
		await page.locator('main input[type=checkbox]').first().uncheck();
		await page.locator('main form button[type=submit]').click();
		await expect(page.getByRole('alert')).toBeVisible();
		await audit(page, `/meetings/book/who with errors (${code})`);
		await page.locator('main input[type=checkbox]').last().check();
		await page.locator('main form button[type=submit]').click();
		await expect(page).toHaveURL(/\/meetings\/book\/interpreter/);
		await audit(page, `/meetings/book/interpreter (${code})`);
		await page.locator('main form button[type=submit]').click();
		await expect(page).toHaveURL(/\/meetings\/book\/confirm/);
		await audit(page, `/meetings/book/confirm (${code})`);
		const confirm = page.url();
		await page.locator('#topic').evaluate((el) => el.removeAttribute('maxlength'));
		await page.locator('#topic').fill('x'.repeat(1001));
		await page.locator('#book-button').click();
		await expect(page.locator('#topic-error')).toBeVisible();
		await audit(page, `/meetings/book/confirm with errors (${code})`);
		await page.locator('#topic').fill(`${code}: موضوع · topic · emne`);
		await page.locator('#goal').selectOption({ index: 1 });
		await page.locator('#book-button').click();
		await expect(page.getByRole('status')).toBeVisible();
		await expect(page.locator('main a[href^="/goals/"]')).toBeVisible();
		await audit(page, `meeting receipt, about a goal (${code})`);
		const meeting = new URL(page.url()).pathname;
		// A walk: the team's meeting points, and one chosen with words of one's own too (a mistake).
		await page.goto(confirm.replace('type=phone', 'type=walk'));
		await expect(page.locator('#point')).toBeVisible();
		await audit(page, `/meetings/book/confirm, a walk (${code})`);
		await page.locator('#point input[type=radio]').first().check();
		await page.locator('#place').fill(`${code}: مكان · place · sted`);
		// The book button, or (that time is taken by the phone call just booked) a fresh time: refused before booking.
		await page.locator('#book-button, main button[name=start]').first().click();
		await expect(page.locator('#place-error')).toBeVisible();
		await audit(page, `/meetings/book/confirm, a walk with errors (${code})`);
		// The same choices again: that time is now taken, so fresh times instead.
		await page.goto(confirm);
		await expect(page.locator('main button[name=start]').first()).toBeVisible();
		await audit(page, `/meetings/book/confirm, time taken (${code})`);
		await page.goto(`${meeting}/move`);
		await audit(page, `meeting move (${code})`);
		await page.goto(meeting);
		await page.locator('form[action="?/cancel"] button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await audit(page, `cancelled meeting (${code})`);
		await page.goto('/meetings');
		await audit(page, `/meetings with a meeting (${code})`);
		// The member's calendar feed: just made (the link shown once), later, and turned off.
		await page.locator('#feed button[value=make]').click();
		await expect(page.locator('#feed-url')).toBeVisible();
		await audit(page, `/meetings with a new calendar link (${code})`);
		await page.reload();
		await expect(page.locator('#feed button[value=off]')).toBeVisible();
		await audit(page, `/meetings with a calendar link (${code})`);
		await page.locator('#feed button[value=off]').click();
		await expect(page.locator('#feed [role=status]')).toBeVisible();
		await audit(page, `/meetings with the calendar link turned off (${code})`);
		await context.close();
	});
}

// After the cut-off, and a week without free times: a family of its own per four locales. The
// meeting and the week off are made once; the parent then reads the same pages in each language
// (one sign-in whose saved language changes). Made once per locale, the set-up was four fifths of
// these tests' time (8 tests of ~30 s under CI's load, 3 audits each).
for (const group of [locales.slice(0, 4), locales.slice(4)]) {
	test(`a meeting after the cut-off and a week without free times pass axe in ${group.map((l) => l.code).join(', ')}`, async ({
		browser,
		own
	}) => {
		test.setTimeout(300_000);
		// The contact person books a time within the cut-off (staff book after a phone call, without
		// the notice), and takes a week off.
		const page = await (await axeContext(browser)).newPage();
		await signIn(page, own.staff.email);
		await blockWeek(page, mondayAhead());
		await page.goto('/staff');
		const family = await page.getByRole('main').getByRole('link', { name: /Prøve/ }).first().getAttribute('href');
		await page.goto(`${family}/meetings?type=phone`);
		// A choice made before the page's script has started is undone by it (in the note on issue 12).
		await page.waitForLoadState('networkidle');
		await page.getByRole('radio').first().check();
		await page.locator('form[action="?/book"] button[value=no]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await page.context().close();

		const parent = await (await axeContext(browser)).newPage();
		await signIn(parent, own.parent.email);
		await parent.goto('/meetings');
		const meeting = (await parent.locator('main section').first().locator('a[href^="/meetings/"]').first().getAttribute('href'))!;
		for (const { code, name } of group) {
			await chooseLanguage(parent, name);
			await parent.goto(meeting);
			await expect(parent.locator('html')).toHaveAttribute('lang', code);
			await expect(parent.locator('main a[href^="tel:"]')).toBeVisible();
			await expect(parent.locator('form[action="?/cancel"]')).toHaveCount(0);
			await audit(parent, `meeting after the cut-off (${code})`);
			await parent.goto(`${meeting}/move`);
			await expect(parent.locator('main a[href^="tel:"]')).toBeVisible();
			await audit(parent, `meeting move after the cut-off (${code})`);
			// The time step for the contact person, in the week they are off.
			await parent.goto('/meetings/book');
			await parent.locator('main input[type=radio][value$="~phone"]').first().check();
			await parent.locator('main form button[type=submit]').click();
			await expect(parent).toHaveURL(/\/meetings\/book\/time/);
			await parent.goto(`${parent.url()}&week=${mondayAhead()}`);
			await expect(parent.locator('main .weeks a')).toHaveCount(2);
			await expect(parent.locator('main button[name=start]')).toHaveCount(0);
			await audit(parent, `/meetings/book/time, a week without free times (${code})`);
		}
		await parent.context().close();
	});
}

// The team page as its leader keeps it, in every language one after another (one sign-in whose
// saved language changes: a test per locale would race for it).
test('the team page passes axe in every locale, as the team leader keeps it', async ({ browser, own }) => {
	test.setTimeout(600_000);
	const page = await (await axeContext(browser)).newPage();
	await signIn(page, 'axe-leader@e2e.test');
	await page.goto(`/staff?q=${encodeURIComponent(own.parent.name)}`);
	await page
		.getByRole('link', { name: new RegExp(`Prøve ${own.k}\\b`) })
		.first()
		.click();
	await expect(page).toHaveURL(/\/staff\/families\/[0-9a-f-]+$/);
	const manage = `${page.url()}/manage`;
	for (const { code, name } of locales) {
		await chooseLanguage(page, name);
		await page.goto('/staff/team');
		await expect(page.locator('html')).toHaveAttribute('lang', code);
		await audit(page, `/staff/team (${code})`);
		await page.locator('form[action="?/add"] button[type=submit]').click();
		await expect(page.locator('#add-name-error')).toBeVisible();
		await page.locator('main details summary').first().click();
		await audit(page, `/staff/team with errors, a point open for changes (${code})`);
		await page.goto('/staff/outbox');
		await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveCount(2);
		await audit(page, `/staff/outbox, failed and the demo's kept mail (${code})`);
		// A family's contact person and time with the team: ending without a reason, then ended
		// (with its history), then begun again for the next language.
		await page.goto(manage);
		// Adding a colleague with nobody chosen: the involved colleagues with their buttons, and the form's mistake.
		await page.locator('form[action="?/addStaff"] button[type=submit]').click();
		await expect(page.locator('#addStaff-staff-error')).toBeVisible();
		await audit(page, `family manage, adding a colleague with errors (${code})`);
		await page.locator('form[action="?/end"] button[type=submit]').click();
		await expect(page.locator('#end-reason-error')).toBeVisible();
		await audit(page, `family manage with errors (${code})`);
		await page.locator('#end-reason').selectOption('moved');
		await page.locator('form[action="?/end"] button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await audit(page, `family manage, ended, with its history (${code})`);
		await page.locator('form[action="?/reopen"] button[type=submit]').click();
		await expect(page.locator('form[action="?/end"]')).toBeVisible();
	}
	await chooseLanguage(page, 'Dansk');
	await page.context().close();
});

// The team leader's other pages (figures, enrolment, staff, API keys), by a second leader so the
// two sweeps run side by side.
test('the team leader’s figures, enrolment, staff and API pages pass axe in every locale', async ({ browser }) => {
	test.setTimeout(600_000);
	const page = await (await axeContext(browser)).newPage();
	await signIn(page, 'axe-leader-2@e2e.test');
	await page.goto('/staff/team/staff');
	const colleague = (await page.getByRole('heading', { name: testColleague.name }).getByRole('link').getAttribute('href'))!;
	for (const { code, name } of locales) {
		await chooseLanguage(page, name);
		// The team's figures, with a period that cannot be (every figure shows meanwhile).
		await page.goto('/staff/dashboard?from=2026-06&to=2026-01');
		await expect(page.locator('html')).toHaveAttribute('lang', code);
		await expect(page.locator('#period-to-error')).toBeVisible();
		await audit(page, `/staff/dashboard with errors (${code})`);
		// The team's staff and a colleague's profile with a mistake (nothing saved: the next locale sees the same).
		await page.goto('/staff/team/staff');
		await page.locator('form[action="?/add"] button[type=submit]').click();
		await expect(page.locator('#add-name-error')).toBeVisible();
		await audit(page, `/staff/team/staff with errors (${code})`);
		await page.goto(colleague);
		await page.locator('#profile-phone').fill('12');
		await page.locator('form[action="?/save"] button[type=submit]').click();
		await expect(page.locator('#profile-phone-error')).toBeVisible();
		await audit(page, `a colleague's profile with errors (${code})`);
		// Asking for the colleague's sign-in link: the demo colleague has no sign-in, so the answer says so
		// (staff-invite.spec.ts audits a link that is made, and the page it opens).
		await page.goto(colleague);
		await page.locator('form[action="?/link"] button[type=submit]').click();
		await expect(page.locator('form[action="?/link"] [role=alert]')).toBeVisible();
		await audit(page, `a colleague's profile, asked for a sign-in link (${code})`);
		// Enrolling a family, sent empty: every row's fields, the summary, the messages beside them.
		await page.goto('/staff/families/new');
		await page.locator('main form button[type=submit]:not([formaction]):not([aria-hidden])').click();
		await expect(page.locator('#enrol-name-error')).toBeVisible();
		await audit(page, `/staff/families/new with errors (${code})`);
		// The team's API keys: with the form's mistakes, then a new key shown once; the API's reference.
		await page.goto('/staff/team/api');
		await page.locator('form[action="?/create"] button[type=submit]').click();
		await expect(page.locator('#create-name-error')).toBeVisible();
		await audit(page, `/staff/team/api with errors (${code})`);
		await page.locator('#create-name').fill(`Axe ${code}`);
		await page.locator('form[action="?/create"] input[type=checkbox]').first().check();
		await page.locator('form[action="?/create"] button[type=submit]').click();
		await expect(page.locator('#created-token')).toBeVisible();
		await audit(page, `/staff/team/api, a new key shown once, the team's keys (${code})`);
		await page.goto('/api/v1/docs');
		await audit(page, `/api/v1/docs (${code})`);
	}
	await chooseLanguage(page, 'Dansk');
	await page.context().close();
});

// The message pages, two locales per test (a family of its own each): the grandmother gets a
// sign-in once and answers each new conversation, so the parent sees one with news in it. Each
// state is audited with everything it can show (a form with its mistakes, not also without).
const localeGroups = [0, 2, 4, 6].map((i) => locales.slice(i, i + 2));
for (const group of localeGroups) {
	test(`every message page passes axe in ${group.map((l) => l.code).join(', ')}`, async ({ browser, own }) => {
		test.setTimeout(300_000);
		const staff = await (await axeContext(browser)).newPage();
		await signIn(staff, own.staff.email);
		await staff.getByRole('main').getByRole('link', { name: /Prøve/ }).first().click();
		await staff.locator('form[action="?/invite"] button', { hasText: own.grandmother.name }).click();
		const link = (await staff.locator('.slip a').getAttribute('href'))!;
		await staff.context().close();
		const grandmother = await (await axeContext(browser)).newPage();
		await grandmother.goto(link);
		await grandmother.locator('main input[autocomplete=username]').fill(`gerda-${own.k}@e2e.test`);
		await grandmother.locator('main input[type=password]').fill('kaffe og kage hver dag');
		await grandmother.locator('main form button[type=submit]').click();
		await expect(grandmother).toHaveURL(/\/home\?welcome$/);

		const context = await axeContext(browser);
		const page = await context.newPage();
		await signIn(page, own.parent.email);
		for (const { code, name } of group) {
			await chooseLanguage(page, name);
			// None yet (the first time); writing one, with mistakes; the conversation, with a mistake.
			await page.goto('/messages');
			await audit(page, `/messages (${code})`);
			await page.goto('/messages/new');
			await page.locator('main form button[type=submit]').click();
			await expect(page.locator('#subject-error')).toBeVisible();
			await audit(page, `/messages/new with errors (${code})`);
			await page.locator('#subject').fill(`${code}: موضوع · subject · emne`);
			await page.locator('#body').fill(`${code}: رسالة · message · besked https://www.borger.dk`);
			await page.locator('main form button[type=submit]').click();
			await expect(page.getByRole('status')).toBeVisible();
			const conversation = new URL(page.url()).pathname;
			await page.locator('form[action="?/reply"] button[type=submit]').click();
			await expect(page.locator('#body-error')).toBeVisible();
			await audit(page, `conversation with errors (${code})`);
			// The grandmother answers: the parent's list and header say there is news. (Had the
			// parent stayed on the conversation, it would have shown the answer live and read it.)
			await page.goto('/messages');
			await grandmother.goto(conversation);
			await grandmother.locator('#body').fill(`${code}: جواب · answer · svar`);
			await grandmother.locator('form[action="?/reply"] button[type=submit]').click();
			await expect(grandmother.getByRole('status')).toBeVisible();
			await page.reload();
			await expect(page.locator('main .unread')).toHaveCount(1);
			await audit(page, `/messages with news (${code})`);
			await page.goto(conversation);
			await expect(page.locator('main ol > li')).toHaveCount(2);
			await audit(page, `conversation with two writers (${code})`);
		}
		await context.close();
		await grandmother.context().close();
	});
}

// Files on messages, left to right and right to left: a file refused (its error, the names to
// choose again), a conversation of a photo and a PDF without words, the list's "1 photo"
// preview, and the team's side of it with a refused file.
test('message files pass axe in da and ar', async ({ browser, own }) => {
	test.setTimeout(180_000);
	const sharp = (await import('sharp')).default;
	const photo = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#fff' } })
		.jpeg()
		.toBuffer();
	const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
	const text = { name: 'brev.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo') };
	const page = await (await axeContext(browser)).newPage();
	await signIn(page, own.parent.email);
	const staff = await (await axeContext(browser)).newPage();
	await signIn(staff, own.staff.email);
	for (const { code, name } of locales.filter((l) => l.code === 'da' || l.code === 'ar')) {
		await chooseLanguage(page, name);
		await chooseLanguage(staff, name);
		await page.goto('/messages/new');
		await page.locator('#subject').fill(`${code}: صورة · foto`);
		await page.locator('#files').setInputFiles(text);
		await page.locator('main form button[type=submit]').click();
		await expect(page.locator('#files-error')).toBeVisible();
		await audit(page, `/messages/new with a refused file (${code})`);
		await page.locator('#files').setInputFiles([
			{ name: 'رسالة البلدية.jpg', mimeType: 'image/jpeg', buffer: photo },
			{ name: 'skema.pdf', mimeType: 'application/pdf', buffer: pdf }
		]);
		await page.locator('main form button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		const conversation = new URL(page.url()).pathname;
		await expect(page.locator('main ol > li img')).toBeVisible();
		await audit(page, `conversation with a photo and a PDF (${code})`);
		await page.locator('#files').setInputFiles(text);
		await page.locator('form[action="?/reply"] button[type=submit]').click();
		await expect(page.locator('#files-error')).toBeVisible();
		await audit(page, `conversation with a refused file (${code})`);
		await page.goto('/messages');
		await audit(page, `/messages with a message of files (${code})`);
		await staff.goto('/staff/inbox');
		await audit(staff, `/staff/inbox with a message of files (${code})`);
		await staff.locator(`main a[href$="/messages/${conversation.split('/').pop()}"]`).click();
		await expect(staff.locator('main ol > li img')).toBeVisible();
		await staff.locator('#reply-files').setInputFiles(text);
		await staff.locator('form[action="?/reply"] button[type=submit]').click();
		await expect(staff.locator('#reply-files')).toHaveAttribute('aria-invalid', 'true');
		await audit(staff, `staff conversation with files and a refused file (${code})`);
	}
	await page.context().close();
	await staff.context().close();
});

// The demo's conversations as their readers see them (each in the language they saved):
// unread marks, a handover, "seen by", a Danish answer with its Arabic. Reading changes
// nothing here: each reader wrote the last line of what is opened.
test('the demo conversations pass axe', async ({ page }) => {
	test.setTimeout(90_000);
	await signIn(page, 'omar@example.org');
	await page.goto('/messages');
	await expect(page.locator('main .unread')).toHaveCount(1);
	await audit(page, '/messages with news (da, demo)');
	await page.getByRole('link', { name: 'Svømning til Sara' }).click();
	await expect(page.locator('main .handover')).toBeVisible();
	await audit(page, 'a conversation handed over (da, demo)');
	await page.context().clearCookies();
	await signIn(page, 'amina@example.org');
	await page.goto('/messages');
	await page.getByRole('link', { name: 'خطاب من شركة السكن' }).click();
	await expect(page.locator('main .seen')).toBeVisible();
	await audit(page, 'a conversation with who saw it (ar, demo)');
});
// The team's message pages in a test of their own per locale (a family whose messages wait for the team).
for (const { code, name } of locales) {
	test(`every staff message page passes axe in ${code}`, async ({ browser, baseURL }) => {
		test.setTimeout(180_000);
		const m = claimMessageFamily();
		const context = await axeContext(browser);
		await context.addCookies([{ name: 'opgang-lang', value: code, url: baseURL! }]);
		const page = await context.newPage();
		await signIn(page, m.staff.email);
		await chooseLanguage(page, name);
		// The inbox: unread, waiting for how long, a teenager's private conversation; a filter with nothing in it.
		await page.goto('/staff/inbox?filter=waiting');
		await expect(page.locator('main ul.conversations > li')).toHaveCount(2);
		await audit(page, `/staff/inbox waiting (${code})`);
		await page.goto('/staff/inbox?filter=stand_in');
		await audit(page, `/staff/inbox empty (${code})`);
		await page.goto('/staff/inbox');
		const letter = (await page.locator('main ul.conversations > li h2 a').first().getAttribute('href'))!;
		const family = letter.replace(/\/messages\/.*$/, '');
		// The family page with its waiting conversations, and the family's list.
		await page.goto(family);
		await audit(page, `staff family page with messages waiting (${code})`);
		await page.goto(`${family}/messages`);
		await audit(page, `staff family messages (${code})`);
		// Writing to the family: with mistakes, then to the teenager alone.
		await page.goto(`${family}/messages/new`);
		await audit(page, `staff new conversation (${code})`);
		await page.locator('main form button[type=submit]').click();
		await expect(page.getByRole('alert')).toBeVisible();
		await audit(page, `staff new conversation with errors (${code})`);
		await page.locator('main input[name=member]').last().check();
		await page.locator('#new-subject').fill(`${code}: موضوع · subject`);
		await page.locator('#new-body').fill(`${code}: رسالة · message · besked`);
		await page.locator('main form button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await audit(page, `staff conversation, private, just started (${code})`);
		// The parent's letter (in Arabic): a mistake, then a quick reply, a note and a handover.
		await page.goto(letter);
		await page.locator('form[action="?/reply"] button[type=submit]').click();
		await expect(page.locator('#reply-body-error')).toBeVisible();
		await audit(page, `staff conversation with errors (${code})`);
		await page.locator('form[action="?/quick"] input[type=radio]').first().check();
		await page.locator('form[action="?/quick"] button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await page.locator('#note-body').fill(`${code}: ملاحظة · note`);
		await page.locator('form[action="?/note"] button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await page.locator('#handover-staff').selectOption({ index: 1 });
		await page.locator('form[action="?/handover"] button[type=submit]').click();
		await expect(page.getByRole('status')).toBeVisible();
		await audit(page, `staff conversation with a quick reply, a note and a handover (${code})`);
		await page.locator('form[action="?/status"] button').click();
		await expect(page.getByRole('status')).toBeVisible();
		await audit(page, `staff conversation done (${code})`);
		await context.close();
	});
}
