/**
 * Where meetings are and what they are about (issue 11's leftovers): the team's office address,
 * the walk meeting points a team keeps (and who may change them), and a meeting's goal, which
 * reaches only readers who may see the goal — a teenager's own goal never reaches the parents
 * through the family's meeting.
 */
import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { familyActor, grantFor, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { ownFamily, teamGrant, type FamilyActor } from '../../src/lib/server/access';
import { bookMeeting, slotsOf, staffCalendar, type BookingInput } from '../../src/lib/server/meetings/booking';
import { getMeeting, listMeetings, nextMeeting } from '../../src/lib/server/meetings/meetings';
import { familyMeetingsForStaff, staffMeetings } from '../../src/lib/server/meetings/staff';
import { meetingView } from '../../src/lib/server/meetings/view';
import {
	addPoint,
	editPoint,
	getTeamPlaces,
	movePoint,
	placeOf,
	removePoint,
	saveOfficeAddress
} from '../../src/lib/server/meetings/places';
import { goalChoices, writeGoal } from '../../src/lib/server/goals';
import { writeWish } from '../../src/lib/server/wishes';
import { availabilityWindows, goals, meetingPoints, meetings, organisations, teams } from '../../src/lib/server/db/schema';
import { copenhagenDate } from '../../src/lib/i18n/format';
import type { Db } from '../../src/lib/server/db';

const code = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => e.cause?.code ?? e.code
	);

describeEachBackend('meeting places and goals', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		await db.update(organisations).set({ address: 'Rådhuset, Torvet 1' }).where(eq(organisations.id, team.organisationId));
		const contact = await makeStaff(db, team.id);
		const leader = await makeStaff(db, team.id, { role: 'team_leader', department: 'social' });
		const otherTeam = await makeTeam(db);
		const otherLeader = await makeStaff(db, otherTeam.id, { role: 'team_leader' });
		await db.insert(availabilityWindows).values(
			[1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
				staffId: contact.id,
				weekday,
				startsAt: '08:00',
				endsAt: '16:00',
				types: ['home', 'office', 'walk', 'phone', 'video'] as ('home' | 'office' | 'walk' | 'phone' | 'video')[]
			}))
		);
		const year = Number(copenhagenDate().slice(0, 4));
		const { family, members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'parent', name: 'Amina' },
			{ role: 'child', name: 'Yusuf', birthYear: year - 15 }
		]);
		const other = await makeFamily(db, team.id, contact.id);
		const fam = async (m: (typeof members)[number]) => familyActor(m, (await makeUser(db, { familyMemberId: m.id })).id);
		const st = async (s: typeof contact) => staffActor(s, (await makeUser(db, { staffId: s.id })).id);
		return {
			db,
			team,
			otherTeam,
			family,
			members,
			other,
			contact,
			parent: await fam(members[0]),
			teen: await fam(members[1]),
			otherParent: await fam(other.members[0]),
			actors: { contact: await st(contact), leader: await st(leader), otherLeader: await st(otherLeader) }
		};
	}
	type World = Awaited<ReturnType<typeof world>>;

	const leaderGrant = (w: World) => teamGrant(w.actors.leader, 'edit')!;
	async function point(w: World, name: string, description = '') {
		expect(await addPoint(w.db, leaderGrant(w), { name, description })).toEqual({ ok: true });
		const [row] = await w.db
			.select()
			.from(meetingPoints)
			.where(and(eq(meetingPoints.teamId, w.team.id), eq(meetingPoints.name, name)));
		return row;
	}
	const book = (w: World, actor: FamilyActor) => ownFamily(actor, 'meeting.book')!;
	async function firstSlot(w: World, type: BookingInput['type'], actor = w.parent) {
		return slotsOf((await staffCalendar(w.db, book(w, actor), w.contact.id))!, type)[0].start;
	}
	async function input(w: World, type: BookingInput['type'], over: Partial<BookingInput> = {}, actor = w.parent): Promise<BookingInput> {
		return {
			staffId: w.contact.id,
			type,
			start: await firstSlot(w, type, actor),
			memberIds: [actor.memberId],
			interpreterLanguage: null,
			place: '',
			topic: '',
			formKey: randomUUID(),
			...over
		};
	}
	async function placeOfMeeting(db: Db, id: string) {
		const [row] = await db.select({ place: meetings.place, goalId: meetings.goalId }).from(meetings).where(eq(meetings.id, id));
		return row;
	}
	async function goalOf(w: World, actor: FamilyActor, text: string) {
		const wish = await writeWish(w.db, ownFamily(actor, 'wish.write')!, { text: `Ønske: ${text}`, lifeArea: null, formKey: randomUUID() });
		if (!wish.ok) throw new Error('no wish');
		const goal = await writeGoal(w.db, ownFamily(actor, 'goal.write')!, { wishId: wish.id, text, formKey: randomUUID() });
		if (!goal.ok) throw new Error('no goal');
		return goal.id;
	}

	it("puts an office meeting at the team's own office, else at the organisation's address, whoever books it", async () => {
		const w = await world();
		const first = await bookMeeting(w.db, book(w, w.parent), await input(w, 'office', { place: 'Hjemme hos os' }));
		expect(first.ok && (await placeOfMeeting(w.db, first.id)).place).toBe('Rådhuset, Torvet 1');
		expect(await saveOfficeAddress(w.db, leaderGrant(w), 'Lokalkontoret, Karensvej 6')).toBe(true);
		const second = await bookMeeting(w.db, book(w, w.parent), await input(w, 'office'));
		expect(second.ok && (await placeOfMeeting(w.db, second.id)).place).toBe('Lokalkontoret, Karensvej 6');
		// Staff booking (or proposing) after a phone call: the same office, whatever they typed.
		const staffGrant = await grantFor(w.db, w.actors.contact, w.family.id, 'meeting.manage');
		const calendar = (await staffCalendar(w.db, staffGrant, w.contact.id))!;
		const start = slotsOf({ ...calendar, rules: { ...calendar.rules, noticeHours: 0 } }, 'office')[0].start;
		const proposed = await bookMeeting(w.db, staffGrant, { ...(await input(w, 'office')), start, place: 'Et sted', propose: true });
		expect(proposed.ok && (await placeOfMeeting(w.db, proposed.id)).place).toBe('Lokalkontoret, Karensvej 6');
		// The office's address moving later does not move meetings already booked.
		await saveOfficeAddress(w.db, leaderGrant(w), null);
		expect(second.ok && (await placeOfMeeting(w.db, second.id)).place).toBe('Lokalkontoret, Karensvej 6');
		expect((await staffCalendar(w.db, book(w, w.parent), w.contact.id))!.places.office).toBe('Rådhuset, Torvet 1');
	});

	it("starts a walk at one of the team's points (kept as words: renaming it later rewrites nothing), or where the family wrote", async () => {
		const w = await world();
		const park = await point(w, 'Parkens indgang', 'Ved legepladsen');
		const result = await bookMeeting(w.db, book(w, w.parent), await input(w, 'walk', { pointId: park.id }));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect((await placeOfMeeting(w.db, result.id)).place).toBe('Parkens indgang – Ved legepladsen');
		await editPoint(w.db, leaderGrant(w), { id: park.id, name: 'Den nye park', description: '', active: true });
		await removePoint(w.db, leaderGrant(w), park.id);
		expect((await getMeeting(w.db, book(w, w.parent), result.id))!.place).toBe('Parkens indgang – Ved legepladsen');
		const own = await bookMeeting(w.db, book(w, w.parent), await input(w, 'walk', { place: 'Ved bænken foran Netto' }));
		expect(own.ok && (await placeOfMeeting(w.db, own.id)).place).toBe('Ved bænken foran Netto');
		// The family's pages send no words for a home visit, phone or video; a point means nothing there.
		expect(placeOf('phone', { office: 'x', points: [] }, { pointId: park.id, typed: '' })).toEqual({ place: '' });
	});

	it("refuses a point that is not one the family's team offers (made up, another team's, put aside) and books nothing", async () => {
		const w = await world();
		const [foreign] = await w.db.insert(meetingPoints).values({ teamId: w.otherTeam.id, name: 'Et andet teams sted' }).returning();
		const aside = await point(w, 'Multibanen');
		await editPoint(w.db, leaderGrant(w), { id: aside.id, name: 'Multibanen', description: '', active: false });
		for (const pointId of [randomUUID(), foreign.id, aside.id]) {
			expect(await bookMeeting(w.db, book(w, w.parent), await input(w, 'walk', { pointId }))).toEqual({ ok: false, reason: 'point' });
			// Staff booking a walk for the family: the same list, the same answer.
			const staffGrant = await grantFor(w.db, w.actors.contact, w.family.id, 'meeting.manage');
			expect(await bookMeeting(w.db, staffGrant, await input(w, 'walk', { pointId }))).toEqual({ ok: false, reason: 'point' });
		}
		expect(await w.db.select().from(meetings).where(eq(meetings.familyId, w.family.id))).toHaveLength(0);
		// Families are offered only the team's points that are offered now, in the team's order.
		await point(w, 'Biblioteket');
		const lake = await point(w, 'Søstien');
		expect(await movePoint(w.db, leaderGrant(w), { id: lake.id, direction: 'up' })).toBe(true);
		const offered = (await staffCalendar(w.db, book(w, w.parent), w.contact.id))!.places.points.map((p) => p.name);
		expect(offered).toEqual(['Søstien', 'Biblioteket']);
	});

	it('lets the team leader keep the points (add, rename, reorder, put aside, remove); one name once per team', async () => {
		const w = await world();
		const g = leaderGrant(w);
		const a = await point(w, 'Parken');
		const b = await point(w, 'Biblioteket', 'Foran indgangen');
		const c = await point(w, 'Søen');
		expect(await addPoint(w.db, g, { name: 'biblioteket', description: '' })).toEqual({ ok: false, reason: 'nameTaken' });
		expect(await editPoint(w.db, g, { id: c.id, name: 'PARKEN', description: '', active: true })).toEqual({
			ok: false,
			reason: 'nameTaken'
		});
		// Another team may use the same name.
		expect(await addPoint(w.db, teamGrant(w.actors.otherLeader, 'edit')!, { name: 'Parken', description: '' })).toEqual({ ok: true });
		const names = async () => (await getTeamPlaces(w.db, teamGrant(w.actors.contact, 'view')!))!.points.map((p) => p.name);
		expect(await names()).toEqual(['Parken', 'Biblioteket', 'Søen']);
		await movePoint(w.db, g, { id: c.id, direction: 'up' });
		await movePoint(w.db, g, { id: c.id, direction: 'up' });
		expect(await names()).toEqual(['Søen', 'Parken', 'Biblioteket']);
		// The first up, the last down: nothing changes.
		expect(await movePoint(w.db, g, { id: c.id, direction: 'up' })).toBe(true);
		expect(await movePoint(w.db, g, { id: b.id, direction: 'down' })).toBe(true);
		expect(await names()).toEqual(['Søen', 'Parken', 'Biblioteket']);
		expect(await editPoint(w.db, g, { id: a.id, name: 'Parkens indgang', description: 'Mod nord', active: false })).toEqual({ ok: true });
		expect(await removePoint(w.db, g, b.id)).toBe(true);
		const places = (await getTeamPlaces(w.db, g))!;
		expect(places.points).toEqual([
			{ id: c.id, name: 'Søen', description: '', active: true },
			{ id: a.id, name: 'Parkens indgang', description: 'Mod nord', active: false }
		]);
		expect(places).toMatchObject({ officeAddress: null, organisationAddress: 'Rådhuset, Torvet 1' });
	});

	it('lets other staff on the team read the places but change nothing, and a leader of another team neither see nor change them', async () => {
		const w = await world();
		const park = await point(w, 'Parken');
		// A caseworker: no edit grant; a read grant changes nothing either.
		expect(teamGrant(w.actors.contact, 'edit')).toBeNull();
		const read = teamGrant(w.actors.contact, 'view')!;
		expect((await getTeamPlaces(w.db, read))!.points.map((p) => p.name)).toEqual(['Parken']);
		expect(await saveOfficeAddress(w.db, read, 'Hos mig')).toBe(false);
		expect(await addPoint(w.db, read, { name: 'Mit sted', description: '' })).toEqual({ ok: false, reason: 'notFound' });
		expect(await editPoint(w.db, read, { id: park.id, name: 'Mit sted', description: '', active: true })).toEqual({
			ok: false,
			reason: 'notFound'
		});
		expect(await movePoint(w.db, read, { id: park.id, direction: 'down' })).toBe(false);
		expect(await removePoint(w.db, read, park.id)).toBe(false);
		// A family member has no team grant at all.
		expect(teamGrant(w.parent, 'view')).toBeNull();
		// Another team's leader: their own team's (empty) list, and this team's point by id changes nothing.
		const other = teamGrant(w.actors.otherLeader, 'edit')!;
		expect((await getTeamPlaces(w.db, other))!.points).toEqual([]);
		expect(await editPoint(w.db, other, { id: park.id, name: 'Overtaget', description: '', active: false })).toEqual({
			ok: false,
			reason: 'notFound'
		});
		expect(await movePoint(w.db, other, { id: park.id, direction: 'down' })).toBe(false);
		expect(await removePoint(w.db, other, park.id)).toBe(false);
		await saveOfficeAddress(w.db, other, 'Deres kontor');
		const [row] = await w.db.select().from(meetingPoints).where(eq(meetingPoints.id, park.id));
		expect(row).toMatchObject({ name: 'Parken', active: true });
		const [team] = await w.db.select({ officeAddress: teams.officeAddress }).from(teams).where(eq(teams.id, w.team.id));
		expect(team.officeAddress).toBeNull();
	});

	it('refuses points and office addresses the database must never hold', async () => {
		const w = await world();
		const insert = (values: Partial<typeof meetingPoints.$inferInsert>) =>
			code(w.db.insert(meetingPoints).values({ teamId: w.team.id, name: 'Et sted', ...values }));
		expect(await insert({ name: '' })).toBe('23514');
		expect(await insert({ name: ' Et sted' })).toBe('23514');
		expect(await insert({ name: 'x'.repeat(81) })).toBe('23514');
		expect(await insert({ description: 'x'.repeat(201) })).toBe('23514');
		expect(await insert({ sortOrder: -1 })).toBe('23514');
		expect(await insert({ teamId: randomUUID() })).toBe('23503');
		expect(await insert({})).toBe('ok');
		expect(await insert({ name: 'ET STED' })).toBe('23505');
		const office = (officeAddress: string) => code(w.db.update(teams).set({ officeAddress }).where(eq(teams.id, w.team.id)));
		expect(await office('')).toBe('23514');
		expect(await office('x'.repeat(301))).toBe('23514');
	});

	it("points a meeting at a goal the booker sees; another family's goal, or a teenager's own goal chosen by a parent, is refused", async () => {
		const w = await world();
		const mine = await goalOf(w, w.parent, 'Et job i et køkken');
		const teens = await goalOf(w, w.teen, 'Tale med min lærer');
		const foreign = await goalOf(w, w.otherParent, 'Et andet families mål');
		expect((await goalChoices(w.db, book(w, w.parent))).map((g) => g.text)).toEqual(['Et job i et køkken']);
		expect(await goalChoices(w.db, book(w, w.teen))).toEqual([
			{ id: mine, text: 'Et job i et køkken', own: false },
			{ id: teens, text: 'Tale med min lærer', own: true }
		]);
		for (const goalId of [foreign, teens, randomUUID()])
			expect(await bookMeeting(w.db, book(w, w.parent), await input(w, 'phone', { goalId }))).toEqual({ ok: false, reason: 'goal' });
		expect(await w.db.select().from(meetings).where(eq(meetings.familyId, w.family.id))).toHaveLength(0);
		const ok = await bookMeeting(w.db, book(w, w.parent), await input(w, 'phone', { goalId: mine }));
		expect(ok.ok && (await placeOfMeeting(w.db, ok.id)).goalId).toBe(mine);
		// The database itself: a meeting never points at another family's goal.
		if (!ok.ok) return;
		expect(await code(w.db.update(meetings).set({ goalId: foreign }).where(eq(meetings.id, ok.id)))).toBe('23503');
	});

	it("shows a meeting about a teenager's own goal to the whole family, the goal's words only to the teenager and the team", async () => {
		const w = await world();
		const teens = await goalOf(w, w.teen, 'Tale med min lærer om klassen');
		const result = await bookMeeting(w.db, book(w, w.teen), await input(w, 'phone', { goalId: teens, topic: 'Skolen' }, w.teen));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const goal = { id: teens, text: 'Tale med min lærer om klassen' };

		// The teenager: receipt, list, home card.
		expect((await getMeeting(w.db, book(w, w.teen), result.id))!.goal).toEqual(goal);
		expect((await nextMeeting(w.db, book(w, w.teen)))!.goal).toEqual(goal);
		// The parent sees the meeting (it is the family's) and its topic, never the goal.
		const seen = (await getMeeting(w.db, book(w, w.parent), result.id))!;
		expect(seen.topic).toBe('Skolen');
		expect(seen.goal).toBeNull();
		expect(meetingView(seen).goal).toBeNull();
		expect(JSON.stringify(meetingView(seen))).not.toContain('lærer');
		expect((await listMeetings(w.db, book(w, w.parent))).coming.map((m) => m.goal)).toEqual([null]);
		expect((await nextMeeting(w.db, book(w, w.parent)))!.goal).toBeNull();
		expect((await getMeeting(w.db, ownFamily(w.parent)!, result.id))!.goal).toBeNull();

		// The team: the contact person's calendar and the family's meetings page.
		const week = await staffMeetings(w.db, w.actors.contact, new Date(Date.now() - 86_400_000), new Date(Date.now() + 40 * 86_400_000));
		expect(week.find((m) => m.id === result.id)!.goal).toEqual(goal);
		const staffGrant = await grantFor(w.db, w.actors.contact, w.family.id, 'meeting.manage');
		expect((await familyMeetingsForStaff(w.db, staffGrant)).find((m) => m.id === result.id)!.goal).toEqual(goal);

		// A goal that goes takes only the pointer with it: the meeting stays.
		await w.db.delete(goals).where(eq(goals.id, teens));
		expect(await placeOfMeeting(w.db, result.id)).toMatchObject({ goalId: null });
		expect((await getMeeting(w.db, book(w, w.teen), result.id))!.goal).toBeNull();
	});
});
