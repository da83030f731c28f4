/**
 * The directory of leisure opportunities (issue 14), on the demo's own thirty: what a teenager
 * and a parent find — by kind, age, cost, area, weekday, language and words (Danish full-text
 * search, inflections and compounds) — in their language where there is a version, never an
 * ended one, and never another municipality's.
 */
import { expect, it } from 'vitest';
import { describeEachBackend } from './harness';
import { familyActor, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import {
	findOpportunities,
	directoryFacets,
	markChecked,
	staffDirectory,
	type DirectoryFilters
} from '../../src/lib/server/activities/directory';
import { seedOpportunities } from '../../src/lib/server/demo/opportunities';
import type { Locale } from '../../src/lib/i18n/locales';
import type { Actor } from '../../src/lib/server/access';

describeEachBackend('directory', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		await seedOpportunities(db, team.organisationId);
		const contact = await makeStaff(db, team.id);
		const year = new Date().getFullYear();
		const { members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'parent', name: 'Hodan Warsame', preferredLanguage: 'so' },
			{ role: 'child', name: 'Abdirahman Warsame', birthYear: year - 15 }
		]);
		const teen = familyActor(members[1], (await makeUser(db, { familyMemberId: members[1].id })).id);
		const staff = staffActor(contact, (await makeUser(db, { staffId: contact.id })).id);
		// Another municipality with its own directory.
		const elsewhere = await makeTeam(db);
		await seedOpportunities(db, elsewhere.organisationId);
		const otherContact = await makeStaff(db, elsewhere.id);
		const otherStaff = staffActor(otherContact, (await makeUser(db, { staffId: otherContact.id })).id);
		const find = (f: DirectoryFilters, locale: Locale = 'da', actor: Actor = teen) => findOpportunities(db, actor, f, locale);
		const titles = async (f: DirectoryFilters, locale: Locale = 'da') => (await find(f, locale)).map((o) => o.title);
		return { db, teen, staff, otherStaff, find, titles };
	}

	it('shows the active opportunities of the family’s own municipality, never an ended one or another’s', async () => {
		const w = await world();
		const all = await w.find({});
		expect(all).toHaveLength(29);
		expect(all.map((o) => o.title)).not.toContain('Sommerskole i kunst');
		expect(new Set(all.map((o) => o.id)).size).toBe(29);
		// Staff of the team read the same directory.
		expect((await w.find({}, 'da', w.staff)).map((o) => o.id).sort()).toEqual(all.map((o) => o.id).sort());
		// The full course is last.
		expect(all.at(-1)?.title).toBe('Lær at svømme (begyndere)');
	});

	it('fits a 15-year-old, and each filter narrows', async () => {
		const w = await world();
		const fits = await w.find({ age: 15 });
		expect(fits.every((o) => o.minAge <= 15 && o.maxAge >= 15)).toBe(true);
		expect(fits.map((o) => o.title)).toContain('Fodbold for drenge 13–15 år');
		expect(fits.map((o) => o.title)).not.toContain('Fodbold for de små 6–9 år');
		const clubs = await w.find({ age: 15, kind: 'club' });
		expect(clubs.length).toBeGreaterThan(0);
		expect(clubs.every((o) => o.kind === 'club')).toBe(true);
		// Free for the family: nothing to pay, or Fritidspas pays; the theatre (250 kr.) is not.
		const free = await w.find({ free: true });
		expect(free.every((o) => o.costDkk === 0 || o.supportCovers)).toBe(true);
		expect(free.map((o) => o.title)).not.toContain('Teater for unge');
		expect(free.map((o) => o.title)).toContain('Boksning for unge');
		expect((await w.find({ weekday: 7 })).map((o) => o.title).sort()).toEqual(['Fritidsjob i bageriet', 'Svømning kun for piger']);
		expect((await w.find({ language: 'uk' })).every((o) => o.languages.includes('uk'))).toBe(true);
		expect((await w.find({ area: 'lyngbæk parken' })).every((o) => o.area === 'Lyngbæk Parken')).toBe(true);
		expect((await directoryFacets(w.db, w.teen)).areas).toEqual(['Gellerup', 'Lyngbæk midtby', 'Lyngbæk Parken']);
		// Free football for a 15-year-old, as the teenager looks for it.
		expect(await w.titles({ age: 15, free: true, q: 'fodbold' })).toEqual(['Fodbold for drenge 13–15 år', 'Fodbold for piger 10–16 år']);
	});

	it('finds words as Danish is written: inflected, inside compounds, several at once', async () => {
		const w = await world();
		const football = ['Fodbold for de små 6–9 år', 'Fodbold for drenge 13–15 år', 'Fodbold for piger 10–16 år'];
		expect((await w.titles({ q: 'fodbold' })).sort()).toEqual(football);
		// "fodbolden" (the football) is stemmed to fodbold.
		expect((await w.titles({ q: 'fodbolden' })).sort()).toEqual(football);
		// A part of a compound title.
		expect(await w.titles({ q: 'bold', kind: 'club', age: 7 })).toEqual(['Fodbold for de små 6–9 år']);
		// In the description: "lektier" finds the homework cafés by "lektiehjælp"/"lektier".
		expect(await w.titles({ q: 'lektier', kind: 'activity', area: 'Lyngbæk Parken' })).toEqual(['Lektiecafé i beboerhuset']);
		// Search syntax from a person is words, never an error.
		expect(await w.titles({ q: '"boksning -piger or ((' })).toBeInstanceOf(Array);
		expect(await w.titles({ q: '100%_' })).toEqual([]);
	});

	it("shows a version in the reader's language when someone wrote one, else the Danish", async () => {
		const w = await world();
		const so = await w.find({ q: 'fodbold', age: 15 }, 'so');
		const boys = so.find((o) => o.title.startsWith('Kubadda cagta wiilasha'));
		expect(boys).toMatchObject({ lang: 'so', partner: 'Lyngbæk Parken FC' });
		// The boxing club has Arabic words, not Somali: Danish, marked as such.
		const boxing = (await w.find({ q: 'boksning' }, 'so')).find((o) => o.title === 'Boksning for unge');
		expect(boxing?.lang).toBe('da');
	});

	it("the team's view: every partner with whom to call, ended ones kept, unchecked ones flagged until someone vouches", async () => {
		const w = await world();
		const partners = await staffDirectory(w.db, w.staff);
		expect(partners).toHaveLength(12);
		const all = partners.flatMap((p) => p.opportunities);
		expect(all).toHaveLength(30);
		expect(all.filter((o) => o.ended).map((o) => o.title)).toEqual(['Sommerskole i kunst']);
		const stale = all.filter((o) => o.stale && !o.ended);
		expect(stale.map((o) => o.title).sort()).toEqual(['Frivillig i genbrugsbutikken', 'Hjælper til sommerfesten']);
		expect(partners.find((p) => p.name === 'Kvickly Lyngbæk')?.contacts).toEqual([
			{ name: 'Henrik Lauridsen', role: 'Butikschef', phone: '+45 87 12 30 00', email: null }
		]);
		// A family never reads the team's directory; another municipality's staff cannot vouch for this one's.
		expect(await staffDirectory(w.db, w.teen)).toEqual([]);
		expect(await markChecked(w.db, w.teen, stale[0].id)).toBe(false);
		expect(await markChecked(w.db, w.otherStaff, stale[0].id)).toBe(false);
		expect(await markChecked(w.db, w.staff, stale[0].id)).toBe(true);
		const after = (await staffDirectory(w.db, w.staff)).flatMap((p) => p.opportunities).filter((o) => o.stale && !o.ended);
		expect(after).toHaveLength(1);
	});
});
