/**
 * Sign-in links as the people they are for meet them (items 3 and 4 of the first-meeting
 * issue): the invitation in the member's own language, the short code typed at /k, the printed
 * letter, a link that a reload cannot replace, signing in with a phone number, the "forgot
 * your password" page and a reset link that signs the other places out.
 */
import { type Browser, type Page } from '@playwright/test';
import ar from '../../messages/ar.json' with { type: 'json' };
import da from '../../messages/da.json' with { type: 'json' };
import tr from '../../messages/tr.json' with { type: 'json' };
import { test, expect, password, signIn, signInButton, fill } from './helpers';
import type { OwnFamily } from './own';

interface Made {
	link: string;
	code: string;
}

/** The staff member makes a link (invitation or new password) for a member and reads it off the page. */
async function makeLink(page: Page, own: OwnFamily, button: string): Promise<Made> {
	await signIn(page, own.staff.email);
	await page.getByRole('link', { name: own.familyName }).click();
	await page.getByRole('button', { name: button }).click();
	const slip = page.locator('.slip');
	await expect(slip).toBeVisible();
	const link = (await slip.getByRole('link').getAttribute('href'))!;
	const code = (await slip.locator('.code strong').textContent())!;
	expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
	return { link, code };
}

async function newPage(browser: Browser, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled });
	return context.newPage();
}

test("the invitation opens in the grandmother's Arabic, not the phone's Danish, until she picks a language", async ({ browser, own }) => {
	const staff = await newPage(browser);
	const { link } = await makeLink(staff, own, `Lav login-link til ${own.grandmother.name}`);

	const gerda = await newPage(browser);
	await gerda.goto(link);
	await expect(gerda.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(gerda.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(gerda.getByRole('heading', { level: 1 })).toHaveText(ar.invitation.title);
	await expect(gerda.getByRole('main')).toContainText(own.grandmother.name);
	await expect(gerda.getByRole('radio', { name: 'العربية' })).toBeChecked();

	// The switcher is still there, and the visitor's choice wins from then on.
	await gerda.locator('header summary').click();
	await gerda.locator('header').getByRole('button', { name: 'Dansk', exact: true }).click();
	await expect(gerda.locator('html')).toHaveAttribute('lang', 'da');
	await expect(gerda.getByRole('heading', { level: 1 })).toHaveText(da.invitation.title);
	await gerda.reload();
	await expect(gerda.locator('html')).toHaveAttribute('lang', 'da');
});

test('the short code typed at /k leads to the same invitation; she chooses her phone number, and signs in with it', async ({
	browser,
	own
}) => {
	const staff = await newPage(browser);
	const { link, code } = await makeLink(staff, own, `Lav login-link til ${own.grandmother.name}`);

	const gerda = await newPage(browser);
	await gerda.goto('/login');
	await gerda.getByRole('link', { name: da.login.haveCode }).click();
	await expect(gerda).toHaveURL(/\/k$/);
	// A mistyped code: said plainly, nothing revealed.
	await gerda.getByLabel(da.code.label).fill('2222 2222');
	await gerda.getByRole('button', { name: da.code.submit }).click();
	await expect(gerda.getByRole('alert')).toContainText(da.validation.codeUnknown);
	// Lower case, a space instead of the dash: still her code.
	await gerda.getByLabel(da.code.label).fill(code.toLowerCase().replace('-', ' '));
	await gerda.getByRole('button', { name: da.code.submit }).click();
	await expect(gerda).toHaveURL(new RegExp(`/k/${code.replace('-', '')}$`));
	await expect(gerda.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(gerda.getByRole('main')).toContainText(own.grandmother.name);

	// No e-mail: a phone number, written the way she says it.
	const digits = `6${String(own.k).padStart(3, '0')}`;
	await gerda.locator('main input[autocomplete=username]').fill(`61 00 ${digits.slice(0, 2)} ${digits.slice(2)}`);
	await gerda.locator('main input[type=password]').fill('zaatar og oliven');
	await gerda.locator('main form button[type=submit]').click();
	await expect(gerda).toHaveURL(/\/home\?welcome$/);
	await expect(gerda.getByRole('status')).toHaveText(ar.home.welcome);

	// Used: the long link no longer works, nor the code.
	const later = await newPage(browser);
	await later.goto(link);
	await expect(later.getByRole('heading', { level: 1 })).toHaveText(da.invitation.invalidTitle);
	await later.goto(`/k/${code}`);
	await expect(later.getByRole('heading', { level: 1 })).toHaveText(da.code.invalidTitle);

	// She signs in with the number, written another way.
	await later.goto('/login');
	await later.getByLabel(da.login.login).fill(`+45 6100${digits}`);
	await later.getByLabel(da.login.password).fill('zaatar og oliven');
	await later.getByRole('button', { name: da.login.submit }).click();
	await expect(later).toHaveURL(/\/home$/);
	await later.goto('/account');
	await expect(later.getByRole('main')).toContainText(`+45 61 00 ${digits.slice(0, 2)} ${digits.slice(2)}`);
});

test("the printed letter is only the letter: to her by name, in Arabic and Danish, without the staff's instructions", async ({
	browser,
	own
}) => {
	const staff = await newPage(browser);
	const { code } = await makeLink(staff, own, `Lav login-link til ${own.grandmother.name}`);
	// On screen: the staff member's instructions, a print button, the page around it.
	const instructions = staff.getByText(da.staffFamily.shownOnce);
	const around = [
		instructions,
		staff.locator('button', { hasText: da.staffFamily.print }),
		staff.locator('button', { hasText: `Lav login-link til ${own.teen.name}` }),
		staff.locator('.site-header'),
		staff.locator('footer'),
		staff.getByRole('heading', { level: 1 }),
		staff.getByRole('heading', { name: 'Familiens medlemmer' })
	];
	for (const thing of around) await expect(thing).toBeVisible();

	await staff.emulateMedia({ media: 'print' });
	const letter = staff.locator('.sheet');
	await expect(letter).toBeVisible();
	for (const thing of around) await expect(thing).toBeHidden();

	const arabic = letter.locator('section[lang=ar]');
	const danish = letter.locator('section[lang=da]');
	await expect(arabic).toHaveAttribute('dir', 'rtl');
	await expect(arabic.getByRole('heading')).toHaveText(ar.slip.inviteTitle);
	await expect(danish.getByRole('heading')).toHaveText(da.slip.inviteTitle);
	await expect(danish).toContainText(fill(da.slip.inviteIntro, { name: own.grandmother.name }));
	await expect(arabic).toContainText(own.grandmother.name);
	await expect(danish).toContainText(
		fill(da.slip.questions, {
			contact: own.staff.name,
			phone: `+45 40 40 ${String(own.k)
				.padStart(4, '0')
				.replace(/(..)(..)/, '$1 $2')}`
		})
	);
	await expect(letter).toContainText('Lyngbæk Kommune');
	await expect(letter).toContainText(code);
	await expect(letter).toContainText(/localhost:\d+\/k/);
	await expect(letter.getByRole('img', { name: `QR-kode med login-linket til ${own.grandmother.name}` })).toBeVisible();
	await expect(letter.getByRole('link')).toHaveAttribute('href', /\/invitation\//);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('reloading after making a link shows that it is open, and does not replace it', async ({ page, own }) => {
		const { link } = await makeLink(page, own, `Lav login-link til ${own.teen.name}`);
		// The POST was answered with a redirect: the address is the family page's own.
		expect(page.url()).not.toContain('?/');
		await page.reload();
		await expect(page.locator('.slip')).toHaveCount(0);
		const theo = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: own.teen.name }) });
		await expect(theo).toContainText('Der er et login-link, lavet');
		await page.goBack();
		await expect(page.locator('.slip')).toHaveCount(0);

		// The link handed out still works.
		const visitor = await page.context().browser()!.newPage({ javaScriptEnabled: false });
		await visitor.goto(link);
		await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(da.invitation.title);
	});
});

test('a parent without e-mail signs in with his phone number; a wrong password and an unknown number get the same answer', async ({
	page
}) => {
	await page.goto('/login');
	const login = page.locator('main input[autocomplete=username]');
	for (const [phone, pass] of [
		['52 60 14 93', 'ikke koden'],
		['52 60 14 94', 'ikke koden']
	]) {
		await login.fill(phone);
		await page.locator('main input[type=password]').fill(pass);
		await signInButton(page).click();
		await expect(page.getByRole('alert')).toHaveText(da.login.wrong);
	}
	await login.fill('0045 52-60-14-93');
	await page.locator('main input[type=password]').fill(password);
	await signInButton(page).click();
	await expect(page).toHaveURL(/\/home$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
	await expect(page.getByRole('heading', { name: tr.contact.title })).toBeVisible();
});

test('"Forgot your password?" says the contact person can help, with the municipality\'s phone', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('link', { name: da.login.forgot }).click();
	await expect(page).toHaveURL(/\/forgot$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(da.forgot.title);
	await expect(page.getByRole('main')).toContainText(da.forgot.contact);
	const call = page.getByRole('link', { name: /Ring til Lyngbæk Kommune/ });
	await expect(call).toHaveAttribute('href', 'tel:+4587102030');
	await expect(call).toContainText('+45 87 10 20 30');
});

test('a reset link sets a new password, signs in here and ends the session on the other phone', async ({ browser, own }) => {
	const oldPhone = await newPage(browser);
	await signIn(oldPhone, own.parent.email);

	const staff = await newPage(browser);
	const { code } = await makeLink(staff, own, `Ny adgangskode til ${own.parent.name}`);
	await expect(staff.locator('.slip')).toContainText(fill(da.staffFamily.resetTitle, { name: own.parent.name }));

	// By the code, on a borrowed phone.
	const pia = await newPage(browser);
	await pia.goto(`/k/${code.toLowerCase()}`);
	await expect(pia.getByRole('heading', { level: 1 })).toHaveText(da.reset.title);
	await pia.getByLabel(da.reset.password).fill('password123');
	await pia.getByRole('button', { name: da.reset.submit }).click();
	await expect(pia.getByRole('alert')).toContainText(da.validation.password.tooCommon);
	await pia.getByLabel(da.reset.password).fill('hyldeblomst i juni');
	await pia.getByRole('button', { name: da.reset.submit }).click();
	await expect(pia).toHaveURL(/\/account\?new-password$/);
	await expect(pia.getByRole('status')).toHaveText(da.account.newPassword);
	await expect(pia.getByRole('main').getByRole('listitem')).toHaveCount(1);

	// The other phone is signed out; the old password no longer works, the new one does.
	await oldPhone.goto('/home');
	await expect(oldPhone).toHaveURL(/\/login/);
	await oldPhone.locator('main input[autocomplete=username]').fill(own.parent.email);
	await oldPhone.locator('main input[type=password]').fill(password);
	await signInButton(oldPhone).click();
	await expect(oldPhone.getByRole('alert')).toHaveText(da.login.wrong);
	await signIn(oldPhone, own.parent.email, 'hyldeblomst i juni');

	// Used once.
	await pia.goto(`/k/${code}`);
	await expect(pia.getByRole('heading', { level: 1 })).toHaveText(da.code.invalidTitle);
});

test('pages that carry a link or a code are never stored, and say nothing about a code that does not work', async ({ request }) => {
	for (const path of ['/k', '/k/2222-2222', '/reset/aaaa.bbbb', '/invitation/aaaa.bbbb']) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['cache-control'], path).toBe('private, no-store');
		expect(response.headers()['referrer-policy'], path).toBe('same-origin');
	}
	// A malformed code, an unknown one and one in the right shape all get the same page.
	const bodies = await Promise.all(['/k/0OIL-0OIL', '/k/2222-2223'].map(async (p) => (await request.get(p)).text()));
	for (const body of bodies) expect(body).toContain(da.code.invalidTitle);
});
