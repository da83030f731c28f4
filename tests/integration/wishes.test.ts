import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { familyActor, grantFor, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { ownFamily, type Actor } from '../../src/lib/server/access';
import { countWishes, editWish, listWishes, pinWish, setWishStatus, shareWish, writeWish } from '../../src/lib/server/wishes';
import { wishes } from '../../src/lib/server/db/schema';
import { copenhagenDate } from '../../src/lib/i18n/format';
import type { Db } from '../../src/lib/server/db';

const code = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => e.cause?.code ?? e.code
	);

describeEachBackend('wishes', (ctx) => {
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

	async function write(db: Db, actor: Actor & { kind: 'family' }, text: string) {
		const result = await writeWish(db, ownFamily(actor, 'wish.write')!, { text, lifeArea: 'work', formKey: randomUUID() });
		if (!result.ok) throw new Error('could not write');
		return result.id;
	}
	const seen = async (w: World, actor: Actor) => {
		const grant = actor.kind === 'family' ? ownFamily(actor)! : await grantFor(w.db, actor, w.family.id);
		return { list: (await listWishes(w.db, grant)).map((x) => x.text).sort(), count: await countWishes(w.db, grant) };
	};

	it("keeps a teenager's wish from the parents (list, count, id, every action) until it is shared, and again after", async () => {
		const w = await world();
		await write(w.db, w.actors.parent, 'مطبخ أكبر');
		const secret = await write(w.db, w.actors.teen, 'Lære at kode');
		const stored = await w.db.select().from(wishes).where(eq(wishes.id, secret));
		expect(stored[0].visibility).toBe('member_private');

		expect(await seen(w, w.actors.parent)).toEqual({ list: ['مطبخ أكبر'], count: 1 });
		expect(await seen(w, w.actors.grandma)).toEqual({ list: ['مطبخ أكبر'], count: 1 });
		expect(await seen(w, w.actors.teen)).toEqual({ list: ['Lære at kode', 'مطبخ أكبر'].sort(), count: 2 });
		expect(await seen(w, w.actors.contact)).toEqual({ list: ['Lære at kode', 'مطبخ أكبر'].sort(), count: 2 });
		expect(await seen(w, w.actors.otherParent)).toEqual({ list: [], count: 0 });

		// Every change a parent could send with the id: the same answer as an id that does not exist.
		const asParent = ownFamily(w.actors.parent)!;
		const none = randomUUID();
		for (const id of [secret, none]) {
			expect(await editWish(w.db, asParent, { id, version: 1, text: 'x', lifeArea: null })).toEqual({ ok: false, reason: 'notFound' });
			expect(await setWishStatus(w.db, asParent, { id, status: 'let_go' })).toEqual({ ok: false, reason: 'notFound' });
			expect(await shareWish(w.db, asParent, { id, shared: true })).toEqual({ ok: false, reason: 'notFound' });
		}
		expect((await w.db.select().from(wishes).where(eq(wishes.id, secret)))[0]).toMatchObject({
			text: 'Lære at kode',
			status: 'open',
			version: 1
		});

		expect(await shareWish(w.db, ownFamily(w.actors.teen)!, { id: secret, shared: true })).toMatchObject({ ok: true });
		expect(await seen(w, w.actors.parent)).toEqual({ list: ['Lære at kode', 'مطبخ أكبر'].sort(), count: 2 });
		// Seen, but still not theirs to change.
		expect(await editWish(w.db, asParent, { id: secret, version: 2, text: 'x', lifeArea: null })).toEqual({
			ok: false,
			reason: 'notFound'
		});
		expect(await shareWish(w.db, ownFamily(w.actors.teen)!, { id: secret, shared: false })).toMatchObject({ ok: true });
		expect(await seen(w, w.actors.parent)).toEqual({ list: ['مطبخ أكبر'], count: 1 });
		expect(await seen(w, w.actors.otherParent)).toEqual({ list: [], count: 0 });
	});

	it('lets only the writer change a wish: not another adult, not staff; and staff cannot write one', async () => {
		const w = await world();
		const id = await write(w.db, w.actors.parent, 'Et job som buschauffør');
		expect(await editWish(w.db, ownFamily(w.actors.grandma)!, { id, version: 1, text: 'x', lifeArea: null })).toEqual({
			ok: false,
			reason: 'notFound'
		});
		const staffGrant = await grantFor(w.db, w.actors.contact, w.family.id);
		expect(await editWish(w.db, staffGrant, { id, version: 1, text: 'x', lifeArea: null })).toEqual({ ok: false, reason: 'notFound' });
		expect(await setWishStatus(w.db, staffGrant, { id, status: 'came_true' })).toEqual({ ok: false, reason: 'notFound' });
		expect(await writeWish(w.db, staffGrant, { text: 'x', lifeArea: null, formKey: randomUUID() })).toEqual({
			ok: false,
			reason: 'notAllowed'
		});
		// A grant for viewing is not one for writing.
		expect(await writeWish(w.db, ownFamily(w.actors.parent)!, { text: 'x', lifeArea: null, formKey: randomUUID() })).toEqual({
			ok: false,
			reason: 'notAllowed'
		});
		// An adult's wish is the family's: there is nothing to share.
		expect(await shareWish(w.db, ownFamily(w.actors.parent)!, { id, shared: false })).toEqual({ ok: false, reason: 'notFound' });
		expect(await grantFor(w.db, w.actors.outsider, w.family.id).catch(() => null)).toBeNull();

		const mine = ownFamily(w.actors.parent)!;
		expect(await setWishStatus(w.db, mine, { id, status: 'came_true' })).toMatchObject({ ok: true, wish: { version: 2 } });
		expect(await countWishes(w.db, mine)).toBe(0);
		expect((await listWishes(w.db, mine))[0]).toMatchObject({
			status: 'came_true',
			mine: true,
			sharable: false,
			authorName: 'Amina Hassan'
		});
		expect(await setWishStatus(w.db, mine, { id, status: 'open' })).toMatchObject({ ok: true, wish: { version: 3 } });
	});

	it('answers a save from an older version with both versions, and overwrites nothing', async () => {
		const w = await world();
		const id = await write(w.db, w.actors.parent, 'Kørekort');
		const mine = ownFamily(w.actors.parent)!;
		// Two phones open the same wish at version 1.
		expect(await editWish(w.db, mine, { id, version: 1, text: 'Kørekort til bus', lifeArea: 'work' })).toMatchObject({
			ok: true,
			wish: { version: 2 }
		});
		const late = await editWish(w.db, mine, { id, version: 1, text: 'Kørekort i år', lifeArea: null });
		expect(late).toEqual({
			ok: false,
			reason: 'conflict',
			current: { text: 'Kørekort til bus', lifeArea: 'work', version: 2, authorName: 'Amina Hassan' }
		});
		expect((await w.db.select().from(wishes).where(eq(wishes.id, id)))[0]).toMatchObject({ text: 'Kørekort til bus', version: 2 });
		// Saved again from the version it was shown: now it goes through.
		expect(await editWish(w.db, mine, { id, version: 2, text: 'Kørekort i år', lifeArea: null })).toMatchObject({
			ok: true,
			wish: { version: 3 }
		});
	});

	it('makes one wish of a form sent twice (the one-time key)', async () => {
		const w = await world();
		const formKey = randomUUID();
		const grant = ownFamily(w.actors.parent, 'wish.write')!;
		const first = await writeWish(w.db, grant, { text: 'Ny lejlighed', lifeArea: 'housing', formKey });
		const again = await writeWish(w.db, grant, { text: 'Ny lejlighed', lifeArea: 'housing', formKey });
		expect(first.ok && again.ok && first.id === again.id).toBe(true);
		expect((await listWishes(w.db, grant)).length).toBe(1);
		// Someone else's key is never theirs: nothing is made, nothing is revealed.
		expect(await writeWish(w.db, ownFamily(w.actors.grandma, 'wish.write')!, { text: 'x', lifeArea: null, formKey })).toEqual({
			ok: false,
			reason: 'notAllowed'
		});
		expect(
			await code(w.db.insert(wishes).values({ familyId: w.family.id, memberId: w.members[0].id, text: 'x', visibility: 'family', formKey }))
		).toBe('23505');
	});

	it('has the database refuse empty or too long words, unknown codes, and a writer from another family', async () => {
		const w = await world();
		const row = (over: Partial<typeof wishes.$inferInsert>) =>
			w.db
				.insert(wishes)
				.values({ familyId: w.family.id, memberId: w.members[0].id, text: 'ønske', visibility: 'family', formKey: randomUUID(), ...over });
		expect(await code(row({}))).toBe('ok');
		expect(await code(row({ text: '😀'.repeat(2000) }))).toBe('ok');
		expect(await code(row({ text: '' }))).toBe('23514');
		expect(await code(row({ text: 'a'.repeat(2001) }))).toBe('23514');
		expect(await code(row({ lifeArea: 'dreams' as never }))).toBe('23514');
		expect(await code(row({ status: 'done' as never }))).toBe('23514');
		expect(await code(row({ visibility: 'staff_only' as never }))).toBe('23514');
		expect(await code(row({ version: 0 }))).toBe('23514');
		// A member of another family, named with this family's id.
		expect(await code(row({ memberId: w.actors.otherParent.memberId }))).toBe('23503');
	});

	it('lets a writer pin at most three open wishes of their own, first in the list, unpinned when they come true', async () => {
		const w = await world();
		const mine = ownFamily(w.actors.parent)!;
		const ids = [];
		for (const text of ['en', 'to', 'tre', 'fire']) ids.push(await write(w.db, w.actors.parent, text));
		for (const id of ids.slice(0, 3)) expect(await pinWish(w.db, mine, { id, pinned: true })).toMatchObject({ ok: true });
		expect(await pinWish(w.db, mine, { id: ids[3], pinned: true })).toEqual({ ok: false, reason: 'tooMany' });
		// The database says so too, whatever the code does.
		expect(await code(w.db.update(wishes).set({ pinnedAt: new Date() }).where(eq(wishes.id, ids[3])))).toBe('23514');
		const list = await listWishes(w.db, mine);
		expect(list.slice(0, 3).every((x) => x.pinned)).toBe(true);
		expect(list[3]).toMatchObject({ text: 'fire', pinned: false });
		// Another writer's three are their own.
		const grandmas = await write(w.db, w.actors.grandma, 'fem');
		expect(await pinWish(w.db, ownFamily(w.actors.grandma)!, { id: grandmas, pinned: true })).toMatchObject({ ok: true });
		// Nobody pins another's wish, nor a teenager's hidden one.
		const secret = await write(w.db, w.actors.teen, 'hemmelig');
		expect(await pinWish(w.db, ownFamily(w.actors.grandma)!, { id: ids[3], pinned: true })).toEqual({ ok: false, reason: 'notFound' });
		expect(await pinWish(w.db, mine, { id: secret, pinned: true })).toEqual({ ok: false, reason: 'notFound' });

		// Came true: no longer "most important now", which makes room for another.
		expect(await setWishStatus(w.db, mine, { id: ids[0], status: 'came_true' })).toMatchObject({ ok: true });
		expect(await pinWish(w.db, mine, { id: ids[0], pinned: true })).toEqual({ ok: false, reason: 'notFound' });
		expect(await pinWish(w.db, mine, { id: ids[3], pinned: true })).toMatchObject({ ok: true });
		expect(await code(w.db.update(wishes).set({ status: 'let_go' }).where(eq(wishes.id, ids[3])))).toBe('23514');
		expect(await pinWish(w.db, mine, { id: ids[1], pinned: false })).toMatchObject({ ok: true });
		expect(
			(await listWishes(w.db, mine))
				.filter((x) => x.pinned && x.mine)
				.map((x) => x.text)
				.sort()
		).toEqual(['fire', 'tre']);
	});

	it('makes a third pin of two at once one, not two (the trigger locks the writer first)', async () => {
		const w = await world();
		const mine = ownFamily(w.actors.parent)!;
		const ids = [];
		for (const text of ['a', 'b', 'c', 'd']) ids.push(await write(w.db, w.actors.parent, text));
		for (const id of ids.slice(0, 2)) await pinWish(w.db, mine, { id, pinned: true });
		const both = await Promise.all(ids.slice(2).map((id) => pinWish(w.db, mine, { id, pinned: true })));
		expect(both.map((r) => (r.ok ? 'ok' : r.reason)).sort()).toEqual(['ok', 'tooMany']);
		expect((await listWishes(w.db, mine)).filter((x) => x.pinned)).toHaveLength(3);
	});
});
