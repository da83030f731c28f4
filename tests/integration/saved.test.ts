/**
 * "Save for later" (issue 14): a member's bookmark on an opportunity of their own directory,
 * active today. Twice is once; it is private to the member who saved it — a parent never sees a
 * teenager's, nor a sibling a brother's; an ended opportunity or another municipality's cannot
 * be saved; the directory's filter and count read the same rows.
 */
import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { describeEachBackend } from './harness';
import { familyActor, grantFor, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { ownFamily, type FamilyActor } from '../../src/lib/server/access';
import { seedOpportunities } from '../../src/lib/server/demo/opportunities';
import { directoryFacets, findOpportunities, getOpportunity } from '../../src/lib/server/activities/directory';
import { listSaved, saveOpportunity } from '../../src/lib/server/activities/saved';
import { opportunities, savedOpportunities } from '../../src/lib/server/db/schema';

describeEachBackend('saved for later', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		await seedOpportunities(db, team.organisationId);
		const contact = await makeStaff(db, team.id);
		const year = new Date().getFullYear();
		const { family, members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'parent', name: 'Hodan Warsame' },
			{ role: 'child', name: 'Abdirahman Warsame', birthYear: year - 15 },
			{ role: 'child', name: 'Ifrah Warsame', birthYear: year - 14 }
		]);
		const actor = async (i: number) => familyActor(members[i], (await makeUser(db, { familyMemberId: members[i].id })).id);
		const [parent, teen, sister] = [await actor(0), await actor(1), await actor(2)];
		const staff = staffActor(contact, (await makeUser(db, { staffId: contact.id })).id);
		const elsewhere = await makeTeam(db);
		await seedOpportunities(db, elsewhere.organisationId);
		const all = await findOpportunities(db, teen, {}, 'da');
		const byTitle = (title: string) => all.find((c) => c.title === title)!.id;
		const save = (who: FamilyActor, id: string, on = true) => saveOpportunity(db, ownFamily(who, 'interest.write')!, id, on);
		const saved = async (who: FamilyActor) => (await listSaved(db, ownFamily(who)!, 'da')).map((o) => o.title);
		const rows = (who: FamilyActor) => db.select().from(savedOpportunities).where(eq(savedOpportunities.memberId, who.memberId));
		return { db, team, elsewhere, family, parent, teen, sister, staff, byTitle, save, saved, rows };
	}

	it('saves and un-saves, twice the same as once; the card, the page, the filter and the count agree', async () => {
		const w = await world();
		const boxing = w.byTitle('Boksning for unge');
		const bakery = w.byTitle('Fritidsjob i bageriet');
		expect(await w.save(w.teen, boxing)).toBe(true);
		expect(await w.save(w.teen, boxing)).toBe(true);
		expect(await w.save(w.teen, bakery)).toBe(true);
		expect(await w.rows(w.teen)).toHaveLength(2);
		expect(await w.saved(w.teen)).toEqual(['Boksning for unge', 'Fritidsjob i bageriet']);
		expect((await directoryFacets(w.db, w.teen)).saved).toBe(2);
		expect((await getOpportunity(w.db, w.teen, boxing, 'da'))?.saved).toBe(true);
		const cards = await findOpportunities(w.db, w.teen, { saved: true, q: 'boks' }, 'da');
		expect(cards.map((c) => [c.title, c.saved])).toEqual([['Boksning for unge', true]]);
		expect((await findOpportunities(w.db, w.teen, {}, 'da')).filter((c) => c.saved)).toHaveLength(2);
		// Off, twice: none left, and no error.
		expect(await w.save(w.teen, boxing, false)).toBe(true);
		expect(await w.save(w.teen, boxing, false)).toBe(true);
		expect(await w.saved(w.teen)).toEqual(['Fritidsjob i bageriet']);
		expect((await getOpportunity(w.db, w.teen, boxing, 'da'))?.saved).toBe(false);
		expect((await directoryFacets(w.db, w.teen)).saved).toBe(1);
	});

	it("is the member's own: neither a parent nor a sister sees a teenager's, and the team has none", async () => {
		const w = await world();
		const chess = w.byTitle('Skak i kulturhuset');
		await w.save(w.teen, chess);
		expect(await w.saved(w.parent)).toEqual([]);
		expect(await w.saved(w.sister)).toEqual([]);
		expect((await directoryFacets(w.db, w.parent)).saved).toBe(0);
		expect((await getOpportunity(w.db, w.parent, chess, 'da'))?.saved).toBe(false);
		expect((await findOpportunities(w.db, w.sister, { saved: true }, 'da')).length).toBe(0);
		// The parent saves the same one for herself: two bookmarks, each its own.
		await w.save(w.parent, chess);
		expect(await w.saved(w.parent)).toEqual(['Skak i kulturhuset']);
		// A parent's un-save touches only her own.
		await w.save(w.parent, chess, false);
		expect(await w.saved(w.teen)).toEqual(['Skak i kulturhuset']);
		// The team: no bookmarks to read, none to make.
		const grant = await grantFor(w.db, w.staff, w.family.id, 'family.view');
		expect(await listSaved(w.db, grant, 'da')).toEqual([]);
		expect(await saveOpportunity(w.db, grant, chess, true)).toBe(false);
		expect((await findOpportunities(w.db, w.staff, { saved: true }, 'da')).length).toBe(0);
		// A grant for another family never saves in the member's name.
		expect(await saveOpportunity(w.db, { ...ownFamily(w.teen, 'interest.write')!, familyId: randomUUID() }, chess, true)).toBe(false);
	});

	it('cannot save an ended opportunity, one not begun, another municipality’s or none; an ended one leaves the list', async () => {
		const w = await world();
		const [ended] = await w.db
			.select({ id: opportunities.id })
			.from(opportunities)
			.where(and(eq(opportunities.organisationId, w.team.organisationId), eq(opportunities.title, 'Sommerskole i kunst')));
		expect(await w.save(w.teen, ended.id)).toBe(false);
		const [theirs] = await w.db
			.select({ id: opportunities.id })
			.from(opportunities)
			.where(and(eq(opportunities.organisationId, w.elsewhere.organisationId), eq(opportunities.title, 'Boksning for unge')));
		expect(await w.save(w.teen, theirs.id)).toBe(false);
		expect(await w.save(w.teen, randomUUID())).toBe(false);
		expect(await w.rows(w.teen)).toEqual([]);
		// Saved, then it ends (or has not begun yet): kept in the table, gone from the list and the count.
		const boxing = w.byTitle('Boksning for unge');
		await w.save(w.teen, boxing);
		await w.db.update(opportunities).set({ activeUntil: '2020-01-01', activeFrom: '2019-01-01' }).where(eq(opportunities.id, boxing));
		expect(await w.saved(w.teen)).toEqual([]);
		expect((await directoryFacets(w.db, w.teen)).saved).toBe(0);
		await w.db.update(opportunities).set({ activeFrom: '2999-01-01', activeUntil: null }).where(eq(opportunities.id, boxing));
		expect(await w.saved(w.teen)).toEqual([]);
		const bakery = w.byTitle('Fritidsjob i bageriet');
		await w.db.update(opportunities).set({ activeFrom: '2999-01-01' }).where(eq(opportunities.id, bakery));
		expect(await w.save(w.teen, bakery)).toBe(false);
	});
});
