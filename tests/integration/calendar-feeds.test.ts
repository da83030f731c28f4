/**
 * Private calendar feeds (meetings/feeds.ts): only a hash of the secret is stored; a new link
 * revokes the old one at once; turning off deletes it; a staff member's feed holds only the
 * meetings they hold, a family member's exactly what they see on /meetings — never another
 * family's — in their own language; cancelled meetings say CANCELLED; a malformed secret runs
 * no query at all.
 */
import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { describeEachBackend } from './harness';
import { familyActor, grantFor, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { ownFamily } from '../../src/lib/server/access';
import { feedFor, feedPastDays, getFeed, makeFeed, turnOffFeed } from '../../src/lib/server/meetings/feeds';
import { listMeetings } from '../../src/lib/server/meetings/meetings';
import { meetingUid } from '../../src/lib/server/meetings/ics';
import { hashSecret } from '../../src/lib/server/auth/tokens';
import { createReset, resetPassword } from '../../src/lib/server/auth/resets';
import { calendarFeeds, meetings, users } from '../../src/lib/server/db/schema';
import { zonedInstant } from '../../src/lib/time/zone';
import type { Db } from '../../src/lib/server/db';
import type { MeetingStatus, MeetingType } from '../../src/lib/codes';
import ar from '../../messages/ar.json';

const day = 86_400_000;
const origin = 'https://opgang.example';

const code = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => e.cause?.code ?? e.code
	);

function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	return {
		name: calendar.getFirstPropertyValue('x-wr-calname'),
		refresh: calendar.getFirstPropertyValue('refresh-interval')?.toString(),
		events: calendar.getAllSubcomponents('vevent').map((v) => {
			const e = new ICAL.Event(v);
			return {
				uid: e.uid,
				summary: e.summary,
				description: e.description,
				location: e.location,
				sequence: e.sequence,
				status: v.getFirstPropertyValue('status'),
				url: v.getFirstPropertyValue('url'),
				start: e.startDate.toJSDate(),
				end: e.endDate.toJSDate()
			};
		})
	};
}

/** The wall-clock time in Copenhagen, "09:00". */
const copenhagen = (d: Date) =>
	new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);

describeEachBackend('calendar feeds', (ctx) => {
	let slot = 0;
	/** A meeting written directly (each at its own time, so none overlap). */
	async function meeting(
		db: Db,
		m: { familyId: string; teamId: string; staffId: string },
		over: { start?: Date; status?: MeetingStatus; type?: MeetingType; place?: string; topic?: string; sequence?: number } = {}
	) {
		const start = over.start ?? new Date(Date.now() + (++slot + 2) * day);
		const end = new Date(start.getTime() + 30 * 60_000);
		const [row] = await db
			.insert(meetings)
			.values({
				...m,
				type: over.type ?? 'phone',
				status: over.status ?? 'booked',
				startsAt: start,
				endsAt: end,
				blockedFrom: start,
				blockedUntil: end,
				place: over.place ?? '',
				topic: over.topic ?? 'Theos skole og farmors ryg',
				sequence: over.sequence ?? 0,
				formKey: randomUUID()
			})
			.returning({ id: meetings.id });
		return row.id;
	}

	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id, { name: 'Mette Kjær' });
		const colleague = await makeStaff(db, team.id, { name: 'Ali Demir' });
		const { family, members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'parent', name: 'Amina' },
			{ role: 'child', name: 'Yusuf', birthYear: new Date().getFullYear() - 15 }
		]);
		const other = await makeFamily(db, team.id, colleague.id);
		const parentUser = await makeUser(db, { familyMemberId: members[0].id });
		const teenUser = await makeUser(db, { familyMemberId: members[1].id });
		const otherUser = await makeUser(db, { familyMemberId: other.members[0].id });
		return {
			db,
			team,
			family,
			other,
			contact,
			colleague,
			staff: staffActor(contact, (await makeUser(db, { staffId: contact.id })).id),
			colleagueActor: staffActor(colleague, (await makeUser(db, { staffId: colleague.id })).id),
			parent: familyActor(members[0], parentUser.id),
			teen: familyActor(members[1], teenUser.id),
			otherParent: familyActor(other.members[0], otherUser.id),
			ours: { familyId: family.id, teamId: team.id, staffId: contact.id },
			theirs: { familyId: other.family.id, teamId: team.id, staffId: colleague.id }
		};
	}

	it('stores only a hash of the secret, one feed per person, and never two owners on one row', async () => {
		const w = await world();
		const secret = await makeFeed(w.db, w.staff);
		expect(secret).toMatch(/^[a-z2-7]{39}$/);
		const rows = await w.db.select().from(calendarFeeds).where(eq(calendarFeeds.staffId, w.contact.id));
		expect(rows).toHaveLength(1);
		expect([...rows[0].secretHash]).toEqual([...hashSecret(secret)]);
		expect(JSON.stringify({ ...rows[0], secretHash: [...rows[0].secretHash] })).not.toContain(secret);
		expect(rows[0].familyMemberId).toBeNull();
		// The database refuses a row with no owner or two, and a second row for the same person.
		const hash = (n: number) => new Uint8Array(32).fill(n);
		expect(await code(w.db.insert(calendarFeeds).values({ secretHash: hash(1) }))).toBe('23514');
		expect(
			await code(w.db.insert(calendarFeeds).values({ staffId: w.contact.id, familyMemberId: w.parent.memberId, secretHash: hash(2) }))
		).toBe('23514');
		expect(await code(w.db.insert(calendarFeeds).values({ staffId: w.contact.id, secretHash: hash(3) }))).toBe('23505');
		expect(await code(w.db.insert(calendarFeeds).values({ staffId: w.contact.id, secretHash: new Uint8Array(8) }))).toBe('23514');
	});

	it("a staff member's feed holds the meetings they hold — cancelled ones as CANCELLED — and nothing personal beyond kind, family and place", async () => {
		const w = await world();
		const booked = await meeting(w.db, w.ours, { type: 'home', place: 'Gellerupvej 12, 8220 Brabrand' });
		const cancelled = await meeting(w.db, w.ours, { status: 'cancelled', sequence: 2 });
		const proposed = await meeting(w.db, w.ours, { status: 'proposed', type: 'video' });
		const held = await meeting(w.db, w.ours, { status: 'held', start: new Date(Date.now() - 10 * day) });
		await meeting(w.db, w.ours, { status: 'held', start: new Date(Date.now() - (feedPastDays + 2) * day) });
		const colleagues = await meeting(w.db, w.theirs);

		const secret = await makeFeed(w.db, w.staff);
		const feed = parse((await feedFor(w.db, secret, origin))!);
		expect(feed.name).toBe('Opgang: møder');
		expect(feed.refresh).toBe('PT15M');
		expect(feed.events.map((e) => e.uid).sort()).toEqual([booked, cancelled, proposed, held].map(meetingUid).sort());
		expect(feed.events.some((e) => e.uid === meetingUid(colleagues))).toBe(false);

		const byId = (id: string) => feed.events.find((e) => e.uid === meetingUid(id))!;
		const name = w.family.name;
		expect(byId(booked)).toMatchObject({
			summary: `Hjemmebesøg med familien ${name}`,
			location: 'Gellerupvej 12, 8220 Brabrand',
			status: 'CONFIRMED',
			url: `${origin}/staff/families/${w.family.id}/meetings`,
			description: `${origin}/staff/families/${w.family.id}/meetings`
		});
		expect(byId(cancelled)).toMatchObject({ status: 'CANCELLED', sequence: 2 });
		expect(byId(proposed)).toMatchObject({ status: 'TENTATIVE', summary: `Forslag: Videomøde med familien ${name}` });
		// No topic, no names of who takes part.
		const text = (await feedFor(w.db, secret, origin))!;
		expect(text).not.toContain('Theos skole');
		expect(text).not.toContain('Amina');
		// The colleague's own feed has the colleague's meeting only.
		const theirs = parse((await feedFor(w.db, await makeFeed(w.db, w.colleagueActor), origin))!);
		expect(theirs.events.map((e) => e.uid)).toEqual([meetingUid(colleagues)]);
	});

	it('writes the right instants in winter and in summer time (Copenhagen wall clock 09:00 both)', async () => {
		const w = await world();
		const year = new Date().getFullYear() + 1;
		const winter = await meeting(w.db, w.ours, { start: zonedInstant(`${year}-01-12`, '09:00')! });
		const summer = await meeting(w.db, w.ours, { start: zonedInstant(`${year}-07-13`, '09:00')! });
		const feed = parse((await feedFor(w.db, await makeFeed(w.db, w.staff), origin))!);
		for (const [id, iso] of [
			[winter, `${year}-01-12T08:00:00.000Z`],
			[summer, `${year}-07-13T07:00:00.000Z`]
		]) {
			const e = feed.events.find((x) => x.uid === meetingUid(id))!;
			expect(e.start.toISOString()).toBe(iso);
			expect(copenhagen(e.start)).toBe('09:00');
			expect(copenhagen(e.end)).toBe('09:30');
		}
	});

	it('a new link revokes the old one at once; turning off deletes the feed', async () => {
		const w = await world();
		await meeting(w.db, w.ours);
		const first = await makeFeed(w.db, w.staff);
		expect(await feedFor(w.db, first, origin)).toContain('BEGIN:VEVENT');
		expect((await getFeed(w.db, w.staff))!.lastFetchedAt).not.toBeNull();
		const second = await makeFeed(w.db, w.staff);
		expect(second).not.toBe(first);
		expect(await feedFor(w.db, first, origin)).toBeNull();
		expect(await feedFor(w.db, second, origin)).toContain('BEGIN:VEVENT');
		expect(await w.db.select().from(calendarFeeds).where(eq(calendarFeeds.staffId, w.contact.id))).toHaveLength(1);
		// The page learns whether a link just made is still the current one.
		expect(await getFeed(w.db, w.staff, first)).toMatchObject({ current: false });
		expect(await getFeed(w.db, w.staff, second)).toMatchObject({ current: true });
		expect(await getFeed(w.db, w.staff, 'not a secret')).toMatchObject({ current: false });

		expect(await turnOffFeed(w.db, w.staff)).toBe(true);
		expect(await feedFor(w.db, second, origin)).toBeNull();
		expect(await getFeed(w.db, w.staff)).toBeNull();
		expect(await turnOffFeed(w.db, w.staff)).toBe(false);
	});

	it("a family member's feed is what they see on /meetings, in their language — never another family's", async () => {
		const w = await world();
		const ours = [
			await meeting(w.db, w.ours, { type: 'walk', place: 'Ved bænken foran Netto' }),
			await meeting(w.db, w.ours, { status: 'cancelled' }),
			await meeting(w.db, w.ours, { status: 'held', start: new Date(Date.now() - 3 * day) })
		];
		const theirs = await meeting(w.db, w.theirs);
		await w.db.update(users).set({ locale: 'ar' }).where(eq(users.id, w.parent.id));

		const parentFeed = parse((await feedFor(w.db, await makeFeed(w.db, w.parent), origin))!);
		const teenFeed = parse((await feedFor(w.db, await makeFeed(w.db, w.teen), origin))!);
		const otherFeed = parse((await feedFor(w.db, await makeFeed(w.db, w.otherParent), origin))!);
		const uids = (f: ReturnType<typeof parse>) => f.events.map((e) => e.uid).sort();

		expect(uids(parentFeed)).toEqual(ours.map(meetingUid).sort());
		expect(uids(otherFeed)).toEqual([meetingUid(theirs)]);
		// Exactly the /meetings list of each member (meetings carry no member-private visibility
		// today; the feed uses the list's own SQL, so if they ever do, a teenager's stay theirs).
		for (const [actor, feed] of [
			[w.parent, parentFeed],
			[w.teen, teenFeed]
		] as const) {
			const { coming, earlier } = await listMeetings(w.db, ownFamily(actor, 'meeting.book')!);
			expect(uids(feed)).toEqual([...coming, ...earlier].map((m) => meetingUid(m.id)).sort());
		}

		const walk = parentFeed.events.find((e) => e.uid === meetingUid(ours[0]))!;
		expect(parentFeed.name).toBe('Opgang: المواعيد');
		expect(walk.summary).toBe(ar.meetings.icsSummary.replace('{{type}}', ar.meetingType.walk).replace('{{name}}', 'Mette Kjær'));
		expect(walk.location).toBe('Ved bænken foran Netto');
		expect(walk.url).toBe(`${origin}/meetings/${ours[0]}`);
		expect(walk.description).toContain(`${origin}/meetings/${ours[0]}`);
		expect(parentFeed.events.find((e) => e.uid === meetingUid(ours[1]))!.status).toBe('CANCELLED');
		// The teenager's feed speaks Danish (their own sign-in's language), and no topic anywhere.
		expect(teenFeed.events.find((e) => e.uid === meetingUid(ours[0]))!.summary).toBe('Gåtur og snak med Mette Kjær');
		expect(JSON.stringify(parentFeed)).not.toContain('Theos skole');
	});

	it('a malformed secret runs no query; an unknown one, or one whose owner lost the sign-in, is null', async () => {
		const w = await world();
		const untouchable = new Proxy({} as Db, {
			get() {
				throw new Error('a malformed secret reached the database');
			}
		});
		for (const bad of ['', 'short', 'A'.repeat(39), `${'a'.repeat(39)}.ics`, '%00', 'a'.repeat(40), `${'a'.repeat(38)}1`])
			expect(await feedFor(untouchable, bad, origin)).toBeNull();
		expect(await feedFor(w.db, 'a'.repeat(39), origin)).toBeNull();

		const secret = await makeFeed(w.db, w.otherParent);
		expect(await feedFor(w.db, secret, origin)).not.toBeNull();
		await w.db.delete(users).where(eq(users.id, w.otherParent.id));
		expect(await feedFor(w.db, secret, origin)).toBeNull();
	});

	it('a new password from a reset link turns the person’s feed off (a lost phone’s calendar gets no more)', async () => {
		const w = await world();
		const secret = await makeFeed(w.db, w.parent);
		const staffSecret = await makeFeed(w.db, w.staff);
		const created = await createReset(w.db, await grantFor(w.db, w.staff, w.family.id, 'signIn.reset'), w.parent.memberId);
		if (!created.ok) throw new Error(created.reason);
		expect(await resetPassword(w.db, { token: created.token }, { password: 'ny frisk morgen', address: '198.51.100.7' })).toMatchObject({
			ok: true
		});
		expect(await feedFor(w.db, secret, origin)).toBeNull();
		expect(await getFeed(w.db, w.parent)).toBeNull();
		expect(await feedFor(w.db, staffSecret, origin)).not.toBeNull();
	});
});
