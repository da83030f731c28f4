import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { familyActor, grantFor, involve, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { ownFamily, type Actor, type FamilyActor, type FamilyGrant } from '../../src/lib/server/access';
import { shareWish, writeWish, listWishes } from '../../src/lib/server/wishes';
import { acceptGoal, declineGoal, editGoal, getGoal, listGoals, proposeGoal, setGoalReached, writeGoal } from '../../src/lib/server/goals';
import { addNote, addStep, homeFigures, setStepDone, stepPeople } from '../../src/lib/server/goal-steps';
import { goalSteps, goals } from '../../src/lib/server/db/schema';
import { copenhagenDate } from '../../src/lib/i18n/format';
import type { Db } from '../../src/lib/server/db';

describeEachBackend('goals', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id);
		const helper = await makeStaff(db, team.id, { department: 'health' });
		const outsider = await makeStaff(db, team.id, { department: 'culture' });
		const year = Number(copenhagenDate().slice(0, 4));
		const { family, members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'parent', name: 'Amina Hassan' },
			{ role: 'other_adult', name: 'Halima Hassan' },
			{ role: 'child', name: 'Yusuf Hassan', birthYear: year - 15 }
		]);
		await involve(db, family.id, helper.id);
		const other = await makeFamily(db, team.id, outsider.id);
		const fam = async (m: (typeof members)[number]) => familyActor(m, (await makeUser(db, { familyMemberId: m.id })).id);
		const st = async (s: typeof contact) => staffActor(s, (await makeUser(db, { staffId: s.id })).id);
		return {
			db,
			family,
			members,
			staff: { contact, helper },
			actors: {
				parent: await fam(members[0]),
				grandma: await fam(members[1]),
				teen: await fam(members[2]),
				otherParent: await fam(other.members[0]),
				contact: await st(contact),
				helper: await st(helper),
				outsider: await st(outsider)
			}
		};
	}
	type World = Awaited<ReturnType<typeof world>>;

	async function wish(db: Db, actor: FamilyActor, text: string) {
		const r = await writeWish(db, ownFamily(actor, 'wish.write')!, { text, lifeArea: null, formKey: randomUUID() });
		if (!r.ok) throw new Error('no wish');
		return r.id;
	}
	const w_ = (actor: FamilyActor) => ownFamily(actor, 'goal.write')!;
	const s_ = (actor: FamilyActor) => ownFamily(actor, 'goal.support')!;
	async function goal(db: Db, actor: FamilyActor, wishId: string, text: string) {
		const r = await writeGoal(db, w_(actor), { wishId, text, formKey: randomUUID() });
		if (!r.ok) throw new Error('no goal');
		return r.id;
	}
	async function step(
		db: Db,
		grant: FamilyGrant,
		goalId: string,
		text: string,
		who: Parameters<typeof addStep>[2]['who'] = { kind: 'me' },
		dueOn: string | null = null
	) {
		const r = await addStep(db, grant, { goalId, text, who, dueOn, formKey: randomUUID() });
		if (!r.ok) throw new Error(`no step ${text}`);
		return r.id;
	}
	const grantOf = async (w: World, actor: Actor, action: Parameters<typeof grantFor>[3] = 'family.view') =>
		actor.kind === 'family' ? ownFamily(actor, action)! : grantFor(w.db, actor, w.family.id, action);
	const kinds = async (w: World, id: string, actor: Actor = w.actors.parent) =>
		(await getGoal(w.db, await grantOf(w, actor), id))!.events.map((e) => e.kind);

	it('a member writes a goal, edits it from the version they saw, reaches and reopens it; the story keeps both words', async () => {
		const w = await world();
		const wishId = await wish(w.db, w.actors.parent, 'Et job i et køkken');
		const formKey = randomUUID();
		const first = await writeGoal(w.db, w_(w.actors.parent), { wishId, text: 'Tage hygiejnekursus', formKey });
		const again = await writeGoal(w.db, w_(w.actors.parent), { wishId, text: 'Tage hygiejnekursus', formKey });
		expect(again).toEqual(first);
		expect(await listGoals(w.db, ownFamily(w.actors.parent)!, wishId)).toHaveLength(1);
		const id = (first as { id: string }).id;

		expect(await editGoal(w.db, w_(w.actors.grandma), { id, version: 1, text: 'Tage hygiejnekursus i januar' })).toEqual({ ok: true, id });
		// The parent still had version 1 on screen: a conflict, naming who saved meanwhile, losing nothing.
		const late = await editGoal(w.db, w_(w.actors.parent), { id, version: 1, text: 'Tage kursus' });
		expect(late).toEqual({
			ok: false,
			reason: 'conflict',
			current: { text: 'Tage hygiejnekursus i januar', version: 2, authorName: 'Halima Hassan' }
		});
		expect(await editGoal(w.db, w_(w.actors.parent), { id, version: 2, text: 'Tage kursus i januar' })).toEqual({ ok: true, id });

		expect(await setGoalReached(w.db, w_(w.actors.parent), { id, reached: true })).toEqual({ ok: true, id });
		expect(await setGoalReached(w.db, w_(w.actors.parent), { id, reached: true })).toEqual({ ok: false, reason: 'notFound' });
		expect(await setGoalReached(w.db, w_(w.actors.parent), { id, reached: false })).toEqual({ ok: true, id });

		const g = (await getGoal(w.db, ownFamily(w.actors.parent)!, id))!;
		expect(g).toMatchObject({
			text: 'Tage kursus i januar',
			status: 'active',
			version: 5,
			wishText: 'Et job i et køkken',
			proposed: false
		});
		expect(g.events.map((e) => e.kind)).toEqual(['reopened', 'reached', 'edited', 'edited', 'created']);
		expect(g.events[2]).toMatchObject({ oldText: 'Tage hygiejnekursus i januar', text: 'Tage kursus i januar', byName: 'Amina Hassan' });
		expect(g.events[3]).toMatchObject({ oldText: 'Tage hygiejnekursus', text: 'Tage hygiejnekursus i januar', byName: 'Halima Hassan' });
		// The database keeps words within bounds whatever the code does.
		await expect(
			w.db
				.update(goals)
				.set({ text: 'x'.repeat(301) })
				.where(eq(goals.id, id))
		).rejects.toThrow();
	});

	it('steps: for whom, done and reopened with who and when; the home shows mine and together, nearest first, three at most', async () => {
		const w = await world();
		const wishId = await wish(w.db, w.actors.parent, 'Flytte til en større lejlighed');
		const id = await goal(w.db, w.actors.parent, wishId, 'Komme på venteliste');
		const g = s_(w.actors.parent);
		const people = await stepPeople(w.db, g);
		expect(people.map((p) => p.kind).sort()).toEqual(['member', 'member', 'member', 'staff', 'staff']);
		expect(people[0]).toMatchObject({ kind: 'staff', id: w.staff.contact.id, contact: true });

		const late = await step(w.db, g, id, 'Ring til boligforeningen', { kind: 'me' }, '2031-03-01');
		const soon = await step(w.db, g, id, 'Udfylde skemaet sammen', { kind: 'together' }, '2030-01-10');
		const undated = await step(w.db, g, id, 'Spørge naboen', { kind: 'me' });
		await step(w.db, g, id, 'Finde lønsedler', { kind: 'member', id: w.members[1].id }, '2029-01-01');
		await step(w.db, g, id, 'Skrive en anbefaling', { kind: 'staff', id: w.staff.helper.id }, '2029-01-01');
		const fourth = await step(w.db, g, id, 'Tjekke økonomien', { kind: 'me' }, '2032-01-01');
		// Not someone outside the family's team, and not another family's member.
		for (const who of [
			{ kind: 'staff' as const, id: (await makeStaff(w.db, w.staff.contact.teamId)).id },
			{ kind: 'member' as const, id: w.actors.otherParent.memberId }
		]) {
			expect(await addStep(w.db, g, { goalId: id, text: 'x', who, dueOn: null, formKey: randomUUID() })).toEqual({
				ok: false,
				reason: 'notFound'
			});
		}

		const home = await homeFigures(w.db, ownFamily(w.actors.parent)!);
		expect(home.wishes).toBe(1);
		expect(home.steps.map((s) => s.id)).toEqual([soon, late, fourth]);
		expect(home.steps[0]).toMatchObject({
			text: 'Udfylde skemaet sammen',
			dueOn: '2030-01-10',
			together: true,
			goalId: id,
			goalText: 'Komme på venteliste'
		});
		// Halima sees the together step and her own.
		expect((await homeFigures(w.db, ownFamily(w.actors.grandma)!)).steps.map((s) => s.text)).toEqual([
			'Finde lønsedler',
			'Udfylde skemaet sammen'
		]);

		// Halima marks the parent's step done; the parent reopens it and marks it again.
		expect(await setStepDone(w.db, s_(w.actors.grandma), { id: soon, done: true })).toEqual({ ok: true, id });
		expect(await setStepDone(w.db, s_(w.actors.grandma), { id: soon, done: true })).toEqual({ ok: false, reason: 'notFound' });
		let detail = (await getGoal(w.db, ownFamily(w.actors.parent)!, id))!;
		const done = detail.steps.find((s) => s.id === soon)!;
		expect(done.doneByName).toBe('Halima Hassan');
		expect(Date.now() - new Date(done.doneAt!).getTime()).toBeLessThan(60_000);
		expect(await setStepDone(w.db, s_(w.actors.parent), { id: soon, done: false })).toEqual({ ok: true, id });
		expect((await homeFigures(w.db, ownFamily(w.actors.parent)!)).steps.map((s) => s.id)).toEqual([soon, late, fourth]);
		await setStepDone(w.db, s_(w.actors.parent), { id: soon, done: true });
		expect((await homeFigures(w.db, ownFamily(w.actors.parent)!)).steps.map((s) => s.id)).toEqual([late, fourth, undated]);

		detail = (await getGoal(w.db, ownFamily(w.actors.parent)!, id))!;
		// Open steps first (nearest first), done ones after.
		expect(detail.steps.at(-1)!.id).toBe(soon);
		expect(detail.steps.find((s) => s.text === 'Skrive en anbefaling')!.assigneeName).toBe(w.staff.helper.name);
		expect(detail.events.slice(0, 3).map((e) => [e.kind, e.byName, e.stepText])).toEqual([
			['step_done', 'Amina Hassan', 'Udfylde skemaet sammen'],
			['step_reopened', 'Amina Hassan', 'Udfylde skemaet sammen'],
			['step_done', 'Halima Hassan', 'Udfylde skemaet sammen']
		]);
		expect(detail.events.at(-1)!.kind).toBe('created');
		// A step is for exactly one: the database says so too.
		await expect(w.db.update(goalSteps).set({ together: true }).where(eq(goalSteps.id, late))).rejects.toThrow();
	});

	it('staff propose, write notes and add and mark only their own steps; they never edit, accept or reach', async () => {
		const w = await world();
		const wishId = await wish(w.db, w.actors.parent, 'Lære dansk bedre');
		const propose = await grantOf(w, w.actors.contact, 'goal.propose');
		const proposal = await proposeGoal(w.db, propose, { wishId, text: 'Starte på sprogskole', formKey: randomUUID() });
		expect(proposal.ok).toBe(true);
		const id = (proposal as { id: string }).id;
		// A proposal waits for the family: no steps on it yet, not on the home page.
		const list = await listGoals(w.db, ownFamily(w.actors.parent)!, wishId);
		expect(list).toMatchObject([{ id, status: 'proposed', proposed: true, authorName: w.staff.contact.name }]);

		const support = await grantOf(w, w.actors.contact, 'goal.support');
		const write = await grantOf(w, w.actors.contact, 'family.view');
		// Staff have no goal.write grant, and a family-only change refuses any other grant.
		expect(await familyGrantOrNull(w, w.actors.contact, 'goal.write')).toBeNull();
		expect(await acceptGoal(w.db, write, { id, version: 1, text: 'x' })).toEqual({ ok: false, reason: 'notFound' });
		expect(await addStep(w.db, support, { goalId: id, text: 'x', who: { kind: 'me' }, dueOn: null, formKey: randomUUID() })).toEqual({
			ok: false,
			reason: 'notFound'
		});

		expect(await acceptGoal(w.db, w_(w.actors.parent), { id, version: 1, text: 'Starte på sprogskole om aftenen' })).toEqual({
			ok: true,
			id
		});
		expect(await editGoal(w.db, support, { id, version: 2, text: 'staff words' })).toEqual({ ok: false, reason: 'notFound' });
		expect(await setGoalReached(w.db, support, { id, reached: true })).toEqual({ ok: false, reason: 'notFound' });

		const mine = await step(w.db, support, id, 'Finde tre sprogskoler');
		// Staff get steps for themselves only, whatever they ask for.
		for (const who of [
			{ kind: 'together' as const },
			{ kind: 'member' as const, id: w.members[0].id },
			{ kind: 'staff' as const, id: w.staff.helper.id }
		]) {
			expect(await addStep(w.db, support, { goalId: id, text: 'x', who, dueOn: null, formKey: randomUUID() })).toEqual({
				ok: false,
				reason: 'notFound'
			});
		}
		const parents = await step(w.db, s_(w.actors.parent), id, 'Tilmelde mig', { kind: 'me' });
		const helperStep = await step(w.db, s_(w.actors.parent), id, 'Hjælp med skemaet', { kind: 'staff', id: w.staff.helper.id });
		expect(await setStepDone(w.db, support, { id: parents, done: true })).toEqual({ ok: false, reason: 'notFound' });
		expect(await setStepDone(w.db, support, { id: helperStep, done: true })).toEqual({ ok: false, reason: 'notFound' });
		expect(await setStepDone(w.db, await grantOf(w, w.actors.helper, 'goal.support'), { id: helperStep, done: true })).toEqual({
			ok: true,
			id
		});
		expect(await setStepDone(w.db, support, { id: mine, done: true })).toEqual({ ok: true, id });
		expect(await setStepDone(w.db, support, { id: mine, done: false })).toEqual({ ok: true, id });
		expect(await addNote(w.db, support, { goalId: id, text: 'Godt gået med tilmeldingen!' })).toEqual({ ok: true, id });
		// Someone from another team's family sees nothing here.
		expect(await familyGrantOrNull(w, w.actors.outsider, 'goal.support')).toBeNull();

		const g = (await getGoal(w.db, ownFamily(w.actors.parent)!, id))!;
		expect(g.text).toBe('Starte på sprogskole om aftenen');
		expect(g.events.map((e) => e.kind)).toEqual([
			'note',
			'step_reopened',
			'step_done',
			'step_done',
			'step_added',
			'step_added',
			'step_added',
			'accepted',
			'proposed'
		]);
		expect(g.events[0]).toMatchObject({ byName: w.staff.contact.name, byStaff: true, text: 'Godt gået med tilmeldingen!' });
		expect(g.events.at(-2)).toMatchObject({
			oldText: 'Starte på sprogskole',
			text: 'Starte på sprogskole om aftenen',
			byName: 'Amina Hassan'
		});
		expect(g.steps.find((s) => s.id === helperStep)!.doneByName).toBe(w.staff.helper.name);
	});

	it('a proposal can be declined with a reason, and is then no longer open to a yes', async () => {
		const w = await world();
		const wishId = await wish(w.db, w.actors.parent, 'Mere tid sammen');
		const r = await proposeGoal(w.db, await grantOf(w, w.actors.contact, 'goal.propose'), {
			wishId,
			text: 'Ugentlig familieaften',
			formKey: randomUUID()
		});
		const id = (r as { id: string }).id;
		expect(await declineGoal(w.db, w_(w.actors.grandma), { id, reason: 'Vi har allerede en' })).toEqual({ ok: true, id });
		expect(await acceptGoal(w.db, w_(w.actors.parent), { id, version: 2, text: 'x' })).toEqual({ ok: false, reason: 'notFound' });
		const g = (await getGoal(w.db, ownFamily(w.actors.parent)!, id))!;
		expect(g).toMatchObject({ status: 'declined', declineReason: 'Vi har allerede en' });
		expect(g.events[0]).toMatchObject({ kind: 'declined', text: 'Vi har allerede en', byName: 'Halima Hassan' });
		// Without a reason too.
		const r2 = await proposeGoal(w.db, await grantOf(w, w.actors.contact, 'goal.propose'), {
			wishId,
			text: 'Tur i skoven',
			formKey: randomUUID()
		});
		expect(await declineGoal(w.db, w_(w.actors.parent), { id: (r2 as { id: string }).id, reason: null })).toMatchObject({ ok: true });
	});

	it("keeps a teenager's private goals from the parents everywhere, a staff proposal too, until the wish is shared — and again after", async () => {
		const w = await world();
		const secretWish = await wish(w.db, w.actors.teen, 'Blive mekaniker');
		const own = await goal(w.db, w.actors.teen, secretWish, 'Finde en praktikplads');
		const ownStep = await step(w.db, s_(w.actors.teen), own, 'Skrive til værkstedet', { kind: 'together' }, '2030-01-01');
		const r = await proposeGoal(w.db, await grantOf(w, w.actors.contact, 'goal.propose'), {
			wishId: secretWish,
			text: 'Besøge en erhvervsskole',
			formKey: randomUUID()
		});
		const proposal = (r as { id: string }).id;
		const parentWish = await wish(w.db, w.actors.parent, 'Et nyt køkken');
		await goal(w.db, w.actors.parent, parentWish, 'Spare op');

		const check = async (visible: boolean) => {
			for (const actor of [w.actors.parent, w.actors.grandma]) {
				const view = ownFamily(actor)!;
				expect((await listWishes(w.db, view)).map((x) => x.id).includes(secretWish)).toBe(visible);
				expect((await listGoals(w.db, view, secretWish)).length).toBe(visible ? 2 : 0);
				expect(!!(await getGoal(w.db, view, own))).toBe(visible);
				expect(!!(await getGoal(w.db, view, proposal))).toBe(visible);
				const home = await homeFigures(w.db, view);
				expect(home.wishes).toBe(visible ? 2 : 1);
				expect(home.steps.some((s) => s.id === ownStep)).toBe(visible);
			}
		};
		await check(false);
		// The teenager and the team see it all.
		expect(await listGoals(w.db, ownFamily(w.actors.teen)!, secretWish)).toHaveLength(2);
		expect(await listGoals(w.db, await grantOf(w, w.actors.helper), secretWish)).toHaveLength(2);
		expect((await homeFigures(w.db, ownFamily(w.actors.teen)!)).steps.map((s) => s.id)).toEqual([ownStep]);

		// Every action a parent could send with the ids answers as for an id that does not exist.
		const none = randomUUID();
		const p = w.actors.parent;
		const hidden = { ok: false, reason: 'notFound' };
		for (const id of [own, proposal, none]) {
			expect(await editGoal(w.db, w_(p), { id, version: 1, text: 'x' })).toEqual(hidden);
			expect(await acceptGoal(w.db, w_(p), { id, version: 1, text: 'x' })).toEqual(hidden);
			expect(await declineGoal(w.db, w_(p), { id, reason: null })).toEqual(hidden);
			expect(await setGoalReached(w.db, w_(p), { id, reached: true })).toEqual(hidden);
			expect(await addNote(w.db, s_(p), { goalId: id, text: 'x' })).toEqual(hidden);
			expect(await addStep(w.db, s_(p), { goalId: id, text: 'x', who: { kind: 'me' }, dueOn: null, formKey: randomUUID() })).toEqual(
				hidden
			);
		}
		for (const wishId of [secretWish, none]) {
			expect(await writeGoal(w.db, w_(p), { wishId, text: 'x', formKey: randomUUID() })).toEqual(hidden);
		}
		for (const id of [ownStep, none]) expect(await setStepDone(w.db, s_(p), { id, done: true })).toEqual(hidden);
		// Nothing changed behind the curtain.
		expect((await getGoal(w.db, ownFamily(w.actors.teen)!, own))!.events.map((e) => e.kind)).toEqual(['step_added', 'created']);
		expect((await getGoal(w.db, ownFamily(w.actors.teen)!, proposal))!.status).toBe('proposed');

		// Another family sees nothing, not even with the ids; nor does staff outside the family.
		const stranger = ownFamily(w.actors.otherParent)!;
		expect(await getGoal(w.db, stranger, own)).toBeNull();
		expect(await listGoals(w.db, stranger, parentWish)).toEqual([]);
		expect(await setStepDone(w.db, ownFamily(w.actors.otherParent, 'goal.support')!, { id: ownStep, done: true })).toEqual(hidden);
		expect(await familyGrantOrNull(w, w.actors.outsider, 'family.view')).toBeNull();

		// Shared: the parents see the goals, the proposal, the step; unshared: gone again.
		await shareWish(w.db, ownFamily(w.actors.teen)!, { id: secretWish, shared: true });
		await check(true);
		expect(await setStepDone(w.db, s_(p), { id: ownStep, done: true })).toEqual({ ok: true, id: own });
		await setStepDone(w.db, s_(p), { id: ownStep, done: false });
		await shareWish(w.db, ownFamily(w.actors.teen)!, { id: secretWish, shared: false });
		await check(false);
		expect(await kinds(w, own, w.actors.teen)).toEqual(['step_reopened', 'step_done', 'step_added', 'created']);
	});

	async function familyGrantOrNull(w: World, actor: Actor, action: Parameters<typeof grantFor>[3]) {
		const { familyGrant } = await import('../../src/lib/server/access');
		return familyGrant(w.db, actor, w.family.id, action!);
	}
});
