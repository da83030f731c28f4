/**
 * The team keeps the directory (issue 14): partners, people to call, opportunities and their
 * words in other languages — within its own municipality only, never overwriting a colleague's
 * change unseen, and every change reaching what families find.
 */
import { expect, it } from 'vitest';
import { describeEachBackend } from './harness';
import { familyActor, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import {
	addContact,
	createOpportunity,
	createPartner,
	getOpportunityForEdit,
	getPartner,
	partnerChoices,
	removeContact,
	saveOpportunityText,
	updateOpportunity,
	updatePartner
} from '../../src/lib/server/activities/manage';
import { findOpportunities, getOpportunity, staffDirectory } from '../../src/lib/server/activities/directory';
import { opportunityForm, type OpportunityInput } from '../../src/lib/schemas/opportunities';
import { copenhagenDate } from '../../src/lib/i18n/format';

describeEachBackend('keeping the directory', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id);
		const colleague = await makeStaff(db, team.id);
		const staff = staffActor(contact, (await makeUser(db, { staffId: contact.id })).id);
		const other = staffActor(colleague, (await makeUser(db, { staffId: colleague.id })).id);
		const year = new Date().getFullYear();
		const { members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'parent', name: 'Leyla Demir', preferredLanguage: 'tr' },
			{ role: 'child', name: 'Emre Demir', birthYear: year - 14 }
		]);
		const teen = familyActor(members[1], (await makeUser(db, { familyMemberId: members[1].id })).id);
		const elsewhere = await makeTeam(db);
		const stranger = await makeStaff(db, elsewhere.id);
		const outsider = staffActor(stranger, (await makeUser(db, { staffId: stranger.id })).id);
		return { db, staff, other, teen, outsider };
	}

	function input(partnerId: string, over: Partial<OpportunityInput> = {}): OpportunityInput {
		return {
			partnerId,
			kind: 'club',
			title: 'Skakklub for unge',
			description: 'Vi spiller skak og drikker te.',
			area: 'Gellerup',
			address: 'Bygaden 4',
			minAge: 12,
			maxAge: 18,
			costDkk: 0,
			costPeriod: null,
			supportCovers: false,
			weekdays: [3],
			startsAt: '16:00',
			endsAt: '18:00',
			languages: ['tr', 'ar'],
			firstStep: 'Kom onsdag kl. 16.',
			companion: true,
			placesLeft: null,
			activeFrom: copenhagenDate(),
			activeUntil: null,
			...over
		};
	}

	it('a partner with people to call, then an opportunity families find at once, in Turkish where written', async () => {
		const w = await world();
		const partnerId = (await createPartner(w.db, w.staff, {
			name: 'Skakforeningen Løberen',
			kind: 'association',
			area: 'Gellerup',
			notes: ''
		}))!;
		expect(await addContact(w.db, w.staff, partnerId, { name: 'Jamal Haddad', role: 'Træner', phone: '12 34 56 78', email: null })).toBe(
			true
		);
		expect((await getPartner(w.db, w.staff, partnerId))?.contacts.map((c) => c.name)).toEqual(['Jamal Haddad']);
		expect((await partnerChoices(w.db, w.staff)).map((p) => p.name)).toEqual(['Skakforeningen Løberen']);

		const id = (await createOpportunity(w.db, w.staff, input(partnerId)))!;
		const found = await findOpportunities(w.db, w.teen, { age: 14, q: 'skak' }, 'tr');
		expect(found.map((o) => [o.title, o.lang])).toEqual([['Skakklub for unge', 'da']]);
		expect(
			await saveOpportunityText(w.db, w.staff, id, {
				locale: 'tr',
				title: 'Gençler için satranç',
				description: 'Satranç oynuyoruz.',
				firstStep: 'Çarşamba 16’da gel.'
			})
		).toBe(true);
		const page = await getOpportunity(w.db, w.teen, id, 'tr');
		expect([page?.title, page?.lang, page?.firstStep]).toEqual(['Gençler için satranç', 'tr', 'Çarşamba 16’da gel.']);
		// All blank removes the version: Danish again.
		await saveOpportunityText(w.db, w.staff, id, { locale: 'tr', title: '', description: '', firstStep: '' });
		expect((await getOpportunity(w.db, w.teen, id, 'tr'))?.lang).toBe('da');
	});

	it('an edit made from an old version is refused, not saved over a colleague’s; ending it takes it from families', async () => {
		const w = await world();
		const partnerId = (await createPartner(w.db, w.staff, {
			name: 'Boksklubben',
			kind: 'club',
			area: 'Gellerup',
			notes: 'Spørg efter Ali'
		}))!;
		const id = (await createOpportunity(w.db, w.staff, input(partnerId)))!;
		const seen = (await getOpportunityForEdit(w.db, w.staff, id))!;
		expect(seen).toMatchObject({ startsAt: '16:00', endsAt: '18:00', weekdays: [3], languages: ['tr', 'ar'], checkedOn: copenhagenDate() });
		expect(await updateOpportunity(w.db, w.other, id, seen.version, input(partnerId, { placesLeft: 3 }))).toBe('ok');
		expect(await updateOpportunity(w.db, w.staff, id, seen.version, input(partnerId, { title: 'Skak' }))).toBe('changed');
		const now = (await getOpportunityForEdit(w.db, w.staff, id))!;
		expect([now.title, now.placesLeft]).toEqual(['Skakklub for unge', 3]);
		// Ended yesterday: gone from the directory, kept for the team.
		const yesterday = new Date(Date.now() - 86_400_000 * 2).toISOString().slice(0, 10);
		const ended = input(partnerId, { activeFrom: yesterday, activeUntil: yesterday });
		expect(await updateOpportunity(w.db, w.staff, id, now.version, ended)).toBe('ok');
		expect(await getOpportunity(w.db, w.teen, id, 'da')).toBeNull();
		const [partner] = await staffDirectory(w.db, w.staff);
		expect(partner.opportunities.map((o) => [o.id, o.ended])).toEqual([[id, true]]);
	});

	it('another municipality’s staff can neither read nor change any of it, nor hang an opportunity on its partner', async () => {
		const w = await world();
		const partnerId = (await createPartner(w.db, w.staff, { name: 'Ungdomsklubben', kind: 'municipal', area: 'Gellerup', notes: '' }))!;
		await addContact(w.db, w.staff, partnerId, { name: 'Sara Holm', role: '', phone: null, email: 'sara@eksempel.dk' });
		const contactId = (await getPartner(w.db, w.staff, partnerId))!.contacts[0].id;
		const id = (await createOpportunity(w.db, w.staff, input(partnerId)))!;
		const version = (await getOpportunityForEdit(w.db, w.staff, id))!.version;

		expect(await getPartner(w.db, w.outsider, partnerId)).toBeNull();
		expect(await getOpportunityForEdit(w.db, w.outsider, id)).toBeNull();
		expect(await partnerChoices(w.db, w.outsider)).toEqual([]);
		expect(await updatePartner(w.db, w.outsider, partnerId, { name: 'X', kind: 'club', area: 'X', notes: '' })).toBe(false);
		expect(await addContact(w.db, w.outsider, partnerId, { name: 'X', role: '', phone: '87654321', email: null })).toBe(false);
		expect(await removeContact(w.db, w.outsider, partnerId, contactId)).toBe(false);
		expect(await updateOpportunity(w.db, w.outsider, id, version, input(partnerId))).toBe('notFound');
		expect(await saveOpportunityText(w.db, w.outsider, id, { locale: 'ar', title: 'x', description: 'x', firstStep: 'x' })).toBe(false);
		expect(await createOpportunity(w.db, w.outsider, input(partnerId))).toBeNull();
		// A family member keeps nothing here.
		expect(await createPartner(w.db, w.teen, { name: 'X', kind: 'club', area: 'X', notes: '' })).toBeNull();
		expect(await updateOpportunity(w.db, w.teen, id, version, input(partnerId))).toBe('notFound');
		// Nothing changed.
		expect((await getPartner(w.db, w.staff, partnerId))?.contacts).toHaveLength(1);
		expect((await getOpportunityForEdit(w.db, w.staff, id))?.version).toBe(version);
		expect(await removeContact(w.db, w.staff, partnerId, contactId)).toBe(true);
	});
});

it('reads the opportunity form as a browser sends it, and says what is wrong in words', () => {
	const base = {
		partnerId: '6f1c2b1e-8d1a-4c8e-9f00-000000000001',
		kind: 'leisure_job',
		title: ' Fritidsjob i bageriet ',
		description: 'Du hjælper med at fylde hylder.',
		firstStep: 'Ring til Mette.',
		area: 'Gellerup',
		minAge: '15',
		maxAge: '17',
		costDkk: '',
		costPeriod: '',
		weekday_6: 'on',
		weekday_7: 'on',
		lang_ar: 'on',
		companion: 'on',
		activeFrom: '2026-12-01',
		activeUntil: ''
	};
	const ok = opportunityForm.parse(base);
	expect(ok).toMatchObject({
		title: 'Fritidsjob i bageriet',
		weekdays: [6, 7],
		languages: ['ar'],
		costDkk: 0,
		costPeriod: null,
		companion: true,
		supportCovers: false
	});
	const bad = opportunityForm.safeParse({
		...base,
		title: '',
		minAge: '16',
		maxAge: '12',
		costDkk: '200',
		endsAt: '17:00',
		activeUntil: '2026-11-01',
		placesLeft: 'mange'
	});
	const messages = Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path[0], i.message]));
	expect(messages).toMatchObject({
		title: 'validation.titleRequired',
		placesLeft: 'validation.numberInvalid'
	});
	// The cross-field checks run once every field reads well.
	const cross = opportunityForm.safeParse({
		...base,
		minAge: '16',
		maxAge: '12',
		costDkk: '200',
		endsAt: '17:00',
		activeUntil: '2026-11-01'
	});
	expect(Object.fromEntries((cross.error?.issues ?? []).map((i) => [i.path[0], i.message]))).toEqual({
		maxAge: 'validation.agesOrder',
		costPeriod: 'validation.costPeriodChoose',
		startsAt: 'validation.startNeeded',
		activeUntil: 'validation.untilBeforeFrom'
	});
});
