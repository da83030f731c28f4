import { type Browser, type Page } from '@playwright/test';
import ar from '../../messages/ar.json' with { type: 'json' };
import { test, expect, familyHref, signIn } from './helpers';
import type { OwnFamily } from './own';

test('staff see the families they work with, and "not found" for any other', async ({ browser }) => {
	const leader = await browser.newPage();
	await signIn(leader, 'lone@example.org');
	const warsame = await familyHref(leader, /Warsame/);
	const hassan = await familyHref(leader, /Hassan/);

	const ali = await browser.newPage();
	await signIn(ali, 'ali@example.org');
	const list = ali
		.getByRole('main')
		.getByRole('row')
		.filter({ has: ali.getByRole('link') });
	await expect(list).toHaveCount(2);
	await expect(list.filter({ hasText: 'Familien Yılmaz' })).toContainText('Du er kontaktperson');
	await expect(list.filter({ hasText: 'Familien Hassan' })).toContainText('Du er med i teamet');

	const open = await ali.goto(hassan);
	expect(open!.status()).toBe(200);
	await expect(ali.getByRole('heading', { level: 1 })).toHaveText('Familien Hassan');

	const refused = await ali.goto(warsame);
	expect(refused!.status()).toBe(404);
	await expect(ali.getByRole('heading', { level: 1 })).toHaveText('Siden findes ikke');
	await expect(ali.getByText('Hodan')).toHaveCount(0);

	// A family member gets the same answer for a family page, even their own.
	const parent = await browser.newPage();
	await signIn(parent, 'omar@example.org');
	expect((await parent.goto(hassan))!.status()).toBe(404);
});

async function createInvitation(browser: Browser, own: OwnFamily, memberName: string): Promise<string> {
	const page = await browser.newPage();
	await signIn(page, own.staff.email);
	await page.getByRole('link', { name: own.familyName }).click();
	await page.getByRole('button', { name: `Lav login-link til ${memberName}` }).click();
	const slip = page.getByRole('region', { name: `Login-link til ${memberName}` });
	await expect(slip.getByRole('img', { name: `QR-kode med login-linket til ${memberName}` })).toBeVisible();
	const link = await slip.getByRole('link').getAttribute('href');
	expect(link).toMatch(/\/invitation\/[a-z2-7]+\.[a-z2-7]+$/);
	await page.close();
	return link!;
}

async function acceptAs(page: Page, link: string, email: string): Promise<void> {
	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const login = page.locator('main input[autocomplete=username]');
	await login.fill(email);
	// A common password is refused, in the chosen page language, keeping the email.
	await page.locator('input[type=password]').fill('password123');
	await page.getByRole('radio', { name: 'العربية' }).check();
	await page.locator('main form button[type=submit]').click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expect(login).toHaveValue(email);
	await expect(page.getByRole('radio', { name: 'العربية' })).toBeChecked();

	await page.locator('input[type=password]').fill('granatæble i gården');
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/home\?welcome$/);
}

test('invitation: a staff member makes a link, the person chooses a password and language and is signed in', async ({ browser, own }) => {
	const link = await createInvitation(browser, own, own.grandmother.name);

	const grandmother = await browser.newPage();
	const email = `gerda-${own.k}@e2e.test`;
	await acceptAs(grandmother, link, email);
	await expect(grandmother.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(grandmother.getByRole('heading', { name: ar.contact.title })).toBeVisible();
	await expect(grandmother.getByRole('status')).toHaveText(ar.home.welcome);

	// The link works once.
	const again = await browser.newPage();
	await again.goto(link);
	await expect(again.getByRole('heading', { level: 1 })).toHaveText('Linket virker ikke længere');

	// The new sign-in works with the chosen password.
	const later = await browser.newContext();
	const page = await later.newPage();
	await signIn(page, email, 'granatæble i gården');
	await later.close();
});

test.describe('invitation without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('works end to end, and a newer link replaces an older one', async ({ browser, own }) => {
		const first = await createInvitation(browser, own, own.teen.name);
		const link = await createInvitation(browser, own, own.teen.name);
		const page = await browser.newPage({ javaScriptEnabled: false });
		await page.goto(first);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Linket virker ikke længere');
		await acceptAs(page, link, `theo-${own.k}@e2e.test`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	});
});

test('a link is offered to a teenager or adult without a sign-in, a new password to someone who has one, nothing to a child', async ({
	page,
	own
}) => {
	await signIn(page, own.staff.email);
	await page.getByRole('link', { name: own.familyName }).click();
	const member = (name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
	await expect(member(own.parent.name).getByText('Har login')).toBeVisible();
	// Someone with a sign-in is offered a new password instead (signIn.reset), never a second sign-in.
	await expect(member(own.parent.name).getByRole('button')).toHaveText(`Ny adgangskode til ${own.parent.name}`);
	await expect(member(own.child.name).getByRole('button')).toHaveCount(0);
	await expect(member(own.teen.name).getByRole('button', { name: `Lav login-link til ${own.teen.name}` })).toBeVisible();
	await expect(member(own.grandmother.name).getByRole('button', { name: `Lav login-link til ${own.grandmother.name}` })).toBeVisible();
});
