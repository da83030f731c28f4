import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { absence, familyActor, grantFor, involve, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { ownFamily, staffGrant } from '../../src/lib/server/access';
import { bookMeeting, bookableStaff, defaultRules, slotsOf, staffCalendar, type BookingInput } from '../../src/lib/server/meetings/booking';
import {
	answerProposal,
	markHeld,
	meetingFamily,
	setInterpreterStatus,
	staffCancel,
	staffMeetings,
	staffMove
} from '../../src/lib/server/meetings/staff';
import { addTimeOff, addWindow, getAvailability, removeTimeOff, removeWindow, saveRules } from '../../src/lib/server/meetings/availability';
import { cancelMeeting, getMeeting, listMeetings, moveMeeting, nextMeeting } from '../../src/lib/server/meetings/meetings';
import { availabilityWindows, bookingRules, meetingMembers, meetings } from '../../src/lib/server/db/schema';
import { localDay, localTime, zonedInstant } from '../../src/lib/time/zone';
import { bookingMembers, slotsByDay } from '../../src/lib/server/meetings/members';
import { meetingCalendarFile, meetingView } from '../../src/lib/server/meetings/view';
import { translatorFor } from '../../src/lib/server/i18n';
import { staff } from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db';

const code = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => e.cause?.code ?? e.code
	);

/** Every weekday, 08:00–16:00, every kind of meeting. */
async function openWeek(db: Db, staffId: string) {
	await db.insert(availabilityWindows).values(
		[1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
			staffId,
			weekday,
			startsAt: '08:00',
			endsAt: '16:00',
			types: ['home', 'office', 'walk', 'phone', 'video'] as ('home' | 'office' | 'walk' | 'phone' | 'video')[]
		}))
	);
}

describeEachBackend('meetings', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id);
		const involved = await makeStaff(db, team.id, { department: 'health' });
		const colleague = await makeStaff(db, team.id, { department: 'culture' });
		const otherTeam = await makeTeam(db);
		const foreign = await makeStaff(db, otherTeam.id);
		for (const s of [contact, involved, colleague, foreign]) await openWeek(db, s.id);
		const { family, members } = await makeFamily(db, team.id, contact.id, [{ role: 'parent' }, { role: 'other_adult' }]);
		await involve(db, family.id, involved.id);
		const other = await makeFamily(db, team.id, colleague.id);
		const parent = familyActor(members[0], (await makeUser(db, { familyMemberId: members[0].id })).id);
		return {
			db,
			team,
			family,
			members,
			other,
			staff: { contact, involved, colleague, foreign },
			parent,
			grant: ownFamily(parent, 'meeting.book')!,
			contactActor: staffActor(contact, (await makeUser(db, { staffId: contact.id })).id)
		};
	}
	type World = Awaited<ReturnType<typeof world>>;

	const input = (w: World, start: Date, over: Partial<BookingInput> = {}): BookingInput => ({
		staffId: w.staff.contact.id,
		type: 'phone',
		start,
		memberIds: [w.members[0].id],
		interpreterLanguage: null,
		place: '',
		topic: '',
		formKey: randomUUID(),
		...over
	});

	async function firstSlot(w: World, staffId = w.staff.contact.id, type: BookingInput['type'] = 'phone') {
		const calendar = await staffCalendar(w.db, w.grant, staffId);
		return slotsOf(calendar!, type)[0];
	}

	it('books a free time with the contact person, with the members taking part, and offers that time no more', async () => {
		const w = await world();
		const slot = await firstSlot(w);
		const result = await bookMeeting(
			w.db,
			w.grant,
			input(w, slot.start, { memberIds: [w.members[0].id, w.members[1].id], interpreterLanguage: 'ar' })
		);
		expect(result.ok).toBe(true);
		const [row] = await w.db.select().from(meetings).where(eq(meetings.familyId, w.family.id));
		expect(row).toMatchObject({
			staffId: w.staff.contact.id,
			status: 'booked',
			interpreterLanguage: 'ar',
			interpreterStatus: 'requested',
			bookedByMemberId: w.members[0].id
		});
		expect(row.startsAt.getTime()).toBe(slot.start.getTime());
		expect(row.endsAt.getTime() - row.startsAt.getTime()).toBe(30 * 60_000);
		expect((await w.db.select().from(meetingMembers).where(eq(meetingMembers.meetingId, row.id))).length).toBe(2);
		const after = slotsOf((await staffCalendar(w.db, w.grant, w.staff.contact.id))!, 'phone');
		expect(after.some((s) => s.start.getTime() === slot.start.getTime())).toBe(false);
	});

	it('books an involved team member too, but nobody the family does not work with', async () => {
		const w = await world();
		expect(
			(await bookMeeting(w.db, w.grant, input(w, (await firstSlot(w, w.staff.involved.id)).start, { staffId: w.staff.involved.id }))).ok
		).toBe(true);
		for (const s of [w.staff.colleague, w.staff.foreign]) {
			expect(await staffCalendar(w.db, w.grant, s.id)).toBeNull();
			const start = (await firstSlot(w)).start;
			expect(await bookMeeting(w.db, w.grant, input(w, start, { staffId: s.id }))).toEqual({ ok: false, reason: 'notFound' });
		}
		// Members of another family cannot be brought along.
		const start = (await firstSlot(w)).start;
		expect(await bookMeeting(w.db, w.grant, input(w, start, { memberIds: [w.other.members[0].id] }))).toEqual({
			ok: false,
			reason: 'notFound'
		});
		expect(await w.db.select().from(meetings).where(eq(meetings.staffId, w.staff.contact.id))).toEqual([]);
	});

	it('takes only a time that is free by the rules now, whatever the form says', async () => {
		const w = await world();
		const slot = await firstSlot(w);
		const tooSoon = new Date(Date.now() + 3_600_000);
		const past = new Date(Date.now() - 86_400_000);
		const offGrid = new Date(slot.start.getTime() + 7 * 60_000);
		const night = zonedInstant(new Date(slot.start.getTime() + 86_400_000).toISOString().slice(0, 10), '22:00')!;
		const farAway = new Date(slot.start.getTime() + 60 * 86_400_000);
		for (const start of [tooSoon, past, offGrid, night, farAway]) {
			const result = await bookMeeting(w.db, w.grant, input(w, start));
			expect(result.ok).toBe(false);
			expect(result.ok === false && result.reason === 'taken' && result.slots.length > 0).toBe(true);
		}
		// Not the kind of meeting the window offers.
		await w.db.delete(availabilityWindows).where(eq(availabilityWindows.staffId, w.staff.contact.id));
		await w.db
			.insert(availabilityWindows)
			.values({ staffId: w.staff.contact.id, weekday: 1, startsAt: '09:00', endsAt: '12:00', types: ['office'] });
		expect(slotsOf((await staffCalendar(w.db, w.grant, w.staff.contact.id))!, 'phone')).toEqual([]);
		expect((await bookMeeting(w.db, w.grant, input(w, slot.start))).ok).toBe(false);
	});

	it('books once when the same confirm arrives twice, or ten times at once', async () => {
		const w = await world();
		const slot = await firstSlot(w);
		const same = input(w, slot.start);
		const first = await bookMeeting(w.db, w.grant, same);
		const again = await bookMeeting(w.db, w.grant, same);
		expect(again).toEqual(first);
		const slot2 = (await firstSlot(w)).start;
		const burst = input(w, slot2);
		const results = await Promise.all(Array.from({ length: 10 }, () => bookMeeting(w.db, w.grant, burst)));
		expect(new Set(results.map((r) => (r.ok ? r.id : 'no'))).size).toBe(1);
		expect(results.every((r) => r.ok)).toBe(true);
		expect(await w.db.select().from(meetings).where(eq(meetings.familyId, w.family.id))).toHaveLength(2);
	});

	it('gives one time to one of 50 families confirming it at once, and a clear answer with fresh times to the other 49', async () => {
		const w = await world();
		const families = await Promise.all(
			Array.from({ length: 50 }, async () => {
				const f = await makeFamily(w.db, w.team.id, w.staff.contact.id);
				const actor = familyActor(f.members[0], (await makeUser(w.db, { familyMemberId: f.members[0].id })).id);
				return { grant: ownFamily(actor, 'meeting.book')!, memberId: f.members[0].id };
			})
		);
		const slot = await firstSlot(w);
		const results = await Promise.all(families.map((f) => bookMeeting(w.db, f.grant, input(w, slot.start, { memberIds: [f.memberId] }))));
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		const lost = results.filter((r) => !r.ok);
		expect(lost).toHaveLength(49);
		for (const r of lost) {
			expect(r.ok === false && r.reason).toBe('taken');
			expect(r.ok === false && r.reason === 'taken' && r.slots.some((s) => s.start.getTime() === slot.start.getTime())).toBe(false);
		}
		expect(await w.db.select().from(meetings).where(eq(meetings.staffId, w.staff.contact.id))).toHaveLength(1);
	});

	it('keeps a home visit and its travel time apart from other meetings, in the database itself', async () => {
		const w = await world();
		await w.db.insert(bookingRules).values({ staffId: w.staff.contact.id, travelMinutes: 30 });
		const visit = (await firstSlot(w, w.staff.contact.id, 'home')).start;
		expect((await bookMeeting(w.db, w.grant, input(w, visit, { type: 'home' }))).ok).toBe(true);
		const calendar = (await staffCalendar(w.db, w.grant, w.staff.contact.id))!;
		const phones = slotsOf(calendar, 'phone').filter((s) => s.start.getTime() < visit.getTime() + 3 * 3_600_000);
		// Nothing from 30 minutes before the visit to 30 minutes after its hour.
		for (const s of phones) {
			expect(s.end.getTime() <= visit.getTime() - 30 * 60_000 || s.start.getTime() >= visit.getTime() + 90 * 60_000).toBe(true);
		}
		// Straight into the table, past the service: the exclusion constraint refuses an overlap …
		const [existing] = await w.db.select().from(meetings).where(eq(meetings.familyId, w.family.id));
		const row = { ...existing, id: randomUUID(), formKey: randomUUID(), startsAt: new Date(visit.getTime() + 75 * 60_000) };
		row.endsAt = new Date(row.startsAt.getTime() + 30 * 60_000);
		row.blockedFrom = row.startsAt;
		row.blockedUntil = row.endsAt;
		expect(await code(w.db.insert(meetings).values(row))).toBe('23P01');
		// … but not once the visit is cancelled, and never a cancelled one.
		expect(await code(w.db.insert(meetings).values({ ...row, status: 'cancelled' }))).toBe('ok');
		await w.db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, existing.id));
		expect(await code(w.db.insert(meetings).values({ ...row, id: randomUUID(), formKey: randomUUID() }))).toBe('ok');
		// Times the wrong way round, or an interpreter status without a language.
		expect(
			await code(
				w.db.insert(meetings).values({ ...row, id: randomUUID(), formKey: randomUUID(), status: 'cancelled', endsAt: row.startsAt })
			)
		).toBe('23514');
		expect(
			await code(
				w.db.insert(meetings).values({
					...row,
					id: randomUUID(),
					formKey: randomUUID(),
					status: 'cancelled',
					interpreterLanguage: null,
					interpreterStatus: 'arranged'
				})
			)
		).toBe('23514');
	});

	it("lets staff book for a family they work with, and keeps the staff member inside the family's team", async () => {
		const w = await world();
		const grant = await grantFor(w.db, w.contactActor, w.family.id, 'meeting.manage');
		const slot = await firstSlot(w, w.staff.contact.id, 'office');
		const result = await bookMeeting(w.db, grant, input(w, slot.start, { type: 'office' }));
		expect(result.ok).toBe(true);
		const [row] = await w.db.select().from(meetings).where(eq(meetings.familyId, w.family.id));
		expect(row).toMatchObject({ bookedByStaffId: w.staff.contact.id, bookedByMemberId: null, type: 'office' });
		expect(localTime(row.startsAt)).toMatch(/^(0[89]|1[0-5]):[03]0$/);
		// A meeting with staff from another team cannot be stored at all.
		const { id: _, ...rest } = row;
		expect(
			await code(w.db.insert(meetings).values({ ...rest, formKey: randomUUID(), staffId: w.staff.foreign.id, status: 'cancelled' }))
		).toBe('23503');
	});

	it('lists the family\'s own meetings only, lets it move and cancel until the cut-off, and says "too late" after', async () => {
		const w = await world();
		const [a, b] = slotsOf((await staffCalendar(w.db, w.grant, w.staff.contact.id))!, 'phone');
		const first = await bookMeeting(w.db, w.grant, input(w, a.start));
		const second = await bookMeeting(w.db, w.grant, input(w, b.start, { staffId: w.staff.involved.id }));
		if (!first.ok || !second.ok) throw new Error('not booked');
		expect((await listMeetings(w.db, w.grant)).coming.map((m) => m.id)).toEqual([first.id, second.id]);
		expect((await nextMeeting(w.db, w.grant))?.id).toBe(first.id);
		// Another family sees none of it, and cannot touch it.
		const stranger = familyActor(w.other.members[0], (await makeUser(w.db, { familyMemberId: w.other.members[0].id })).id);
		const theirs = ownFamily(stranger, 'meeting.book')!;
		expect(await listMeetings(w.db, theirs)).toEqual({ coming: [], earlier: [] });
		expect(await getMeeting(w.db, theirs, first.id)).toBeNull();
		expect(await cancelMeeting(w.db, theirs, { id: first.id, reason: '' })).toEqual({ ok: false, reason: 'notFound' });
		expect(await moveMeeting(w.db, theirs, { id: first.id, start: b.start, reason: '' })).toMatchObject({ ok: false, reason: 'notFound' });

		// Move to a later free time: same meeting, a new SEQUENCE for calendars.
		const later = slotsOf((await staffCalendar(w.db, w.grant, w.staff.contact.id, first.id))!, 'phone').at(-1)!;
		expect(await moveMeeting(w.db, w.grant, { id: first.id, start: later.start, reason: 'Skole' })).toEqual({ ok: true });
		const moved = (await getMeeting(w.db, w.grant, first.id))!;
		expect(moved.startsAt.getTime()).toBe(later.start.getTime());
		expect(moved).toMatchObject({ sequence: 1, changeNote: 'Skole', status: 'booked' });
		// A time that is not free is refused with fresh times.
		expect(await moveMeeting(w.db, w.grant, { id: first.id, start: new Date(Date.now() + 3_600_000), reason: '' })).toMatchObject({
			ok: false,
			reason: 'taken'
		});

		// Inside the cut-off (24 hours by default) the family is asked to call.
		const justBefore = new Date(moved.startsAt.getTime() - 2 * 3_600_000);
		expect(await cancelMeeting(w.db, w.grant, { id: first.id, reason: '' }, justBefore)).toEqual({ ok: false, reason: 'tooLate' });
		expect(await cancelMeeting(w.db, w.grant, { id: first.id, reason: 'Syg' })).toEqual({ ok: true });
		const cancelled = (await getMeeting(w.db, w.grant, first.id))!;
		expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2, changeNote: 'Syg' });
		expect((await listMeetings(w.db, w.grant)).earlier.map((m) => m.id)).toEqual([first.id]);
		// Cancelled frees the time; cancelling again finds nothing to cancel.
		expect(
			slotsOf((await staffCalendar(w.db, w.grant, w.staff.contact.id))!, 'phone').some((s) => s.start.getTime() === later.start.getTime())
		).toBe(true);
		expect(await cancelMeeting(w.db, w.grant, { id: first.id, reason: '' })).toEqual({ ok: false, reason: 'tooLate' });
	});

	it('offers the contact person first, then the involved, each with the kinds of meeting they offer', async () => {
		const w = await world();
		await w.db.delete(availabilityWindows).where(eq(availabilityWindows.staffId, w.staff.involved.id));
		await w.db
			.insert(availabilityWindows)
			.values({ staffId: w.staff.involved.id, weekday: 2, startsAt: '09:00', endsAt: '11:00', types: ['walk', 'phone'] });
		const list = await bookableStaff(w.db, w.grant);
		expect(list.map((s) => [s.id, s.contact, s.types])).toEqual([
			[w.staff.contact.id, true, ['home', 'office', 'walk', 'phone', 'video']],
			[w.staff.involved.id, false, ['walk', 'phone']]
		]);
	});

	it('names the stand-in while the contact person is away, and gives a phone number to call when no time is free', async () => {
		const w = await world();
		await w.db.update(staff).set({ phone: '+45 40 40 12 34' }).where(eq(staff.id, w.staff.contact.id));
		await absence(w.db, w.staff.contact, 0, 3, w.staff.colleague.id);
		const list = await bookableStaff(w.db, w.grant);
		expect(list[0]).toMatchObject({ id: w.staff.contact.id, contact: true, away: true, standIn: false });
		expect(list.find((s) => s.id === w.staff.colleague.id)).toMatchObject({ contact: false, away: false, standIn: true });
		expect(list.find((s) => s.id === w.staff.involved.id)).toMatchObject({ contact: false, away: false, standIn: false });
		expect(list).toHaveLength(3);
		const calendar = (await staffCalendar(w.db, w.grant, w.staff.contact.id))!;
		expect(calendar.phone).toBe('+45 40 40 12 34');
		// No time while away: the first free one is after the last day off.
		const first = slotsOf(calendar, 'phone')[0];
		expect(first.start.getTime()).toBeGreaterThanOrEqual(zonedInstant(localDay(new Date(Date.now() + 4 * 86_400_000)), '00:00')!.getTime());
	});

	it("lists the family's own members for booking, the one signed in first, with the language each prefers", async () => {
		const w = await world();
		await makeFamily(w.db, w.team.id, w.staff.contact.id, [{ role: 'parent' }]);
		const members = await bookingMembers(w.db, w.grant);
		expect(members.map((m) => m.id)).toEqual([w.members[0].id, w.members[1].id]);
		expect(members.map((m) => m.preferredLanguage)).toEqual([w.members[0].preferredLanguage, w.members[1].preferredLanguage]);
		const asOther = ownFamily(familyActor(w.members[1], (await makeUser(w.db, { familyMemberId: w.members[1].id })).id), 'meeting.book')!;
		expect((await bookingMembers(w.db, asOther)).map((m) => m.id)).toEqual([w.members[1].id, w.members[0].id]);
	});

	it('groups free times by Copenhagen day, soonest first', async () => {
		const w = await world();
		const slots = slotsOf((await staffCalendar(w.db, w.grant, w.staff.contact.id))!, 'phone');
		const days = slotsByDay(slots);
		expect(days.flatMap((d) => d.slots).length).toBe(slots.length);
		expect(days.map((d) => d.day)).toEqual([...new Set(slots.map((s) => localDay(s.start)))]);
		for (const d of days) for (const s of d.slots) expect(localDay(new Date(s.start))).toBe(d.day);
		expect(days[0].slots[0]).toEqual({ start: slots[0].start.toISOString(), end: slots[0].end.toISOString() });
	});

	it("makes the receipt and the calendar file in the reader's language", async () => {
		const w = await world();
		const slot = await firstSlot(w);
		const booked = await bookMeeting(w.db, w.grant, input(w, slot.start, { interpreterLanguage: 'ar', topic: 'Skolen, og arbejde' }));
		if (!booked.ok) throw new Error('not booked');
		const meeting = (await getMeeting(w.db, w.grant, booked.id))!;
		const view = meetingView(meeting);
		expect(view).toMatchObject({
			id: booked.id,
			type: 'phone',
			status: 'booked',
			startsAt: slot.start.toISOString(),
			endsAt: slot.end.toISOString(),
			interpreterLanguage: 'ar',
			interpreterStatus: 'requested',
			members: [w.members[0].name],
			mayChange: true
		});
		expect(meetingView(meeting, new Date(meeting.cutoff.getTime() + 1)).mayChange).toBe(false);
		const file = meetingCalendarFile(meeting, { t: translatorFor('en'), locale: 'en' }, 'https://opgang.example/meetings/x');
		expect(file).toContain(`UID:${booked.id}@opgang`);
		expect(file).toContain(`SUMMARY:Phone call with ${w.staff.contact.name}`);
		expect(file).toContain('Interpreter: Arabic');
		expect(file).toContain('LOCATION:We call you');
		const danish = meetingCalendarFile(meeting, { t: translatorFor('da'), locale: 'da' }, 'https://opgang.example/meetings/x');
		expect(danish).toContain(`SUMMARY:Telefonmøde med ${w.staff.contact.name}`);
		expect(danish).toContain('Tolk: arabisk');
	});
});

describeEachBackend('meetings: the staff side', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id);
		const standIn = await makeStaff(db, team.id, { department: 'social' });
		const colleague = await makeStaff(db, team.id, { department: 'culture' });
		const leader = await makeStaff(db, team.id, { role: 'team_leader', department: 'social' });
		const otherTeam = await makeTeam(db);
		const stranger = await makeStaff(db, otherTeam.id);
		for (const s of [contact, colleague]) await openWeek(db, s.id);
		const { family, members } = await makeFamily(db, team.id, contact.id, [{ role: 'parent' }]);
		const parent = familyActor(members[0], (await makeUser(db, { familyMemberId: members[0].id })).id);
		const actor = async (s: typeof contact) => staffActor(s, (await makeUser(db, { staffId: s.id })).id);
		return {
			db,
			family,
			members,
			staff: { contact, standIn, colleague, leader, stranger },
			actors: {
				contact: await actor(contact),
				standIn: await actor(standIn),
				colleague: await actor(colleague),
				leader: await actor(leader),
				stranger: await actor(stranger)
			},
			parent,
			familyGrant: ownFamily(parent, 'meeting.book')!
		};
	}

	it("shows a staff member their own meetings, a stand-in the away colleague's, and nobody else any", async () => {
		const w = await world();
		const grant = await grantFor(w.db, w.actors.contact, w.family.id, 'meeting.manage');
		const [slot] = slotsOf((await staffCalendar(w.db, grant, w.staff.contact.id))!, 'home');
		const booked = await bookMeeting(w.db, grant, {
			staffId: w.staff.contact.id,
			type: 'home',
			start: slot.start,
			memberIds: [],
			interpreterLanguage: 'ar',
			place: '',
			topic: '',
			formKey: randomUUID()
		});
		if (!booked.ok) throw new Error('not booked');
		const week = [new Date(Date.now() - 86_400_000), new Date(Date.now() + 40 * 86_400_000)] as const;
		expect((await staffMeetings(w.db, w.actors.contact, ...week)).map((m) => m.id)).toEqual([booked.id]);
		expect(await staffMeetings(w.db, w.actors.standIn, ...week)).toEqual([]);
		expect(await staffMeetings(w.db, w.actors.colleague, ...week)).toEqual([]);
		expect(await meetingFamily(w.db, w.actors.colleague, booked.id)).toBeNull();
		expect(await meetingFamily(w.db, w.actors.stranger, booked.id)).toBeNull();
		await absence(w.db, w.staff.contact, 0, 2, w.staff.standIn.id);
		expect((await staffMeetings(w.db, w.actors.standIn, ...week)).map((m) => [m.id, m.staffName])).toEqual([
			[booked.id, w.staff.contact.name]
		]);
		expect(await meetingFamily(w.db, w.actors.standIn, booked.id)).toBe(w.family.id);
	});

	it('lets staff move a meeting within the notice the family keeps to, and answers a time taken with the free times as staff see them', async () => {
		const w = await world();
		const grant = await grantFor(w.db, w.actors.contact, w.family.id, 'meeting.manage');
		const calendar = (await staffCalendar(w.db, grant, w.staff.contact.id))!;
		expect(calendar.rules.noticeHours).toBeGreaterThan(1);
		const slots = slotsOf(calendar, 'office');
		const book = async (start: Date) => {
			const booked = await bookMeeting(w.db, grant, {
				staffId: w.staff.contact.id,
				type: 'office',
				start,
				memberIds: [w.members[0].id],
				interpreterLanguage: null,
				place: '',
				topic: '',
				formKey: randomUUID()
			});
			if (!booked.ok) throw new Error('not booked');
			return booked.id;
		};
		const far = await book(slots[slots.length - 1].start);
		// A time well after the target (not touching it with travel), taken by another meeting.
		const other = slots.find((x) => x.start.getTime() > slots[0].start.getTime() + 4 * 3_600_000)!;
		const taken = await book(other.start);
		// An hour before slots[0]: within the family's notice, not within the staff's.
		const now = new Date(slots[0].start.getTime() - 3_600_000);
		const family = await moveMeeting(w.db, w.familyGrant, { id: far, start: slots[0].start, reason: '' }, now);
		expect(family).toMatchObject({ ok: false, reason: 'taken' });
		expect(
			family.ok === false && family.reason === 'taken' && family.slots.some((s) => s.start.getTime() === slots[0].start.getTime())
		).toBe(false);
		// Staff asking for a time that is taken get the free times without the notice, slots[0] among them.
		const refused = await staffMove(w.db, grant, { id: far, start: other.start, note: '' }, now);
		expect(refused).toMatchObject({ ok: false, reason: 'taken' });
		expect(
			refused.ok === false && refused.reason === 'taken' && refused.slots.some((s) => s.start.getTime() === slots[0].start.getTime())
		).toBe(true);
		expect(await staffMove(w.db, grant, { id: far, start: slots[0].start, note: 'Som aftalt i telefonen' }, now)).toEqual({ ok: true });
		expect(await getMeeting(w.db, w.familyGrant, far)).toMatchObject({ startsAt: slots[0].start, changeNote: 'Som aftalt i telefonen' });
		expect((await getMeeting(w.db, w.familyGrant, taken))?.startsAt).toEqual(other.start);
	});

	it('arranges the interpreter, moves and cancels with a word to the family, and marks held only once it has begun', async () => {
		const w = await world();
		const grant = await grantFor(w.db, w.actors.contact, w.family.id, 'meeting.manage');
		const slots = slotsOf((await staffCalendar(w.db, grant, w.staff.contact.id))!, 'office');
		const booked = await bookMeeting(w.db, grant, {
			staffId: w.staff.contact.id,
			type: 'office',
			start: slots[0].start,
			memberIds: [w.members[0].id],
			interpreterLanguage: 'so',
			place: '',
			topic: '',
			formKey: randomUUID()
		});
		if (!booked.ok) throw new Error('not booked');
		expect(await setInterpreterStatus(w.db, grant, { id: booked.id, status: 'arranged' })).toBe(true);
		expect((await getMeeting(w.db, w.familyGrant, booked.id))?.interpreterStatus).toBe('arranged');
		// The family cannot use the staff's actions.
		expect(await setInterpreterStatus(w.db, w.familyGrant, { id: booked.id, status: 'not_possible' })).toBe(false);
		expect(await staffCancel(w.db, w.familyGrant, { id: booked.id, note: '' })).toBe(false);
		// Not yet begun: neither held nor not held.
		expect(await markHeld(w.db, grant, { id: booked.id, held: true })).toBe(false);
		expect(await staffMove(w.db, grant, { id: booked.id, start: slots[3].start, note: 'Jeg er på kursus' })).toEqual({ ok: true });
		expect(await getMeeting(w.db, w.familyGrant, booked.id)).toMatchObject({ changeNote: 'Jeg er på kursus', sequence: 1 });
		expect(await staffCancel(w.db, grant, { id: booked.id, note: 'Syg' })).toBe(true);
		expect(await getMeeting(w.db, w.familyGrant, booked.id)).toMatchObject({ status: 'cancelled', changeNote: 'Syg', sequence: 2 });
		// A meeting that has begun can be marked.
		const twoHoursAgo = new Date(Date.now() - 7_200_000);
		const ninetyMinutesAgo = new Date(twoHoursAgo.getTime() + 1_800_000);
		const [past] = await w.db
			.insert(meetings)
			.values({
				familyId: w.family.id,
				teamId: w.staff.contact.teamId,
				staffId: w.staff.contact.id,
				type: 'phone',
				status: 'booked',
				startsAt: twoHoursAgo,
				endsAt: ninetyMinutesAgo,
				// The same instants, not Date.now() again: a millisecond later would break meetings_times.
				blockedFrom: twoHoursAgo,
				blockedUntil: ninetyMinutesAgo,
				formKey: randomUUID()
			})
			.returning();
		expect(await markHeld(w.db, grant, { id: past.id, held: false })).toBe(true);
		expect((await getMeeting(w.db, w.familyGrant, past.id))?.status).toBe('not_held');
	});

	it('proposes a time that the family accepts or declines; never the other way round', async () => {
		const w = await world();
		const grant = await grantFor(w.db, w.actors.contact, w.family.id, 'meeting.manage');
		const slots = slotsOf((await staffCalendar(w.db, grant, w.staff.contact.id))!, 'walk');
		const propose = async (i: number) => {
			const r = await bookMeeting(w.db, grant, {
				staffId: w.staff.contact.id,
				type: 'walk',
				start: slots[i].start,
				memberIds: [],
				interpreterLanguage: null,
				place: 'Ved søen',
				topic: '',
				formKey: randomUUID(),
				propose: true
			});
			if (!r.ok) throw new Error('not proposed');
			return r.id;
		};
		const a = await propose(0);
		const b = await propose(4);
		expect((await getMeeting(w.db, w.familyGrant, a))?.status).toBe('proposed');
		// A family's own booking never comes out as a proposal.
		const own = await bookMeeting(w.db, w.familyGrant, {
			staffId: w.staff.contact.id,
			type: 'walk',
			start: slots[8].start,
			memberIds: [],
			interpreterLanguage: null,
			place: '',
			topic: '',
			formKey: randomUUID(),
			propose: true
		});
		expect(own.ok && (await getMeeting(w.db, w.familyGrant, own.id))?.status).toBe('booked');
		expect(await answerProposal(w.db, grant, { id: a, accept: true, reason: '' })).toBe(false);
		expect(await answerProposal(w.db, w.familyGrant, { id: a, accept: true, reason: '' })).toBe(true);
		expect((await getMeeting(w.db, w.familyGrant, a))?.status).toBe('booked');
		expect(await answerProposal(w.db, w.familyGrant, { id: a, accept: false, reason: '' })).toBe(false);
		expect(await answerProposal(w.db, w.familyGrant, { id: b, accept: false, reason: 'Vi er ude at rejse' })).toBe(true);
		expect(await getMeeting(w.db, w.familyGrant, b)).toMatchObject({ status: 'cancelled', changeNote: 'Vi er ude at rejse' });
	});

	it('lets a staff member and their team leader change their availability, and nobody else', async () => {
		const w = await world();
		expect(await staffGrant(w.db, w.actors.contact, w.staff.contact.id)).not.toBeNull();
		expect(await staffGrant(w.db, w.actors.leader, w.staff.contact.id)).not.toBeNull();
		expect(await staffGrant(w.db, w.actors.colleague, w.staff.contact.id)).toBeNull();
		expect(await staffGrant(w.db, w.actors.stranger, w.staff.contact.id)).toBeNull();
		expect(await staffGrant(w.db, w.parent, w.staff.contact.id)).toBeNull();
		const mine = (await staffGrant(w.db, w.actors.standIn, w.staff.standIn.id))!;
		await addWindow(w.db, mine, { weekday: 2, startsAt: '09:00', endsAt: '12:00', types: ['phone', 'walk'] });
		await saveRules(w.db, mine, { ...defaultRules, minutes: { ...defaultRules.minutes, phone: 20 }, travelMinutes: 15 });
		await addTimeOff(w.db, mine, {
			startsAt: new Date(Date.now() + 86_400_000),
			endsAt: new Date(Date.now() + 90_000_000),
			kind: 'course'
		});
		const a = (await getAvailability(w.db, mine))!;
		expect(a.windows.map((x) => [x.weekday, x.startsAt, x.endsAt, x.types])).toEqual([[2, '09:00', '12:00', ['phone', 'walk']]]);
		expect(a.rules).toMatchObject({ minutes: { phone: 20, home: 60 }, travelMinutes: 15 });
		expect(a.timeOff).toHaveLength(1);
		// Someone else's window id changes nothing.
		const theirs = (await staffGrant(w.db, w.actors.contact, w.staff.contact.id))!;
		expect(await removeWindow(w.db, theirs, a.windows[0].id)).toBe(false);
		expect(await removeTimeOff(w.db, theirs, a.timeOff[0].id)).toBe(false);
		expect(await removeWindow(w.db, mine, a.windows[0].id)).toBe(true);
		expect(await removeTimeOff(w.db, mine, a.timeOff[0].id)).toBe(true);
		// The database refuses nonsense the form should already have caught.
		expect(await code(addWindow(w.db, mine, { weekday: 8, startsAt: '09:00', endsAt: '12:00', types: ['phone'] }))).toBe('23514');
		expect(await code(addWindow(w.db, mine, { weekday: 1, startsAt: '12:00', endsAt: '09:00', types: ['phone'] }))).toBe('23514');
		expect(await code(addWindow(w.db, mine, { weekday: 1, startsAt: '09:00', endsAt: '12:00', types: [] }))).toBe('23514');
	});
});
