/**
 * The team's figures (issue 15): a synthetic team whose answers were worked out by hand, below
 * each fact, before the code ran. The dashboard must reproduce them exactly, for the team
 * leader (the whole team) and for a caseworker (the families they work with); another team's
 * leader counts none of it.
 *
 * The period is January–June 2026: counted from 2026-01-01 to 2026-06-30, Copenhagen time.
 */
import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { makeFamily, makeStaff, makeTeam, makeUser, staffActor, involve } from './fixtures';
import { teamDashboard } from '../../src/lib/server/dashboard';
import { seedOpportunities } from '../../src/lib/server/demo/opportunities';
import { checkins, conversations, families, interests, meetings, messages, opportunities, outcomes } from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db';
import type { LifeArea, MeetingType, WorkStatus } from '../../src/lib/codes';

const period = { from: '2026-01', to: '2026-06' };

describeEachBackend('dashboard', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const asta = await makeStaff(db, team.id, { name: 'Asta Caseworker' });
		const bo = await makeStaff(db, team.id, { name: 'Bo Caseworker' });
		const lis = await makeStaff(db, team.id, { name: 'Lis Leader', role: 'team_leader' });
		const leader = staffActor(lis, (await makeUser(db, { staffId: lis.id })).id);
		const caseworker = staffActor(asta, (await makeUser(db, { staffId: asta.id })).id);

		const family = async (
			contact: string,
			enrolledOn: string,
			members: Parameters<typeof makeFamily>[3],
			end?: string,
			teamId = team.id
		) => {
			const made = await makeFamily(db, teamId, contact, members);
			await db
				.update(families)
				.set(end ? { enrolledOn, endedOn: end, status: 'ended', endedReason: 'goals_reached' } : { enrolledOn })
				.where(eq(families.id, made.family.id));
			return made;
		};
		// F1: with the team all six months. P1, P2 parents; G an other adult; C1 (14), C2 (9), C5 (17).
		const f1 = await family(asta.id, '2025-11-10', [
			{ role: 'parent' },
			{ role: 'parent' },
			{ role: 'other_adult' },
			{ role: 'child', birthYear: 2012 },
			{ role: 'child', birthYear: 2017 },
			{ role: 'child', birthYear: 2009 }
		]);
		// F2: joined 16 February. P3 parent (no notes), C3 (16).
		const f2 = await family(asta.id, '2026-02-16', [{ role: 'parent' }, { role: 'child', birthYear: 2010 }]);
		// F3: ended 20 April. P4 parent, C4 (11).
		const f3 = await family(bo.id, '2025-06-02', [{ role: 'parent' }, { role: 'child', birthYear: 2015 }], '2026-04-20');
		// F4: joins after the period (July). F5: ended before it (December 2025).
		const f4 = await family(bo.id, '2026-07-06', [{ role: 'parent' }]);
		const f5 = await family(asta.id, '2024-03-01', [{ role: 'parent' }, { role: 'child', birthYear: 2012 }], '2025-12-15');
		await involve(db, f1.family.id, bo.id);
		await involve(db, f2.family.id, lis.id);
		await involve(db, f4.family.id, asta.id);

		// Another team's family, with notes of every kind: never counted here.
		const elsewhere = await makeTeam(db);
		const theirLeader = await makeStaff(db, elsewhere.id, { role: 'team_leader' });
		const stranger = await family(
			theirLeader.id,
			'2025-01-06',
			[{ role: 'parent' }, { role: 'child', birthYear: 2012 }],
			undefined,
			elsewhere.id
		);
		const otherLeader = staffActor(theirLeader, (await makeUser(db, { staffId: theirLeader.id })).id);

		return { db, team, asta, bo, lis, leader, caseworker, otherLeader, f1, f2, f3, f4, f5, stranger };
	}

	type World = Awaited<ReturnType<typeof world>>;
	type Member = World['f1']['members'][number];

	const work = (db: Db, m: Member, ...steps: [string, WorkStatus][]) =>
		db.insert(outcomes).values(
			steps.map(([fromOn, w]) => ({
				familyId: m.familyId,
				memberId: m.id,
				kind: 'work' as const,
				visibility: 'adults' as const,
				fromOn,
				work: w
			}))
		);
	const school = (db: Db, m: Member, ...terms: [string, number][]) =>
		db.insert(outcomes).values(
			terms.map(([fromOn, absencePercent]) => ({
				familyId: m.familyId,
				memberId: m.id,
				kind: 'school' as const,
				visibility: 'member_private' as const,
				fromOn,
				absencePercent
			}))
		);
	const youth = (db: Db, m: Member, ...steps: [string, 'job' | 'activity' | 'none'][]) =>
		db.insert(outcomes).values(
			steps.map(([fromOn, leisure]) => ({
				familyId: m.familyId,
				memberId: m.id,
				kind: 'youth' as const,
				visibility: 'member_private' as const,
				fromOn,
				leisure,
				inEducation: true
			}))
		);

	async function notes(w: World) {
		const [p1, p2, g, c1, c2, c5] = w.f1.members;
		const [, c3] = w.f2.members;
		const [p4, c4] = w.f3.members;
		const [p6, c6] = w.f5.members;
		const [sp, sc] = w.stranger.members;
		// P1: no work at enrolment (latest on or before 10 Nov 2025); part time by 30 June (full time after it).
		await work(w.db, p1, ['2025-10-01', 'no_work'], ['2026-03-02', 'activation'], ['2026-06-01', 'part_time'], ['2026-08-03', 'full_time']);
		// P2: no note before joining, so the first after it (sick leave); in education now.
		await work(w.db, p2, ['2025-12-01', 'sick_leave'], ['2026-05-04', 'education']);
		// P4: a flex job the day F3 joined; no work now. G is not a parent; P6's family ended before.
		await work(w.db, p4, ['2025-06-02', 'flex_job'], ['2026-01-05', 'no_work']);
		await work(w.db, g, ['2025-11-10', 'full_time']);
		await work(w.db, p6, ['2024-03-01', 'full_time']);
		await work(w.db, sp, ['2025-01-06', 'full_time']);
		// Parents counted: P1, P2, P4 → at enrolment 1 of 3 (P4), now 2 of 3 (P1, P2).

		// School: the last term that began before joining, and the latest by 30 June after it.
		await school(w.db, c1, ['2025-01-01', 20], ['2025-08-01', 16], ['2026-01-01', 12.5], ['2026-08-01', 5]); // 16 → 12.5
		await school(w.db, c2, ['2025-08-01', 10], ['2026-01-01', 11]); // 10 → 11
		await school(w.db, c3, ['2026-01-01', 30]); // no later term: not counted
		await school(w.db, c4, ['2025-01-01', 8], ['2025-08-01', 6], ['2026-01-01', 4]); // 8 → 4
		await school(w.db, c6, ['2024-01-01', 40], ['2025-08-01', 2]); // family ended before: not counted
		await school(w.db, sc, ['2024-08-01', 50], ['2026-01-01', 1]);
		// Children 3; before (16 + 10 + 8) / 3; latest (12.5 + 11 + 4) / 3; change (−3.5 + 1 − 4) / 3.

		// Teenagers in 2026 (born 2009–2013): C1, C3, C5 (and C6 and the stranger's, not counted).
		await youth(w.db, c1, ['2025-11-10', 'none'], ['2026-04-13', 'job']); // yes
		await youth(w.db, c3, ['2026-02-16', 'activity'], ['2026-06-15', 'none']); // no: none by 30 June
		await youth(w.db, c6, ['2025-01-01', 'job']);
		await youth(w.db, sc, ['2025-01-06', 'job']);
		// C5 has no note but a club from /activities since March, still going: yes. C3's starts in September.
		await seedOpportunities(w.db, w.team.organisationId);
		const [opportunity] = await w.db
			.select({ id: opportunities.id })
			.from(opportunities)
			.where(eq(opportunities.organisationId, w.team.organisationId))
			.limit(2);
		const interest = (m: Member, startedOn: string) =>
			w.db.insert(interests).values({
				familyId: m.familyId,
				memberId: m.id,
				opportunityId: opportunity.id,
				status: 'started',
				visibility: 'member_private',
				startedOn,
				formKey: randomUUID()
			});
		await interest(c5, '2026-03-01');
		await interest(c3, '2026-09-07');
		// Teenagers 3, with a leisure job or activity 2.
	}

	/** The team's first replies, each after a family had waited `hours`, at `at` (UTC). */
	async function replies(w: World, family: World['f1'], staffId: string, teamId: string, ...waits: [string, number][]) {
		const [conversation] = await w.db
			.insert(conversations)
			.values({
				familyId: family.family.id,
				teamId,
				visibility: 'adults',
				subject: 'Spørgsmål',
				staffId,
				startedByMemberId: family.members[0].id,
				formKey: randomUUID()
			})
			.returning();
		for (const [at, hours] of waits) {
			const createdAt = new Date(at);
			await w.db.insert(messages).values({
				conversationId: conversation.id,
				familyId: family.family.id,
				teamId,
				authorStaffId: staffId,
				body: 'Svar',
				answersWaitSince: new Date(createdAt.getTime() - hours * 3_600_000),
				createdAt,
				formKey: randomUUID()
			});
		}
	}

	async function meeting(w: World, family: World['f1'], type: MeetingType, status: 'held' | 'not_held' | 'cancelled', start: string) {
		const startsAt = new Date(start);
		const endsAt = new Date(startsAt.getTime() + 3_600_000);
		await w.db.insert(meetings).values({
			familyId: family.family.id,
			teamId: w.team.id,
			staffId: family.family.contactPersonId,
			type,
			status,
			startsAt,
			endsAt,
			blockedFrom: startsAt,
			blockedUntil: endsAt,
			formKey: randomUUID()
		});
	}

	async function checkin(
		w: World,
		m: Member,
		lifeArea: LifeArea,
		score: number,
		day: string,
		visibility: 'family' | 'member_private' = 'family'
	) {
		await w.db.insert(checkins).values({ familyId: m.familyId, memberId: m.id, lifeArea, score, day, visibility });
	}

	async function events(w: World) {
		// Replies in the period after 1, 2, 4, 8 and 30 hours: median 4 h; 90th percentile (linear)
		// 8 + 0.6 × 22 = 21.2 h. The first is 00:30 on 1 January in Copenhagen (23:30 UTC the day
		// before); two fall just outside (23:30 on 31 December and 00:30 on 1 July, Copenhagen).
		await replies(w, w.f1, w.asta.id, w.team.id, ['2025-12-31T23:30:00Z', 1], ['2026-02-10T09:00:00Z', 2], ['2026-03-10T09:00:00Z', 4]);
		await replies(w, w.f3, w.bo.id, w.team.id, ['2026-04-01T09:00:00Z', 8], ['2026-06-30T12:00:00Z', 30]);
		await replies(w, w.f2, w.asta.id, w.team.id, ['2025-12-31T22:30:00Z', 100], ['2026-06-30T22:30:00Z', 100]);
		await replies(w, w.stranger, w.stranger.family.contactPersonId, w.stranger.family.teamId, ['2026-03-01T09:00:00Z', 500]);

		// Meetings in the period: home held twice and not held once, a walk held, a phone call not
		// held, a video call cancelled (not counted); an office meeting before and one after.
		await meeting(w, w.f1, 'home', 'held', '2026-02-03T09:00:00+01:00');
		await meeting(w, w.f1, 'home', 'held', '2026-03-03T09:00:00+01:00');
		await meeting(w, w.f1, 'home', 'not_held', '2026-03-10T09:00:00+01:00');
		await meeting(w, w.f3, 'walk', 'held', '2026-04-07T10:00:00+02:00');
		await meeting(w, w.f2, 'phone', 'not_held', '2026-05-05T10:00:00+02:00');
		await meeting(w, w.f2, 'video', 'cancelled', '2026-05-12T10:00:00+02:00');
		await meeting(w, w.f1, 'office', 'held', '2025-12-20T10:00:00+01:00');
		await meeting(w, w.f1, 'office', 'held', '2026-07-01T10:00:00+02:00');

		// Check-ins: work 2 and 4 in January (average 3), 3 in March; a teenager's own leisure 5 in March.
		const [p1, , , c1] = w.f1.members;
		await checkin(w, p1, 'work', 2, '2026-01-10');
		await checkin(w, p1, 'work', 4, '2026-01-20');
		await checkin(w, p1, 'work', 3, '2026-03-05');
		await checkin(w, c1, 'leisure', 5, '2026-03-06', 'member_private');
		await checkin(w, p1, 'work', 1, '2025-12-31');
		await checkin(w, p1, 'work', 1, '2026-07-01');
		await checkin(w, w.stranger.members[0], 'work', 1, '2026-03-05');
	}

	it('reproduces the hand-computed figures for the team leader', async () => {
		const w = await world();
		await notes(w);
		await events(w);
		const d = await teamDashboard(w.db, w.leader, period);

		expect(d.startsOn).toBe('2026-01-01');
		expect(d.endsOn).toBe('2026-06-30');
		// Active: F1 all months, F2 from February, F3 until April. Joined: F2 in February. Ended: F3 in April.
		expect(d.months).toEqual([
			{ month: '2026-01', active: 2, enrolled: 0, ended: 0 },
			{ month: '2026-02', active: 3, enrolled: 1, ended: 0 },
			{ month: '2026-03', active: 3, enrolled: 0, ended: 0 },
			{ month: '2026-04', active: 3, enrolled: 0, ended: 1 },
			{ month: '2026-05', active: 2, enrolled: 0, ended: 0 },
			{ month: '2026-06', active: 2, enrolled: 0, ended: 0 }
		]);
		// Today's caseloads (families with the team now: F1, F2, F4), against the team's target (35 unless set).
		expect(d.caseloadTarget).toBe(35);
		expect(d.caseloads.map(({ name, contact, involved }) => ({ name, contact, involved }))).toEqual([
			{ name: 'Asta Caseworker', contact: 2, involved: 1 },
			{ name: 'Bo Caseworker', contact: 1, involved: 1 },
			{ name: 'Lis Leader', contact: 0, involved: 1 }
		]);
		expect(d.parents).toEqual({ atStart: { total: 3, yes: 1 }, now: { total: 3, yes: 2 } });
		expect(d.school.children).toBe(3);
		expect(d.school.before).toBeCloseTo(34 / 3, 10);
		expect(d.school.latest).toBeCloseTo(27.5 / 3, 10);
		expect(d.school.change).toBeCloseTo(-6.5 / 3, 10);
		expect(d.teenagers).toEqual({ total: 3, yes: 2 });
		expect(d.replies.count).toBe(5);
		expect(d.replies.median).toBeCloseTo(4 * 3600, 6);
		expect(d.replies.p90).toBeCloseTo(21.2 * 3600, 6);
		expect(d.meetings).toEqual([
			{ type: 'home', held: 2, notHeld: 1 },
			{ type: 'office', held: 0, notHeld: 0 },
			{ type: 'walk', held: 1, notHeld: 0 },
			{ type: 'phone', held: 0, notHeld: 1 },
			{ type: 'video', held: 0, notHeld: 0 }
		]);
		expect(d.checkins).toEqual([
			{ month: '2026-01', area: 'work', average: 3, count: 2 },
			{ month: '2026-03', area: 'leisure', average: 5, count: 1 },
			{ month: '2026-03', area: 'work', average: 3, count: 1 }
		]);
	});

	it('counts a caseworker’s own families only, and another team’s leader none of them', async () => {
		const w = await world();
		await notes(w);
		await events(w);
		// Asta works with F1, F2 (contact), F4 (involved) and F5 (contact, ended): not F3.
		const mine = await teamDashboard(w.db, w.caseworker, period);
		expect(mine.months.map((m) => m.active)).toEqual([1, 2, 2, 2, 2, 2]);
		expect(mine.caseloads.map(({ name, contact, involved }) => ({ name, contact, involved }))).toEqual([
			{ name: 'Asta Caseworker', contact: 2, involved: 1 }
		]);
		expect(mine.parents).toEqual({ atStart: { total: 2, yes: 0 }, now: { total: 2, yes: 2 } });
		expect(mine.school.children).toBe(2);
		expect(mine.school.change).toBeCloseTo(-2.5 / 2, 10);
		expect(mine.teenagers).toEqual({ total: 3, yes: 2 });
		// 1, 2 and 4 hours (F1); F2's two fall outside the period.
		expect(mine.replies).toMatchObject({ count: 3, median: 2 * 3600 });
		expect(mine.meetings.find((m) => m.type === 'walk')).toEqual({ type: 'walk', held: 0, notHeld: 0 });

		const theirs = await teamDashboard(w.db, w.otherLeader, period);
		expect(theirs.months.map((m) => m.active)).toEqual([1, 1, 1, 1, 1, 1]);
		expect(theirs.caseloads).toHaveLength(1);
		expect(theirs.parents).toEqual({ atStart: { total: 1, yes: 1 }, now: { total: 1, yes: 1 } });
		expect(theirs.replies).toMatchObject({ count: 1, median: 500 * 3600 });
		expect(theirs.checkins).toEqual([{ month: '2026-03', area: 'work', average: 1, count: 1 }]);
	});

	it('answers an empty team with zeros and no averages', async () => {
		const { db } = ctx();
		const team = await makeTeam(db);
		const lead = await makeStaff(db, team.id, { role: 'team_leader' });
		const d = await teamDashboard(db, staffActor(lead, (await makeUser(db, { staffId: lead.id })).id), { from: '2026-05', to: '2026-06' });
		expect(d.months).toEqual([
			{ month: '2026-05', active: 0, enrolled: 0, ended: 0 },
			{ month: '2026-06', active: 0, enrolled: 0, ended: 0 }
		]);
		expect(d.parents).toEqual({ atStart: { total: 0, yes: 0 }, now: { total: 0, yes: 0 } });
		expect(d.school).toEqual({ children: 0, before: null, latest: null, change: null });
		expect(d.replies).toEqual({ count: 0, median: null, p90: null });
		expect(d.checkins).toEqual([]);
	});
});
