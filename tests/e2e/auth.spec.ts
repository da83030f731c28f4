import { test, expect, password, signIn } from './helpers';

test.describe('with JavaScript off', () => {
	test.use({ javaScriptEnabled: false });

	test('a parent signs in and sees their contact person', async ({ page }) => {
		await signIn(page, 'omar@example.org');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hej Omar');
		await expect(page.getByRole('heading', { name: 'Din kontaktperson' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Mette Kjær' })).toBeVisible();
	});

	test('a wrong password is refused, in Danish, keeping the email', async ({ page }) => {
		await page.goto('/login');
		await page.getByLabel('E-mail eller telefonnummer').fill('omar@example.org');
		await page.getByLabel('Adgangskode').fill('not the password');
		await page.getByRole('button', { name: 'Log ind' }).click();
		await expect(page.getByRole('alert')).toHaveText('E-mail, telefonnummer eller adgangskode passer ikke. Prøv igen.');
		await expect(page.getByLabel('E-mail eller telefonnummer')).toHaveValue('omar@example.org');
		await expect(page.getByLabel('Adgangskode')).toHaveValue('');
	});

	test('an empty form gets an error summary that points at each field', async ({ page }) => {
		await page.goto('/login');
		await page.getByRole('button', { name: 'Log ind' }).click();
		const summary = page.getByRole('alert');
		await expect(summary.getByRole('link', { name: 'Skriv din e-mail eller dit telefonnummer.' })).toHaveAttribute('href', '#email');
		await expect(page.getByLabel('E-mail eller telefonnummer')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('E-mail eller telefonnummer')).toHaveAccessibleDescription(
			'Fx navn@eksempel.dk eller 12 34 56 78. Skriv din e-mail eller dit telefonnummer.'
		);
	});
});

test.describe('with JavaScript on', () => {
	test('an unknown email gets the same answer as a wrong password, then sign-in works', async ({ page }) => {
		await page.goto('/login');
		await page.getByLabel('E-mail eller telefonnummer').fill('nobody@example.org');
		await page.getByLabel('Adgangskode').fill('whatever-it-is');
		await page.getByRole('button', { name: 'Log ind' }).click();
		await expect(page.getByRole('alert')).toHaveText('E-mail, telefonnummer eller adgangskode passer ikke. Prøv igen.');

		await page.getByLabel('E-mail eller telefonnummer').fill('omar@example.org');
		await page.getByLabel('Adgangskode').fill(password);
		await page.getByRole('button', { name: 'Log ind' }).click();
		await expect(page).toHaveURL(/\/home$/);
		await expect(page.getByRole('heading', { name: 'Mette Kjær' })).toBeVisible();
	});

	test('the session cookie is HttpOnly and SameSite=Lax, and signing out ends it', async ({ page, context }) => {
		await signIn(page, 'omar@example.org');
		const cookie = (await context.cookies()).find((c) => c.name === 'opgang-session');
		expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
		expect(cookie!.value).toMatch(/^[a-z2-7]{26,}\.[a-z2-7]{26,}$/);

		await page.getByRole('button', { name: 'Log ud' }).click();
		await expect(page.getByRole('status')).toHaveText('Du er logget ud.');
		// The old token no longer opens anything.
		await context.addCookies([{ ...cookie!, expires: -1 }]);
		await page.goto('/home');
		await expect(page).toHaveURL(/\/login\?next=%2Fhome$/);
	});

	test('a person sees where they are signed in and signs out the other place', async ({ browser, own }) => {
		const phone = await browser.newContext();
		const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });
		const a = await phone.newPage();
		const b = await laptop.newPage();
		await signIn(a, own.staff.email);
		await signIn(b, own.staff.email);

		await a.getByRole('link', { name: 'Min konto' }).click();
		const places = a.getByRole('main').getByRole('listitem');
		await expect(places).toHaveCount(2);
		await expect(places.filter({ hasText: 'Den du bruger nu' })).toHaveCount(1);
		await a.getByRole('button', { name: 'Log ud alle andre steder' }).click();
		await expect(a.getByRole('status')).toHaveText('Logget ud 1 sted.');
		await expect(places).toHaveCount(1);

		await b.reload();
		await expect(b).toHaveURL(/\/login/);
		await phone.close();
		await laptop.close();
	});
});

test('state-changing requests from another origin, or with none, are refused', async ({ request, baseURL }) => {
	const form = { email: 'omar@example.org', password };
	expect((await request.post('/login', { form, headers: { origin: 'https://evil.example' } })).status()).toBe(403);
	expect((await request.post('/login', { data: form, headers: { origin: 'https://evil.example' } })).status()).toBe(403);
	expect((await request.post('/language', { data: { locale: 'ar' }, headers: { 'content-type': 'application/json' } })).status()).toBe(403);
	const same = await request.post('/login', { form, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
	expect(same.status()).toBe(303);
});

test('pages carry the security headers', async ({ request }) => {
	const response = await request.get('/login');
	const h = response.headers();
	expect(h['content-security-policy']).toContain("object-src 'none'");
	expect(h['content-security-policy']).toContain("base-uri 'none'");
	expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['referrer-policy']).toBe('same-origin');
});
