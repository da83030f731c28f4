/**
 * "I'm interested" (issue 14): a teenager's interest is theirs and the team's until shared, a
 * parent's for a child is the family's; the team moves it along; four weeks after "started"
 * the teenager is asked "still going?"; the team's count of who has a leisure job or activity now.
 */
import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { familyActor, grantFor, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { ownFamily } from '../../src/lib/server/access';
import { seedOpportunities } from '../../src/lib/server/demo/opportunities';
import { findOpportunities } from '../../src/lib/server/activities/directory';
import {
	answerStillGoing,
	countInterests,
	getInterest,
	listInterests,
	sayInterested,
	shareInterest
} from '../../src/lib/server/activities/interests';
import { activeNow, interestPipeline, moveInterest } from '../../src/lib/server/activities/team-interests';
import { interests, notifications } from '../../src/lib/server/db/schema';
import { notifyStillGoing } from '../../src/lib/server/outbox/enqueue';
import { render } from '../../src/lib/server/outbox/render';

describeEachBackend('interests', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		await seedOpportunities(db, team.organisationId);
		const contact = await makeStaff(db, team.id, { name: 'Sahra Abdi' });
		const year = new Date().getFullYear();
		const { family, members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'parent', name: 'Hodan Warsame', preferredLanguage: 'so' },
			{ role: 'child', name: 'Abdirahman Warsame', birthYear: year - 15 },
			{ role: 'child', name: 'Ifrah Warsame', birthYear: year - 10 }
		]);
		const other = await makeFamily(db, team.id, contact.id, [{ role: 'parent', name: 'Jonas Nabo' }]);
		const user = async (id: string) => (await makeUser(db, { familyMemberId: id })).id;
		const parent = familyActor(members[0], await user(members[0].id));
		const teen = familyActor(members[1], await user(members[1].id));
		const neighbour = familyActor(other.members[0], await user(other.members[0].id));
		const staff = staffActor(contact, (await makeUser(db, { staffId: contact.id })).id);
		const cards = await findOpportunities(db, teen, {}, 'da');
		const byTitle = (title: string) => cards.find((c) => c.title === title)!.id;
		const say = (who: typeof teen, opportunityId: string, over: Partial<Parameters<typeof sayInterested>[2]> = {}) =>
			sayInterested(db, ownFamily(who, 'interest.write')!, {
				opportunityId,
				memberId: null,
				note: '',
				companion: false,
				formKey: randomUUID(),
				...over
			});
		const staffGrant = () => grantFor(db, staff, family.id, 'interest.manage');
		const outsider = await makeStaff(db, team.id, { name: 'Jonas Holm' });
		const outsiderActor = staffActor(outsider, (await makeUser(db, { staffId: outsider.id })).id);
		return { db, family, members, parent, teen, neighbour, staff, outsiderActor, byTitle, say, staffGrant };
	}

	it("keeps a teenager's interest from the parents — list, count, page — until shared; the team sees it", async () => {
		const w = await world();
		const football = w.byTitle('Fodbold for drenge 13–15 år');
		const said = await w.say(w.teen, football, { note: 'Jeg spillede i Somalia', companion: true });
		expect(said.ok).toBe(true);
		const id = said.ok ? said.id : '';
		const as = (who: typeof w.teen) => ownFamily(who, 'family.view')!;
		expect((await listInterests(w.db, as(w.teen), 'so')).map((i) => i.title)).toEqual(['Kubadda cagta wiilasha 13–15 jir']);
		expect(await listInterests(w.db, as(w.parent), 'da')).toEqual([]);
		expect(await countInterests(w.db, as(w.parent))).toBe(0);
		expect(await getInterest(w.db, as(w.parent), 'da', id)).toBeNull();
		// Another family never, whatever id it tries.
		expect(await getInterest(w.db, { ...as(w.neighbour), familyId: w.family.id }, 'da', id)).toBeNull();
		const team = await getInterest(w.db, await grantFor(w.db, w.staff, w.family.id, 'family.view'), 'da', id);
		expect(team).toMatchObject({ private: true, companion: true, note: 'Jeg spillede i Somalia', memberName: 'Abdirahman Warsame' });
		expect(team?.events.map((e) => [e.status, e.by])).toEqual([['interested', 'Abdirahman Warsame']]);
		// Only the teenager shares it; then the parent sees it.
		expect(await shareInterest(w.db, ownFamily(w.parent)!, id)).toBe(false);
		expect(await shareInterest(w.db, ownFamily(w.teen)!, id)).toBe(true);
		expect(await countInterests(w.db, as(w.parent))).toBe(1);
	});

	it('a parent marks interest for a 10-year-old: the family sees it; not for the teenager, nor for a neighbour’s child', async () => {
		const w = await world();
		const swim = w.byTitle('Lær at svømme (begyndere)');
		const said = await w.say(w.parent, swim, { memberId: w.members[2].id, companion: true });
		expect(said.ok).toBe(true);
		const [seen] = await listInterests(w.db, ownFamily(w.teen, 'family.view')!, 'da');
		expect(seen).toMatchObject({ memberName: 'Ifrah Warsame', private: false, mine: false });
		// A teenager marks only for themself; nobody marks for another family's child.
		expect(await w.say(w.teen, swim, { memberId: w.members[2].id })).toEqual({ ok: false, reason: 'notFound' });
		expect(await w.say(w.neighbour, swim, { memberId: w.members[2].id })).toEqual({ ok: false, reason: 'notFound' });
		// Twice the same open interest: the one that exists. The same form twice: one interest.
		expect(await w.say(w.parent, swim, { memberId: w.members[2].id })).toEqual({
			ok: false,
			reason: 'already',
			id: said.ok ? said.id : ''
		});
		const formKey = randomUUID();
		const chess = w.byTitle('Skak i kulturhuset');
		const first = await w.say(w.parent, chess, { formKey });
		expect(await w.say(w.parent, chess, { formKey })).toEqual(first);
		// An ended opportunity or another municipality's is not found.
		const [ended] = await w.db.select({ id: interests.id }).from(interests).where(eq(interests.formKey, formKey));
		expect(ended).toBeDefined();
		expect(await w.say(w.parent, randomUUID())).toEqual({ ok: false, reason: 'notFound' });
	});

	it('the team moves it along with notes; "started" asks "still going?" four weeks later; the answer moves it', async () => {
		const w = await world();
		const said = await w.say(w.teen, w.byTitle('Fritidsjob i bageriet'), { companion: true });
		const id = said.ok ? said.id : '';
		const grant = await w.staffGrant();
		// Not from interested straight to still going.
		expect(await moveInterest(w.db, grant, id, 'still_going', '')).toEqual({ ok: false, reason: 'notNow' });
		expect(await moveInterest(w.db, grant, id, 'contacted', 'Ringet til Yasmin, prøvedag lørdag')).toEqual({ ok: true });
		expect(await moveInterest(w.db, grant, id, 'started', 'Sahra gik med første gang')).toEqual({ ok: true });
		// A family cannot move it; a hidden or missing one is "not found".
		expect(await moveInterest(w.db, ownFamily(w.parent, 'interest.write')!, id, 'stopped', 'x')).toEqual({ ok: false, reason: 'notFound' });
		expect(await moveInterest(w.db, grant, randomUUID(), 'stopped', 'x')).toEqual({ ok: false, reason: 'notFound' });
		const teenGrant = ownFamily(w.teen)!;
		// Not asked yet: an answer now changes nothing.
		expect(await answerStillGoing(w.db, teenGrant, id, 'yes', '')).toBe(false);
		const [row] = await w.db.select().from(interests).where(eq(interests.id, id));
		expect(row.startedOn).not.toBeNull();
		const days = (Date.parse(row.askOn!) - Date.parse(row.startedOn!)) / 86_400_000;
		expect(days).toBe(28);
		// Four weeks on.
		await w.db.update(interests).set({ askOn: row.startedOn }).where(eq(interests.id, id));
		const [asked] = await listInterests(w.db, ownFamily(w.teen, 'family.view')!, 'da');
		expect(asked.askNow).toBe(true);
		expect(await answerStillGoing(w.db, ownFamily(w.parent)!, id, 'no', '')).toBe(false);
		expect(await answerStillGoing(w.db, teenGrant, id, 'help', 'Jeg kan ikke nå bussen om lørdagen')).toBe(true);
		const page = await getInterest(w.db, await grantFor(w.db, w.staff, w.family.id, 'family.view'), 'da', id);
		expect(page?.status).toBe('started');
		expect(page?.events.map((e) => [e.status, e.needsHelp])).toEqual([
			['interested', false],
			['contacted', false],
			['started', false],
			['started', true]
		]);
		expect(page?.events.at(-1)?.note).toBe('Jeg kan ikke nå bussen om lørdagen');
		// Counted as having a leisure job now; the team sees it per family.
		expect(await activeNow(w.db, w.staff)).toEqual([{ familyId: w.family.id, familyName: w.family.name, members: 1 }]);
		// Stopped needs a reason; then a new interest in the same job may begin.
		expect(await moveInterest(w.db, grant, id, 'stopped', 'Vagterne passede ikke med skolen')).toEqual({ ok: true });
		expect(await activeNow(w.db, w.staff)).toEqual([]);
		expect((await w.say(w.teen, w.byTitle('Fritidsjob i bageriet'))).ok).toBe(true);
	});

	it('the database keeps a stopped interest with a reason, and a started one with its day', async () => {
		const w = await world();
		const said = await w.say(w.teen, w.byTitle('Boksning for unge'));
		const id = said.ok ? said.id : '';
		await expect(w.db.update(interests).set({ status: 'stopped' }).where(eq(interests.id, id))).rejects.toThrow();
		await expect(w.db.update(interests).set({ status: 'started' }).where(eq(interests.id, id))).rejects.toThrow();
	});

	it("the team's pipeline: the families one works with, help first; the contact person is told, without words", async () => {
		const w = await world();
		process.env.NOTIFY_QUIET_HOURS = 'off';
		try {
			const first = await w.say(w.teen, w.byTitle('Boksning for unge'), { note: 'Min ven går der', companion: true });
			const second = await w.say(w.teen, w.byTitle('Fritidsjob i bageriet'));
			const helpId = second.ok ? second.id : '';
			const grant = await w.staffGrant();
			await moveInterest(w.db, grant, helpId, 'started', '');
			await w.db
				.update(interests)
				.set({ askOn: sql`started_on` })
				.where(eq(interests.id, helpId));
			expect(await answerStillGoing(w.db, ownFamily(w.teen)!, helpId, 'help', '')).toBe(true);
			const pipeline = await interestPipeline(w.db, w.staff);
			expect(pipeline.map((p) => [p.title, p.status, p.needsHelp, p.companion])).toEqual([
				['Fritidsjob i bageriet', 'started', true, false],
				['Boksning for unge', 'interested', false, true]
			]);
			expect(pipeline[1]).toMatchObject({ memberName: 'Abdirahman Warsame', note: 'Min ven går der', id: first.ok ? first.id : '' });
			// A colleague on the team who does not work with the family sees none of it.
			expect(await interestPipeline(w.db, w.outsiderActor)).toEqual([]);
			// The contact person heard twice (a new interest each, and the call for help); the family nothing.
			const told = await w.db.select().from(notifications).where(eq(notifications.userId, w.staff.id));
			expect(told.map((n) => n.kind).sort()).toEqual(['interest_help', 'interest_new', 'interest_new']);
			expect(told.every((n) => n.fromName === '')).toBe(true);
		} finally {
			delete process.env.NOTIFY_QUIET_HOURS;
		}
	});

	it('"still going?" reaches the teenager once, when it is asked, never the parents; its words say nothing of what', async () => {
		const w = await world();
		process.env.NOTIFY_QUIET_HOURS = 'off';
		try {
			const said = await w.say(w.teen, w.byTitle('Fritidsjob i bageriet'));
			const id = said.ok ? said.id : '';
			await moveInterest(w.db, await w.staffGrant(), id, 'started', '');
			const asked = () => w.db.select().from(notifications).where(eq(notifications.subjectId, id));
			const tomorrowAndAfter = new Date(Date.now() + 29 * 86_400_000);
			// Not yet: four weeks have not passed.
			await notifyStillGoing(w.db);
			expect((await asked()).filter((n) => n.kind === 'interest_ask')).toEqual([]);
			await notifyStillGoing(w.db, tomorrowAndAfter);
			await notifyStillGoing(w.db, tomorrowAndAfter);
			const rows = (await asked()).filter((n) => n.kind === 'interest_ask');
			expect(rows.map((n) => n.userId)).toEqual([w.teen.id]);
			const words = render(
				{ kind: 'interest_ask', subjectId: id, familyId: w.family.id, fromName: '', meetingAt: null, staff: false, locale: 'so' },
				'https://opgang.example'
			);
			expect(words.sms).toContain('https://opgang.example/activities');
			expect(words.sms).not.toContain('Bageri');
		} finally {
			delete process.env.NOTIFY_QUIET_HOURS;
		}
	});
});
