import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { familyActor, grantFor, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { ownFamily, type Actor } from '../../src/lib/server/access';
import { checkIn, countCheckins, listCheckinMembers, listCheckins, shareCheckin } from '../../src/lib/server/checkins';
import { auditLog, checkins } from '../../src/lib/server/db/schema';
import { addDays, copenhagenDate } from '../../src/lib/i18n/format';
import type { Db } from '../../src/lib/server/db';

const code = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => e.cause?.code ?? e.code
	);

describeEachBackend('check-ins', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id);
		const outsider = await makeStaff(db, team.id, { department: 'culture' });
		const year = Number(copenhagenDate().slice(0, 4));
		const { family, members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'parent', name: 'Amina Hassan' },
			{ role: 'other_adult', name: 'Halima Hassan' },
			{ role: 'child', name: 'Yusuf Hassan', birthYear: year - 15 }
		]);
		const other = await makeFamily(db, team.id, outsider.id);
		const fam = async (m: (typeof members)[number]) => familyActor(m, (await makeUser(db, { familyMemberId: m.id })).id);
		return {
			db,
			family,
			members,
			actors: {
				parent: await fam(members[0]),
				grandma: await fam(members[1]),
				teen: await fam(members[2]),
				otherParent: await fam(other.members[0]),
				contact: staffActor(contact, (await makeUser(db, { staffId: contact.id })).id),
				outsider: staffActor(outsider, (await makeUser(db, { staffId: outsider.id })).id)
			}
		};
	}
	type World = Awaited<ReturnType<typeof world>>;
	type FamilyActor = Extract<Actor, { kind: 'family' }>;

	const write = (
		db: Db,
		actor: FamilyActor,
		score: 1 | 2 | 3 | 4 | 5,
		opts: { note?: string; shared?: boolean; area?: 'work' | 'health' } = {}
	) =>
		checkIn(db, ownFamily(actor, 'checkin.write')!, {
			entries: [{ lifeArea: opts.area ?? 'work', score, note: opts.note ?? null }],
			shared: opts.shared ?? false
		});
	const grantOf = async (w: World, actor: Actor) =>
		actor.kind === 'family' ? ownFamily(actor)! : await grantFor(w.db, actor, w.family.id);
	/** Everything an actor could learn of the teenager's check-ins: the member list, the chart/table rows, the count. */
	const seen = async (w: World, actor: Actor) => {
		const grant = await grantOf(w, actor);
		return {
			members: (await listCheckinMembers(w.db, grant)).map((m) => m.name),
			teen: (await listCheckins(w.db, grant, w.members[2].id)).map((c) => c.score),
			count: await countCheckins(w.db, grant)
		};
	};

	it('saves a check-in for today; the same area again the same day replaces it', async () => {
		const w = await world();
		expect(await write(w.db, w.actors.parent, 2, { note: 'Travlt med børnene' })).toEqual({ ok: true, count: 1 });
		const [first] = await w.db.select().from(checkins).where(eq(checkins.memberId, w.members[0].id));
		expect(first).toMatchObject({ score: 2, note: 'Travlt med børnene', day: copenhagenDate(), visibility: 'family', version: 1 });

		expect(await write(w.db, w.actors.parent, 4)).toEqual({ ok: true, count: 1 });
		const rows = await w.db.select().from(checkins).where(eq(checkins.memberId, w.members[0].id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ id: first.id, score: 4, note: null, version: 2 });
	});

	it('makes a series over days, and several areas in one check-in', async () => {
		const w = await world();
		await write(w.db, w.actors.parent, 2);
		// A week passes.
		await w.db
			.update(checkins)
			.set({ day: addDays(copenhagenDate(), -7) })
			.where(eq(checkins.memberId, w.members[0].id));
		expect(
			await checkIn(w.db, ownFamily(w.actors.parent, 'checkin.write')!, {
				entries: [
					{ lifeArea: 'work', score: 3, note: null },
					{ lifeArea: 'housing', score: 5, note: 'Ny lejlighed' }
				],
				shared: false
			})
		).toEqual({ ok: true, count: 2 });
		const list = await listCheckins(w.db, ownFamily(w.actors.parent)!, w.members[0].id);
		expect(list.map((c) => [c.day, c.lifeArea, c.score])).toEqual([
			[copenhagenDate(), 'housing', 5],
			[copenhagenDate(), 'work', 3],
			[addDays(copenhagenDate(), -7), 'work', 2]
		]);
		expect(list[0]).toMatchObject({ mine: true, private: false, sharable: false, note: 'Ny lejlighed' });
		// The same area twice in one call (not from the form, which has one field per area): the last one counts.
		expect(
			await checkIn(w.db, ownFamily(w.actors.parent, 'checkin.write')!, {
				entries: [
					{ lifeArea: 'money', score: 1, note: null },
					{ lifeArea: 'money', score: 2, note: null }
				],
				shared: false
			})
		).toEqual({ ok: true, count: 1 });
		await w.db.delete(checkins).where(eq(checkins.lifeArea, 'money'));
		// Older than twelve weeks: no longer on the chart.
		await w.db
			.update(checkins)
			.set({ day: addDays(copenhagenDate(), -84) })
			.where(eq(checkins.lifeArea, 'housing'));
		expect(await listCheckins(w.db, ownFamily(w.actors.parent)!, w.members[0].id)).toHaveLength(2);
	});

	it('refuses what must never be stored: a score outside 1–5, an overlong sentence, a member of another family', async () => {
		const w = await world();
		const base = { familyId: w.family.id, memberId: w.members[0].id, lifeArea: 'work' as const, visibility: 'family' as const };
		expect(await code(w.db.insert(checkins).values({ ...base, score: 0 }))).toBe('23514');
		expect(await code(w.db.insert(checkins).values({ ...base, score: 6 }))).toBe('23514');
		expect(await code(w.db.insert(checkins).values({ ...base, score: 3, note: 'x'.repeat(301) }))).toBe('23514');
		expect(await code(w.db.insert(checkins).values({ ...base, score: 3, note: '' }))).toBe('23514');
		expect(await code(w.db.insert(checkins).values({ ...base, score: 3, memberId: w.actors.otherParent.memberId }))).toBe('23503');
		expect(await code(w.db.insert(checkins).values({ ...base, score: 3 }))).toBe('ok');
		// Twice the same day, area and member: only through the service's replace.
		expect(await code(w.db.insert(checkins).values({ ...base, score: 4 }))).toBe('23505');
	});

	it("keeps a teenager's check-in from the parents (members, chart, count, id) until it is shared, and again after", async () => {
		const w = await world();
		await write(w.db, w.actors.parent, 3);
		await write(w.db, w.actors.teen, 1, { note: 'Svært i skolen' });
		const [secret] = await w.db.select().from(checkins).where(eq(checkins.memberId, w.members[2].id));
		expect(secret.visibility).toBe('member_private');

		const hidden = { members: ['Amina Hassan'], teen: [], count: 1 };
		expect(await seen(w, w.actors.parent)).toEqual(hidden);
		expect(await seen(w, w.actors.grandma)).toEqual(hidden);
		expect(await seen(w, w.actors.teen)).toEqual({ members: ['Amina Hassan', 'Yusuf Hassan'], teen: [1], count: 2 });
		expect(await seen(w, w.actors.contact)).toEqual({ members: ['Amina Hassan', 'Yusuf Hassan'], teen: [1], count: 2 });
		expect(await seen(w, w.actors.otherParent)).toEqual({ members: [], teen: [], count: 0 });

		// A parent sharing or hiding it by id: the same answer as an id that does not exist.
		for (const id of [secret.id, randomUUID()]) {
			expect(await shareCheckin(w.db, ownFamily(w.actors.parent)!, { id, shared: true })).toEqual({ ok: false, reason: 'notFound' });
		}
		expect(await shareCheckin(w.db, ownFamily(w.actors.otherParent)!, { id: secret.id, shared: true })).toEqual({
			ok: false,
			reason: 'notFound'
		});
		const staffGrant = await grantFor(w.db, w.actors.contact, w.family.id);
		expect(await shareCheckin(w.db, staffGrant, { id: secret.id, shared: true })).toEqual({ ok: false, reason: 'notFound' });
		expect((await w.db.select().from(checkins).where(eq(checkins.id, secret.id)))[0]).toMatchObject({
			visibility: 'member_private',
			version: 1
		});

		expect(await shareCheckin(w.db, ownFamily(w.actors.teen)!, { id: secret.id, shared: true })).toEqual({ ok: true });
		const shown = { members: ['Amina Hassan', 'Yusuf Hassan'], teen: [1], count: 2 };
		expect(await seen(w, w.actors.parent)).toEqual(shown);
		expect((await listCheckins(w.db, ownFamily(w.actors.parent)!, w.members[2].id))[0]).toMatchObject({
			note: 'Svært i skolen',
			mine: false,
			private: false,
			sharable: true
		});
		// Seen, but still not the parent's to hide again.
		expect(await shareCheckin(w.db, ownFamily(w.actors.parent)!, { id: secret.id, shared: false })).toEqual({
			ok: false,
			reason: 'notFound'
		});
		expect(await shareCheckin(w.db, ownFamily(w.actors.teen)!, { id: secret.id, shared: false })).toEqual({ ok: true });
		expect(await seen(w, w.actors.parent)).toEqual(hidden);
		expect(await seen(w, w.actors.otherParent)).toEqual({ members: [], teen: [], count: 0 });
	});

	it('lets a teenager share a check-in as they write it; a replacement takes the new choice', async () => {
		const w = await world();
		await write(w.db, w.actors.teen, 4, { shared: true });
		expect((await seen(w, w.actors.parent)).teen).toEqual([4]);
		await write(w.db, w.actors.teen, 2);
		expect((await seen(w, w.actors.parent)).teen).toEqual([]);
		expect((await seen(w, w.actors.teen)).teen).toEqual([2]);
		// An adult's check-in is the family's: nothing to share or hide.
		await write(w.db, w.actors.parent, 3);
		const [mine] = await listCheckins(w.db, ownFamily(w.actors.parent)!, w.members[0].id);
		expect(await shareCheckin(w.db, ownFamily(w.actors.parent)!, { id: mine.id, shared: false })).toEqual({
			ok: false,
			reason: 'notFound'
		});
	});

	it('lets staff of the family read every check-in (audited), never write one; others see nothing', async () => {
		const w = await world();
		await write(w.db, w.actors.teen, 2);
		const grant = await grantFor(w.db, w.actors.contact, w.family.id);
		expect((await listCheckins(w.db, grant, w.members[2].id)).map((c) => [c.score, c.private, c.mine])).toEqual([[2, true, false]]);
		const audit = await w.db.select().from(auditLog).where(eq(auditLog.actorStaffId, w.actors.contact.staffId));
		expect(audit.map((a) => [a.action, a.familyId])).toContainEqual(['family.view', w.family.id]);

		// A staff grant for writing is never given, and a viewing grant writes nothing.
		expect(await grantFor(w.db, w.actors.contact, w.family.id, 'checkin.write').catch(() => null)).toBeNull();
		expect(await checkIn(w.db, grant, { entries: [{ lifeArea: 'work', score: 3, note: null }], shared: false })).toEqual({
			ok: false,
			reason: 'notAllowed'
		});
		// Nor does a family member's viewing grant.
		expect(
			await checkIn(w.db, ownFamily(w.actors.parent)!, { entries: [{ lifeArea: 'work', score: 3, note: null }], shared: false })
		).toEqual({
			ok: false,
			reason: 'notAllowed'
		});
		expect(await grantFor(w.db, w.actors.outsider, w.family.id).catch(() => null)).toBeNull();
	});
});
