/**
 * An interest can be part of one of the young person's goals (issue 14): the form offers the
 * goals the actor may choose — a teenager's own and the family's; a parent, only the family's —
 * the service refuses any other, and the goal's words show only to those who may see the goal.
 * And the team's family page lists the family's interests the staff member may see, with how
 * many young people have a leisure job or an activity now.
 */
import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { familyActor, grantFor, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { ownFamily, type FamilyActor } from '../../src/lib/server/access';
import { seedOpportunities } from '../../src/lib/server/demo/opportunities';
import { findOpportunities } from '../../src/lib/server/activities/directory';
import { interestChoices, listInterests, sayInterested } from '../../src/lib/server/activities/interests';
import { moveInterest } from '../../src/lib/server/activities/team-interests';
import { writeWish } from '../../src/lib/server/wishes';
import { setGoalReached, writeGoal } from '../../src/lib/server/goals';
import { staffFamilyPage } from '../../src/lib/server/staff-family';
import { interests } from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db';

describeEachBackend('interests and goals', (ctx) => {
	async function goal(db: Db, actor: FamilyActor, wish: string, text: string) {
		const w = await writeWish(db, ownFamily(actor, 'wish.write')!, { text: wish, lifeArea: null, formKey: randomUUID() });
		if (!w.ok) throw new Error('no wish');
		const g = await writeGoal(db, ownFamily(actor, 'goal.write')!, { wishId: w.id, text, formKey: randomUUID() });
		if (!g.ok) throw new Error('no goal');
		return g.id;
	}

	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		await seedOpportunities(db, team.organisationId);
		const contact = await makeStaff(db, team.id, { name: 'Sahra Abdi' });
		const year = new Date().getFullYear();
		const { family, members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'parent', name: 'Hodan Warsame' },
			{ role: 'child', name: 'Abdirahman Warsame', birthYear: year - 15 },
			{ role: 'child', name: 'Ifrah Warsame', birthYear: year - 10 }
		]);
		const other = await makeFamily(db, team.id, contact.id, [{ role: 'parent', name: 'Jonas Nabo' }]);
		const user = async (m: (typeof members)[number]) => familyActor(m, (await makeUser(db, { familyMemberId: m.id })).id);
		const parent = await user(members[0]);
		const teen = await user(members[1]);
		const neighbour = await user(other.members[0]);
		const staff = staffActor(contact, (await makeUser(db, { staffId: contact.id })).id);
		const outsider = await makeStaff(db, team.id, { name: 'Jonas Holm' });
		const outsiderActor = staffActor(outsider, (await makeUser(db, { staffId: outsider.id })).id);
		const cards = await findOpportunities(db, teen, {}, 'da');
		const byTitle = (title: string) => cards.find((c) => c.title === title)!.id;
		const goals = {
			teens: await goal(db, teen, 'Tjene mine egne penge', 'Få et fritidsjob før sommer'),
			family: await goal(db, parent, 'At børnene har noget at gå til', 'Abdirahman går til en sport'),
			neighbours: await goal(db, neighbour, 'Et job', 'Tage truckcertifikat')
		};
		const say = (who: FamilyActor, opportunityId: string, goalId: string | null, memberId: string | null = null) =>
			sayInterested(db, ownFamily(who, 'interest.write')!, {
				opportunityId,
				memberId,
				note: '',
				companion: false,
				goalId,
				formKey: randomUUID()
			});
		const texts = async (who: FamilyActor) => (await listInterests(db, ownFamily(who)!, 'da')).map((i) => [i.title, i.goal?.text ?? null]);
		return { db, family, members, parent, teen, neighbour, staff, outsiderActor, byTitle, goals, say, texts };
	}

	it('offers a teenager their own goals and the family’s, a parent only the family’s; children only to a parent', async () => {
		const w = await world();
		const teen = await interestChoices(w.db, ownFamily(w.teen)!);
		expect(teen.children).toEqual([]);
		expect(teen.goals.map((g) => [g.text, g.own])).toEqual([
			['Få et fritidsjob før sommer', true],
			['Abdirahman går til en sport', false]
		]);
		const parent = await interestChoices(w.db, ownFamily(w.parent)!);
		expect(parent.children.map((c) => c.name)).toEqual(['Abdirahman Warsame', 'Ifrah Warsame']);
		expect(parent.goals.map((g) => g.text)).toEqual(['Abdirahman går til en sport']);
		// A reached goal is not offered any more.
		await setGoalReached(w.db, ownFamily(w.parent, 'goal.write')!, { id: w.goals.family, reached: true });
		expect((await interestChoices(w.db, ownFamily(w.parent)!)).goals).toEqual([]);
	});

	it('links a goal the actor may choose, and refuses any other without saving anything', async () => {
		const w = await world();
		const bakery = w.byTitle('Fritidsjob i bageriet');
		const said = await w.say(w.teen, bakery, w.goals.teens);
		expect(said.ok).toBe(true);
		const [row] = await w.db
			.select()
			.from(interests)
			.where(eq(interests.id, said.ok ? said.id : ''));
		expect(row.goalId).toBe(w.goals.teens);
		// A parent for a child: the family's goal, yes; the teenager's own, never (she does not see it);
		// another family's, never; one that does not exist, never.
		const swim = w.byTitle('Lær at svømme (begyndere)');
		const ifrah = w.members[2].id;
		expect(await w.say(w.parent, swim, w.goals.teens, ifrah)).toEqual({ ok: false, reason: 'goal' });
		expect(await w.say(w.parent, swim, w.goals.neighbours, ifrah)).toEqual({ ok: false, reason: 'goal' });
		expect(await w.say(w.parent, swim, randomUUID(), ifrah)).toEqual({ ok: false, reason: 'goal' });
		expect(await w.db.select().from(interests).where(eq(interests.memberId, ifrah))).toEqual([]);
		expect((await w.say(w.parent, swim, w.goals.family, ifrah)).ok).toBe(true);
		// A teenager cannot link the neighbour's goal either; a reached goal is no longer chosen.
		const boxing = w.byTitle('Boksning for unge');
		expect(await w.say(w.teen, boxing, w.goals.neighbours)).toEqual({ ok: false, reason: 'goal' });
		await setGoalReached(w.db, ownFamily(w.teen, 'goal.write')!, { id: w.goals.teens, reached: true });
		expect(await w.say(w.teen, boxing, w.goals.teens)).toEqual({ ok: false, reason: 'goal' });
		expect((await w.say(w.teen, boxing, null)).ok).toBe(true);
	});

	it("shows the goal's words only to those who may see the goal, even once the interest is shared", async () => {
		const w = await world();
		const said = await w.say(w.teen, w.byTitle('Fritidsjob i bageriet'), w.goals.teens);
		await w.say(w.teen, w.byTitle('Boksning for unge'), w.goals.family);
		expect(await w.texts(w.teen)).toEqual(
			expect.arrayContaining([
				['Fritidsjob i bageriet', 'Få et fritidsjob før sommer'],
				['Boksning for unge', 'Abdirahman går til en sport']
			])
		);
		// Shared with the parents: they see the interest, not the teenager's own goal's words.
		await w.db
			.update(interests)
			.set({ visibility: 'family' })
			.where(eq(interests.id, said.ok ? said.id : ''));
		expect(await w.texts(w.parent)).toEqual([['Fritidsjob i bageriet', null]]);
		// The team sees the goal (it sees the teenager's wish).
		const team = await listInterests(w.db, await grantFor(w.db, w.staff, w.family.id, 'family.view'), 'da');
		expect(team.map((i) => i.goal?.text).sort()).toEqual(['Abdirahman går til en sport', 'Få et fritidsjob før sommer']);
	});

	it("the team's family page: the interests the staff member may see, the tags, and who has something now", async () => {
		const w = await world();
		const bakery = await w.say(w.teen, w.byTitle('Fritidsjob i bageriet'), null);
		await sayInterested(w.db, ownFamily(w.parent, 'interest.write')!, {
			opportunityId: w.byTitle('Lær at svømme (begyndere)'),
			memberId: w.members[2].id,
			note: '',
			companion: true,
			formKey: randomUUID()
		});
		const manage = await grantFor(w.db, w.staff, w.family.id, 'interest.manage');
		await moveInterest(w.db, manage, bakery.ok ? bakery.id : '', 'started', 'Prøvedag lørdag');
		const page = (await staffFamilyPage(w.db, await grantFor(w.db, w.staff, w.family.id, 'family.view')))!;
		expect(page.interests.map((i) => [i.memberName, i.title, i.status, i.companion, i.private])).toEqual([
			['Abdirahman Warsame', 'Fritidsjob i bageriet', 'started', false, true],
			['Ifrah Warsame', 'Lær at svømme (begyndere)', 'interested', true, false]
		]);
		expect(page.interests[0].id).toBe(bakery.ok ? bakery.id : '');
		expect(Number.isNaN(Date.parse(page.interests[0].updatedAt))).toBe(false);
		expect(page.activeNow).toBe(1);
		// Another family's page shows none of these; a colleague who does not work with the family has no page.
		const neighbourPage = (await staffFamilyPage(w.db, await grantFor(w.db, w.staff, w.neighbour.familyId, 'family.view')))!;
		expect(neighbourPage.interests).toEqual([]);
		expect(neighbourPage.activeNow).toBe(0);
		await expect(grantFor(w.db, w.outsiderActor, w.family.id, 'family.view')).rejects.toThrow();
	});
});
