import { expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { absence, involve, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import {
	countFamiliesForStaff,
	listFamiliesForStaff,
	readFamilyListQuery,
	staffFamilyList,
	type FamilyListQuery
} from '../../src/lib/server/family-list';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { families, sessions, users } from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db';
import { addDays, copenhagenDate } from '../../src/lib/i18n/format';

const query = (over: Partial<FamilyListQuery> = {}): FamilyListQuery => ({ q: '', relation: 'all', status: 'all', sort: 'name', ...over });

/** Runs `work` and counts the statements it sends to the database (whichever driver). */
async function countStatements<T>(db: Db, work: () => Promise<T>): Promise<{ result: T; statements: number }> {
	const client = (db as unknown as { $client: Record<string, (...args: unknown[]) => unknown> }).$client;
	const method = typeof client.unsafe === 'function' ? 'unsafe' : 'query';
	const original = client[method];
	let statements = 0;
	client[method] = function (this: unknown, ...args: unknown[]) {
		statements++;
		return original.apply(this, args);
	};
	try {
		return { result: await work(), statements };
	} finally {
		client[method] = original;
	}
}

describeEachBackend('staff family list', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const me = await makeStaff(db, team.id, { name: 'Ali Demir' });
		const colleague = await makeStaff(db, team.id, { name: 'Mette Kjær' });
		const away = await makeStaff(db, team.id, { name: 'Olena Kovalenko' });
		const leader = await makeStaff(db, team.id, { name: 'Lone Bak', role: 'team_leader' });
		const day = (n: number) => addDays(copenhagenDate(), n);
		const family = async (name: string, contactId: string, members: string[], enrolledOn: string) => {
			const made = await makeFamily(
				db,
				team.id,
				contactId,
				members.map((m) => ({ name: m, role: 'parent' as const }))
			);
			await db.update(families).set({ name, enrolledOn }).where(eq(families.id, made.family.id));
			return { id: made.family.id, members: made.members };
		};
		const yilmaz = await family('Yılmaz', me.id, ['Ayşe Yılmaz', 'Mehmet Yılmaz'], day(-400));
		const hassan = await family('Hassan', colleague.id, ['Amina Hassan', 'Omar Hassan', 'Halima Hassan'], day(-300));
		const warsame = await family('Warsame', colleague.id, ['Hodan Warsame'], day(-200));
		const odegard = await family('Ødegård', me.id, ['Åse Ødegård'], day(-500));
		const melnyk = await family('Melnyk', away.id, ['Iryna Melnyk'], day(-100));
		await db
			.update(families)
			.set({ status: 'ended', endedOn: day(-30), endedReason: 'moved' })
			.where(eq(families.id, odegard.id));
		await involve(db, hassan.id, me.id);
		const leave = await absence(db, away, -3, 5, me.id);
		const as = async (s: typeof me) => staffActor(s, (await makeUser(db, { staffId: s.id })).id);
		return {
			db,
			day,
			leave,
			ids: { yilmaz: yilmaz.id, hassan: hassan.id, warsame: warsame.id, odegard: odegard.id, melnyk: melnyk.id },
			members: { ayse: yilmaz.members[0], amina: hassan.members[0], hodan: warsame.members[0] },
			me: await as(me),
			colleague: await as(colleague),
			leader: await as(leader)
		};
	}
	type World = Awaited<ReturnType<typeof world>>;
	const names = async (w: World, over: Partial<FamilyListQuery> = {}, actor = w.me) =>
		(await listFamiliesForStaff(w.db, actor, query(over))).map((f) => f.name);

	it('lists the families the staff member works with, with how, in Danish name order (Ø after Y)', async () => {
		const w = await world();
		const rows = await listFamiliesForStaff(w.db, w.me, query());
		expect(rows.map((f) => [f.name, f.relation, f.status])).toEqual([
			['Hassan', 'involved', 'active'],
			['Melnyk', 'stand_in', 'active'],
			['Yılmaz', 'contact', 'active'],
			['Ødegård', 'contact', 'ended']
		]);
		expect(rows.find((f) => f.name === 'Hassan')).toMatchObject({
			members: 3,
			found: [],
			contact: { name: 'Mette Kjær', isViewer: false }
		});
		expect(rows.find((f) => f.name === 'Yılmaz')?.contact.isViewer).toBe(true);
		expect(await names(w, {}, w.leader)).toEqual(['Hassan', 'Melnyk', 'Warsame', 'Yılmaz', 'Ødegård']);
	});

	it('finds a family by its name or a member’s, whatever the case and accents', async () => {
		const w = await world();
		for (const q of ['yilmaz', 'YILMAZ', 'Yılmaz', 'yılmaz', 'ılm', 'ayse', 'AYŞE', 'Ayşe', 'ayse yilmaz', 'mehmet']) {
			expect(await names(w, { q }), q).toEqual(['Yılmaz']);
		}
		for (const q of ['odegard', 'ØDEGÅRD', 'ødegård', 'åse', 'ASE']) {
			expect(await names(w, { q }), q).toEqual(['Ødegård']);
		}
		expect(await names(w, { q: 'hassan amina' })).toEqual(['Hassan']);
		// Every word must be found in the same family.
		expect(await names(w, { q: 'ayse hassan' })).toEqual([]);
		// Nothing in the search is a pattern.
		for (const q of ['%', '_', '\\', "'", 'a%n']) expect(await names(w, { q }), q).toEqual([]);
	});

	it('says which members a search found by their own name, not by the family name', async () => {
		const w = await world();
		const found = async (q: string) => (await listFamiliesForStaff(w.db, w.me, query({ q }))).map((f) => [f.name, f.found]);
		expect(await found('ayse')).toEqual([['Yılmaz', ['Ayşe Yılmaz']]]);
		expect(await found('yilmaz')).toEqual([['Yılmaz', []]]);
		expect(await found('AYSE yilmaz')).toEqual([['Yılmaz', ['Ayşe Yılmaz']]]);
		expect(await found('omar amina')).toEqual([['Hassan', ['Amina Hassan', 'Omar Hassan']]]);
	});

	it('never finds a family the staff member may not see, by any name in it', async () => {
		const w = await world();
		for (const q of ['hodan', 'Hodan Warsame', 'warsame', 'WARSAME']) {
			expect(await names(w, { q }), q).toEqual([]);
			expect(await names(w, { q, relation: 'leader' }), q).toEqual([]);
		}
		// The team leader, who sees the family, finds it.
		expect(await names(w, { q: 'hodan' }, w.leader)).toEqual(['Warsame']);
		// Nor anyone from another team, leader or not.
		const otherTeam = await makeTeam(w.db);
		const foreignLeader = staffActor(await makeStaff(w.db, otherTeam.id, { role: 'team_leader' }), w.leader.id);
		expect(await names(w, { q: 'hodan' }, foreignLeader)).toEqual([]);
		expect(await names(w, {}, foreignLeader)).toEqual([]);
	});

	it('filters by relation and by status', async () => {
		const w = await world();
		expect(await names(w, { relation: 'contact' })).toEqual(['Yılmaz', 'Ødegård']);
		expect(await names(w, { relation: 'involved' })).toEqual(['Hassan']);
		expect(await names(w, { relation: 'stand_in' })).toEqual(['Melnyk']);
		expect(await names(w, { relation: 'leader' })).toEqual([]);
		expect(await names(w, { relation: 'leader' }, w.leader)).toEqual(['Hassan', 'Melnyk', 'Warsame', 'Yılmaz', 'Ødegård']);
		expect(await names(w, { status: 'active' })).toEqual(['Hassan', 'Melnyk', 'Yılmaz']);
		expect(await names(w, { status: 'ended' })).toEqual(['Ødegård']);
		expect(await names(w, { status: 'ended', relation: 'involved' })).toEqual([]);
		expect(await names(w, { status: 'active', relation: 'contact', q: 'ayse' })).toEqual(['Yılmaz']);
		expect(await countFamiliesForStaff(w.db, w.me)).toEqual({
			total: 4,
			ended: 1,
			byRelation: { contact: 2, stand_in: 1, involved: 1, leader: 0 }
		});
		const page = await staffFamilyList(w.db, w.me, query());
		expect([page.active.map((f) => f.name), page.ended.map((f) => f.name)]).toEqual([['Hassan', 'Melnyk', 'Yılmaz'], ['Ødegård']]);
	});

	it('sorts by last activity: a member’s latest session or sign-in, else the enrolment', async () => {
		const w = await world();
		const ayse = await makeUser(w.db, { familyMemberId: w.members.ayse.id });
		const amina = await makeUser(w.db, { familyMemberId: w.members.amina.id });
		const hour = 3600_000;
		const lastActiveAt = new Date(Date.now() - hour);
		await w.db.insert(sessions).values([
			{ id: `s-${ayse.id}`, secretHash: new Uint8Array(32), userId: ayse.id, lastActiveAt },
			{ id: `t-${ayse.id}`, secretHash: new Uint8Array(32), userId: ayse.id, lastActiveAt: new Date(Date.now() - 48 * hour) }
		]);
		// Amina signed in two days ago and signed out since: no session, yet she was there.
		await w.db
			.update(users)
			.set({ lastSignInAt: new Date(Date.now() - 50 * hour) })
			.where(eq(users.id, amina.id));
		const rows = await listFamiliesForStaff(w.db, w.me, query({ sort: 'activity' }));
		expect(rows.map((f) => f.name)).toEqual(['Yılmaz', 'Hassan', 'Melnyk', 'Ødegård']);
		const yilmaz = rows[0].lastActivity;
		expect(yilmaz.source).toBe('portal');
		expect(Math.abs(yilmaz.at.getTime() - lastActiveAt.getTime())).toBeLessThan(1000);
		expect(rows[2].lastActivity).toEqual({ at: new Date(`${w.day(-100)}T12:00:00Z`), source: 'enrolled' });
		expect((await names(w, { sort: 'name' })).at(0)).toBe('Hassan');
	});

	it('spells out the contact person’s absence and who stands in', async () => {
		const w = await world();
		const melnyk = (await listFamiliesForStaff(w.db, w.leader, query({ q: 'melnyk' })))[0];
		expect(melnyk.contact).toEqual({
			name: 'Olena Kovalenko',
			isViewer: false,
			absence: { startsOn: w.leave.startsOn, endsOn: w.leave.endsOn, current: true, standInName: 'Ali Demir', standInIsViewer: false }
		});
		const mine = (await listFamiliesForStaff(w.db, w.me, query({ q: 'melnyk' })))[0];
		expect(mine.contact.absence?.standInIsViewer).toBe(true);
		const hassanAbsence = async () => (await listFamiliesForStaff(w.db, w.me, query({ q: 'hassan' })))[0].contact.absence;
		const mette = { id: w.colleague.staffId, teamId: w.colleague.teamId };
		// One beyond the stand-in's lead time is not named yet; one within it is, as coming.
		await absence(w.db, mette, 20, 25, null);
		expect(await hassanAbsence()).toBeNull();
		await absence(w.db, mette, 3, 9, null);
		expect(await hassanAbsence()).toEqual({
			startsOn: w.day(3),
			endsOn: w.day(9),
			current: false,
			standInName: null,
			standInIsViewer: false
		});
	});

	it('reads the URL at the edge: anything unknown falls back to the default', () => {
		const read = (search: string) => readFamilyListQuery(new URLSearchParams(search));
		expect(read('')).toEqual(query());
		expect(read('q=+Ayşe++Yılmaz+&relation=contact&status=ended&sort=activity')).toEqual(
			query({ q: 'Ayşe Yılmaz', relation: 'contact', status: 'ended', sort: 'activity' })
		);
		expect(read('relation=own&status=deleted&sort=id;drop&q=%00')).toEqual(query());
		expect(read('relation=contact&relation=leader&sort=activity&sort=x')).toMatchObject({ relation: 'contact', sort: 'activity' });
		expect(read('q=a%00b%1Fc')).toMatchObject({ q: 'a b c' });
		expect(read(`q=${'x'.repeat(5000)}`).q).toHaveLength(100);
		expect(read(`q=${'😀'.repeat(150)}`).q).toBe('😀'.repeat(100));
	});

	it('never fails on any URL: every parameter is read safely and any search is just text to the database', async () => {
		const w = await world();
		const anyText = fc.oneof(
			fc.string({ unit: 'grapheme', maxLength: 40 }),
			fc.string({ unit: 'binary', maxLength: 40 }),
			fc.constantFrom('%', '_', '\\', "'", '"', '\u0000', '\ud800', 'ı̇', 'Ødegård%', ' '.repeat(300), 'x'.repeat(500))
		);
		const params = fc.array(fc.tuple(fc.constantFrom('q', 'relation', 'status', 'sort', 'x'), anyText), { maxLength: 6 });
		await fc.assert(
			fc.asyncProperty(params, async (pairs) => {
				const q = readFamilyListQuery(new URLSearchParams(pairs));
				expect(Array.from(q.q).length).toBeLessThanOrEqual(100);
				expect(q.q).not.toMatch(/[\p{Cc}\p{Cs}]/u);
				await listFamiliesForStaff(w.db, w.leader, q);
			}),
			{ numRuns: 60 }
		);
	});

	it('takes two statements whatever the search, and the page with its session check stays within six', async () => {
		const w = await world();
		const { db } = w;
		for (const q of [query(), query({ q: 'ayse yilmaz hassan amina omar x', relation: 'contact', status: 'ended', sort: 'activity' })]) {
			const { statements } = await countStatements(db, () => staffFamilyList(db, w.me, q));
			expect(statements).toBe(2);
		}
		const session = await createSession(db, w.me.id, 'staff', 'test');
		// A session last active over 5 minutes ago is touched: the costliest request.
		await db
			.update(sessions)
			.set({ lastActiveAt: new Date(Date.now() - 10 * 60_000) })
			.where(eq(sessions.id, session.id));
		const { statements } = await countStatements(db, async () => {
			await validateSessionToken(db, session.token);
			return staffFamilyList(db, w.me, query({ q: 'ayse' }));
		});
		expect(statements).toBeLessThanOrEqual(6);
	});
});
