/**
 * The team keeps the directory (issue 14) at 360 px, with and without JavaScript: a caseworker
 * adds a partner and the person to call there, then an opportunity (mistakes answered in
 * words, nothing typed lost), writes it in Somali, and a 15-year-old finds it in Somali at once;
 * when it ends, it is gone for him and kept for the team.
 */
import { test, expect, chooseLanguage, signIn } from './helpers';
import { claimMessageFamily } from './own';
import da from '../../messages/da.json' with { type: 'json' };
import so from '../../messages/so.json' with { type: 'json' };

const t = da.staffOpportunities;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('a caseworker adds a partner, a person to call and an opportunity; a teenager finds it in Somali; ended, it is gone', async ({
			page,
			browser
		}) => {
			const family = claimMessageFamily();
			const name = `Skakforeningen Prøve ${family.k}${javaScriptEnabled ? '' : ' uden JS'}`;
			const title = `Skak for unge ${family.k}${javaScriptEnabled ? '' : ' u'}`;
			await signIn(page, family.staff.email);
			await page.goto('/staff/opportunities');
			await page.getByRole('link', { name: t.addPartner }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.addPartner);

			// A partner: its name forgotten first.
			await page.getByLabel(t.form.area).fill('Gellerup');
			await page.getByRole('button', { name: t.createPartner }).click();
			await expect(page.getByRole('alert')).toContainText(da.validation.nameRequired);
			await expect(page.getByLabel(t.form.area)).toHaveValue('Gellerup');
			await page.getByLabel(t.form.partnerName).fill(name);
			await page.getByLabel(t.form.partnerKind).selectOption({ label: da.partnerKind.club });
			await page.getByRole('button', { name: t.createPartner }).click();
			await expect(page.getByRole('status')).toHaveText(t.done.partnerCreated);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

			// The person to call: a phone number too short, then right.
			const contacts = page.getByRole('region', { name: t.contacts });
			await contacts.getByLabel(t.form.contactName).fill('Jamal Haddad');
			await contacts.getByLabel(t.form.phone).fill('1234');
			await contacts.getByRole('button', { name: t.addContact }).click();
			await expect(page.getByRole('alert')).toContainText(da.validation.phoneInvalid);
			await expect(contacts.getByLabel(t.form.contactName)).toHaveValue('Jamal Haddad');
			await contacts.getByLabel(t.form.phone).fill('12 34 56 78');
			await contacts.getByRole('button', { name: t.addContact }).click();
			await expect(page.getByRole('status')).toHaveText(t.done.contactAdded);
			await expect(page.getByRole('link', { name: '12 34 56 78' })).toHaveAttribute('href', 'tel:12345678');

			// An opportunity of this partner (chosen for it): a price without how often, and no description.
			await page.getByRole('link', { name: t.addOpportunity }).click();
			await expect(page.getByLabel(t.form.partner)).toHaveValue(/[0-9a-f-]{36}/);
			await expect(page.getByLabel(t.form.partner).locator('option:checked')).toHaveText(name);
			await page.getByLabel(t.form.kind).selectOption({ label: da.opportunityKind.club });
			await page.getByLabel(t.form.title).fill(title);
			await page.getByLabel(t.form.firstStep).fill('Kom onsdag kl. 16, og spørg efter Jamal.');
			await page.getByLabel(t.form.area).fill('Gellerup');
			await page.getByLabel(t.form.costDkk).fill('100');
			await page.getByRole('checkbox', { name: /onsdag/i }).check();
			await page.getByLabel(t.form.startsAt).fill('16:00');
			await page.getByLabel(t.form.endsAt).fill('18:00');
			await page.getByRole('checkbox', { name: 'Soomaali' }).check();
			await page.getByRole('button', { name: t.create }).click();
			const alert = page.getByRole('alert');
			await expect(alert).toContainText(da.validation.descriptionRequired);
			await expect(alert).toContainText(da.validation.costPeriodChoose);
			// Nothing typed is lost.
			await expect(page.getByLabel(t.form.title)).toHaveValue(title);
			await expect(page.getByRole('checkbox', { name: /onsdag/i })).toBeChecked();
			await expect(page.getByLabel(t.form.endsAt)).toHaveValue('18:00');
			await page.getByLabel(t.form.description).fill('Vi spiller skak og drikker te. Alle kan lære det.');
			await page.getByLabel(t.form.costPeriod).selectOption({ label: t.form.period_season });
			await page.getByLabel(t.form.supportCovers).check();
			await page.getByRole('button', { name: t.create }).click();
			await expect(page.getByRole('status')).toHaveText(t.done.created);
			const editUrl = page.url().replace(/\?.*$/, '');

			// Its words in Somali.
			await page.locator('#text-so summary').click();
			await page.locator('#text-so-title').fill(`Jaanis dhallinyarada ${family.k}`);
			await page.locator('#text-so-description').fill('Waxaan ciyaarnaa jaanis oo cabnaa shaah.');
			await page.locator('#text-so-firstStep').fill('Kaalay Arbacada 16:00.');
			await page.getByRole('button', { name: new RegExp(`^${t.saveText}\\W+Soomaali$`) }).click();
			await expect(page.getByRole('status')).toHaveText(t.done.text);

			// The 15-year-old finds it in Somali, free for him (Fritidspas pays), with its first step.
			const teen = await (await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } })).newPage();
			await signIn(teen, family.teen.email);
			await chooseLanguage(teen, 'Soomaali');
			await teen.goto('/activities?q=skak');
			await teen.getByRole('link', { name: `Jaanis dhallinyarada ${family.k}` }).click();
			await expect(teen.getByText('Kaalay Arbacada 16:00.')).toBeVisible();
			await expect(teen.getByText(so.activities.supportCovers)).toBeVisible();
			const teenUrl = teen.url();

			// It ended yesterday: gone for him, kept (and marked) for the team.
			await page.goto(editUrl);
			await page.getByLabel(t.form.activeFrom).fill(day(-2));
			await page.getByLabel(t.form.activeUntil).fill(day(-1));
			await page.getByRole('button', { name: t.save }).click();
			await expect(page.getByRole('status')).toHaveText(t.done.saved);
			expect((await teen.goto(teenUrl))?.status()).toBe(404);
			await page.goto('/staff/opportunities');
			await expect(page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })).toContainText(t.ended);
			await teen.context().close();
		});
	});
}
