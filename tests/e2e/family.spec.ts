import ar from '../../messages/ar.json' with { type: 'json' };
import uk from '../../messages/uk.json' with { type: 'json' };
import { test, expect, signIn, olenasLastDay } from './helpers';

test('a parent sees their contact person, team and family, in Arabic right to left', async ({ page }) => {
	await signIn(page, 'amina@example.org');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

	const contact = page.getByRole('region', { name: ar.contact.title });
	await expect(contact.getByRole('heading', { name: 'Mette Kjær' })).toBeVisible();
	await expect(contact.getByRole('link', { name: /\+45/ })).toHaveAttribute('href', /^tel:\+45\d{8}$/);

	const team = page.getByRole('region', { name: ar.team.title });
	await expect(team.getByRole('heading', { name: 'Ali Demir' })).toBeVisible();
	await expect(team.getByText('Yusufs fritidsjob og skolen')).toBeVisible();
	// The contact person is not listed twice.
	await expect(team.getByRole('heading', { name: 'Mette Kjær' })).toHaveCount(0);

	const family = page.getByRole('region', { name: ar.members.title });
	for (const name of ['Amina Hassan', 'Omar Hassan', 'Yusuf Hassan', 'Sara Hassan', 'Halima Hassan']) {
		await expect(family.getByRole('heading', { name })).toBeVisible();
	}
	// The layout mirrors: the avatar sits on the right of the name in Arabic.
	const card = contact.locator('.person').first();
	const avatar = await card.locator('.avatar').boundingBox();
	const name = await card.getByRole('heading', { name: 'Mette Kjær' }).boundingBox();
	expect(avatar!.x).toBeGreaterThan(name!.x);
});

test('when the contact person is away, the family is told who to turn to instead', async ({ page }) => {
	await signIn(page, 'iryna@example.org');
	const contact = page.getByRole('region', { name: uk.contact.title });
	await expect(contact.getByRole('heading', { name: 'Olena Kovalenko' })).toBeVisible();
	const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k]);
	await expect(contact.getByRole('note')).toContainText(fill(uk.contact.awayUntil, { name: 'Olena Kovalenko', date: olenasLastDay('uk') }));
	await expect(contact.getByRole('note')).toContainText(fill(uk.contact.standIn, { name: 'Sahra Abdi' }));
	await expect(contact.getByRole('link', { name: fill(uk.contact.call, { name: 'Sahra' }) })).toBeVisible();
});

test('a family member cannot open the staff area', async ({ page }) => {
	await signIn(page, 'hodan@example.org');
	const response = await page.goto('/staff');
	expect(response!.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/./);
	await expect(page.getByText('Warsame')).toHaveCount(0);
});
