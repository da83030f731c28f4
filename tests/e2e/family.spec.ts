import ar from '../../messages/ar.json' with { type: 'json' };
import da from '../../messages/da.json' with { type: 'json' };
import uk from '../../messages/uk.json' with { type: 'json' };
import { test, expect, signIn, olenasReturn } from './helpers';

test('a parent sees their contact person, team and family, in Arabic right to left', async ({ page }) => {
	await signIn(page, 'amina@example.org');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

	const contact = page.getByRole('region', { name: ar.contact.title });
	await expect(contact.getByRole('heading', { name: 'Mette Kjær' })).toBeVisible();
	await expect(contact.getByRole('link', { name: /\+45/ })).toHaveAttribute('href', /^tel:\+45\d{8}$/);

	const team = page.getByRole('region', { name: ar.team.title });
	const ali = team.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Ali Demir' }) });
	// What Ali helps the family with, as topics in Arabic; what he does for Yusuf (15) is Yusuf's.
	await expect(ali.getByText(ar.lifeArea.school, { exact: true })).toBeVisible();
	await expect(ali.getByText(ar.lifeArea.leisure, { exact: true })).toBeVisible();
	// Sara is 9: her parents read what Jonas does for her, in the words he wrote (Danish, marked so).
	await expect(team.getByText('Saras svømmehold og fritidsklubben.')).toHaveAttribute('lang', 'da');
	// Nothing about Yusuf's or Halima's own help, anywhere on the page.
	for (const text of ['fritidsjob', 'hjemmehjælp', 'المساعدة المنزلية', 'lægen'])
		await expect(page.getByRole('main').getByText(text)).toHaveCount(0);
	// The contact person is not listed twice.
	await expect(team.getByRole('heading', { name: 'Mette Kjær' })).toHaveCount(0);
	// Fatima speaks Arabic: said near the top, linking to her card.
	await expect(page.getByRole('main').getByRole('link', { name: 'Fatima Ahmadi' })).toHaveAttribute('href', /^#person-/);

	// The family folds into one line of first names; opened, everyone is there.
	const family = page.getByRole('region', { name: ar.members.title });
	await expect(family).toContainText('Omar، Amina، Halima، Yusuf، Sara');
	await family.getByText(ar.members.title).click();
	for (const name of ['Amina Hassan', 'Omar Hassan', 'Yusuf Hassan', 'Sara Hassan', 'Halima Hassan']) {
		await expect(family.getByRole('heading', { name })).toBeVisible();
	}
	// The layout mirrors: the avatar sits on the right of the name in Arabic.
	const card = contact.locator('.person').first();
	const avatar = await card.locator('.avatar').boundingBox();
	const name = await card.getByRole('heading', { name: 'Mette Kjær' }).boundingBox();
	expect(avatar!.x).toBeGreaterThan(name!.x);
});

test('when the contact person is away, the family first sees who to turn to now, and when the contact person is back', async ({ page }) => {
	await signIn(page, 'iryna@example.org');
	const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k]);
	// First thing after the greeting: the stand-in, with the call button as the main action.
	const now = page.getByRole('region', { name: fill(uk.contact.nowTitle, { name: 'Sahra' }) });
	await expect(now.getByRole('heading', { name: 'Sahra Abdi' })).toBeVisible();
	const call = now.getByRole('link', { name: fill(uk.contact.call, { name: 'Sahra' }) });
	await expect(call).toHaveAttribute('href', 'tel:+4541235208');
	await expect(call).toBeInViewport();
	expect(await call.evaluate((a) => a.classList.contains('secondary'))).toBe(false);
	// Then the contact person, smaller, saying when she is back, with no button to call her now.
	const contact = page.getByRole('region', { name: uk.contact.title });
	await expect(contact.getByRole('heading', { name: 'Olena Kovalenko' })).toBeVisible();
	await expect(contact.getByRole('note')).toContainText(fill(uk.contact.backOn, { name: 'Olena Kovalenko', date: olenasReturn('uk') }));
	await expect(contact.getByRole('link')).toHaveCount(0);
	const [nowBox, contactBox] = [await now.boundingBox(), await contact.boundingBox()];
	expect(nowBox!.y).toBeLessThan(contactBox!.y);
});

test('a teenager’s home speaks to him: his own person on the team, and what his parents can and cannot see', async ({ page }) => {
	await signIn(page, 'yusuf@example.org');
	await expect(page.getByRole('main').getByText(da.home.introTeen)).toBeVisible();
	const mine = page.getByRole('region', { name: da.team.yourPerson });
	await expect(mine.getByRole('heading', { name: 'Ali Demir' })).toBeVisible();
	await expect(mine.getByText(da.team.helpsYou)).toBeVisible();
	await expect(mine.getByText('Vi finder et fritidsjob til dig')).toBeVisible();
	// His sister's and grandmother's own help is not his to read.
	await expect(page.getByRole('main').getByText('Saras svømmehold')).toHaveCount(0);
	await expect(page.getByRole('main').getByText('Hjemmehjælp')).toHaveCount(0);
	const parents = page.getByRole('region', { name: da.home.teenPrivacyTitle });
	await expect(parents).toContainText(da.home.teenPrivacyCannot);
});

test('a family member cannot open the staff area', async ({ page }) => {
	await signIn(page, 'hodan@example.org');
	const response = await page.goto('/staff');
	expect(response!.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/./);
	await expect(page.getByText('Warsame')).toHaveCount(0);
});
