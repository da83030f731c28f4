/**
 * The team's side of messages: what a staff member's view of a conversation carries (quick
 * replies, colleagues to hand it to), quick replies going out in the family's language, handing
 * over only to someone who can open it, one family's list, paging, the staff family page's
 * figures, and who a staff member can write to.
 */
import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import {
	absence,
	familyActor,
	grantFor,
	helpMember,
	involve,
	makeFamily,
	makeStaff,
	makeTeam,
	makeUser,
	openInvitation,
	staffActor
} from './fixtures';
import { ownFamily, type Action, type Actor, type FamilyGrant } from '../../src/lib/server/access';
import { startConversation } from '../../src/lib/server/messages/conversations';
import { readThread, sendMessage } from '../../src/lib/server/messages/thread';
import { familyConversations, handOver, sendQuickReply, setStatus, staffInbox } from '../../src/lib/server/messages/inbox';
import { writeTargets } from '../../src/lib/server/messages/staff';
import { staffFamilyPage } from '../../src/lib/server/staff-family';
import { getFamilyOverview } from '../../src/lib/server/families';
import { conversations, messages, quickReplies } from '../../src/lib/server/db/schema';
import { copenhagenDate } from '../../src/lib/i18n/format';
import { inboxPageSize } from '../../src/lib/server/messages/inbox';

describeEachBackend('messages, the team’s side', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id, { name: 'Mette Lund' });
		const involved = await makeStaff(db, team.id, { department: 'culture', name: 'Ali Demir' });
		const outsider = await makeStaff(db, team.id, { department: 'health', name: 'Ulla Udenfor' });
		const leader = await makeStaff(db, team.id, { name: 'Lone Leder', role: 'team_leader' });
		const otherTeam = await makeTeam(db);
		const stranger = await makeStaff(db, otherTeam.id, { name: 'Sten Fremmed' });
		const year = Number(copenhagenDate().slice(0, 4));
		const { family, members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'parent', name: 'Amina Hassan', preferredLanguage: 'ar' },
			{ role: 'child', name: 'Yusuf Hassan', birthYear: year - 15, preferredLanguage: 'da' },
			{ role: 'child', name: 'Sara Hassan', birthYear: year - 9 }
		]);
		await involve(db, family.id, involved.id);
		const other = await makeFamily(db, team.id, outsider.id, [{ role: 'parent', name: 'Ayşe Yılmaz', preferredLanguage: 'tr' }]);
		const fam = async (m: (typeof members)[number]) => familyActor(m, (await makeUser(db, { familyMemberId: m.id })).id);
		const st = async (s: typeof contact) => staffActor(s, (await makeUser(db, { staffId: s.id })).id);
		const [reply] = await db
			.insert(quickReplies)
			.values({ teamId: team.id, position: 1, texts: { da: 'Tak, jeg svarer dig i dag', ar: 'شكراً، سأرد عليك اليوم' } })
			.returning();
		const [first] = await db
			.insert(quickReplies)
			.values({ teamId: team.id, position: 0, texts: { da: 'Kan du sende et billede af brevet?' } })
			.returning();
		const [foreignReply] = await db
			.insert(quickReplies)
			.values({ teamId: otherTeam.id, texts: { da: 'Et andet holds svar', ar: 'رد فريق آخر' } })
			.returning();
		return {
			db,
			team,
			family,
			members,
			other,
			staff: { contact, involved, outsider, leader, stranger },
			replies: { reply, first, foreignReply },
			actors: {
				parent: await fam(members[0]),
				teen: await fam(members[1]),
				otherParent: await fam(other.members[0]),
				contact: await st(contact),
				involved: await st(involved),
				outsider: await st(outsider),
				leader: await st(leader),
				stranger: await st(stranger)
			}
		};
	}
	type World = Awaited<ReturnType<typeof world>>;

	const grant = (w: World, actor: Actor, action: Action = 'message.write', familyId = w.family.id): Promise<FamilyGrant> =>
		actor.kind === 'family' ? Promise.resolve(ownFamily(actor, action)!) : grantFor(w.db, actor, familyId, action);
	async function start(w: World, actor: Actor, subject: string, body = 'Hej', familyId = w.family.id) {
		const g = await grant(w, actor, 'message.write', familyId);
		const staffId = actor.kind === 'staff' ? actor.staffId : familyId === w.family.id ? w.staff.contact.id : w.staff.outsider.id;
		const r = await startConversation(w.db, g, { subject, body, staffId, formKey: randomUUID() });
		if (!r.ok) throw new Error('not started');
		return r.id;
	}
	const lines = async (w: World, id: string) =>
		w.db.select({ kind: messages.kind, body: messages.body }).from(messages).where(eq(messages.conversationId, id));

	it("gives staff the family's name, the team's quick replies in the family's language and the colleagues who can open it — never the family", async () => {
		const w = await world();
		const id = await start(w, w.actors.parent, 'Brev fra kommunen');
		const view = (await readThread(w.db, await grant(w, w.actors.contact), id))!;
		expect(view.language).toBe('ar');
		expect(view.team).toEqual({
			familyName: w.family.name,
			memberName: null,
			// In order; the one the team has in Arabic goes out in Arabic, the other in Danish.
			quickReplies: [
				{ id: w.replies.first.id, da: 'Kan du sende et billede af brevet?', lang: 'da' },
				{ id: w.replies.reply.id, da: 'Tak, jeg svarer dig i dag', lang: 'ar' }
			],
			// Those who work with the family, not the one who answers now; not a colleague who does not work with it.
			colleagues: [
				{ id: w.staff.involved.id, name: 'Ali Demir' },
				{ id: w.staff.leader.id, name: 'Lone Leder' }
			]
		});
		expect((await readThread(w.db, ownFamily(w.actors.parent, 'message.write')!, id))!.team).toBeNull();

		// A stand-in of the contact person (from a week before the absence) can be handed it too.
		await absence(w.db, w.staff.contact, 5, 9, w.staff.outsider.id);
		const later = (await readThread(w.db, await grant(w, w.actors.involved), id))!;
		expect(later.team!.colleagues.map((c) => c.name)).toEqual(['Ali Demir', 'Lone Leder', 'Ulla Udenfor']);

		// A teenager's private conversation names its member.
		const teens = await start(w, w.actors.teen, 'Fritidsjob');
		const teenView = (await readThread(w.db, await grant(w, w.actors.contact), teens))!;
		expect(teenView.team!.memberName).toBe('Yusuf Hassan');
		expect(teenView.language).toBe('da');
	});

	it("answers a conversation under another family's id like one that does not exist", async () => {
		const w = await world();
		const id = await start(w, w.actors.parent, 'Husleje');
		// The outsider works with the other family: their grant for it does not open this one.
		const otherGrant = await grant(w, w.actors.outsider, 'message.write', w.other.family.id);
		expect(await readThread(w.db, otherGrant, id)).toBeNull();
		const manage = await grant(w, w.actors.outsider, 'message.manage', w.other.family.id);
		const before = await lines(w, id);
		expect(await sendMessage(w.db, otherGrant, id, { body: 'Hej', formKey: randomUUID() })).toEqual({ ok: false, reason: 'notFound' });
		expect(await sendMessage(w.db, manage, id, { body: 'Note', kind: 'note', formKey: randomUUID() })).toEqual({
			ok: false,
			reason: 'notFound'
		});
		expect(await sendQuickReply(w.db, otherGrant, id, w.replies.reply.id, randomUUID())).toEqual({ ok: false, reason: 'notFound' });
		expect(await handOver(w.db, manage, id, w.staff.outsider.id, randomUUID())).toEqual({ ok: false, reason: 'notFound' });
		expect(await setStatus(w.db, manage, id, 'done')).toEqual({ ok: false, reason: 'notFound' });
		expect(await lines(w, id)).toEqual(before);
		const [conv] = await w.db.select().from(conversations).where(eq(conversations.id, id));
		expect(conv).toMatchObject({ status: 'open', staffId: w.staff.contact.id });
		// And the team's notes never reach the family.
		await sendMessage(w.db, await grant(w, w.actors.contact, 'message.manage'), id, {
			body: 'Ring til boligselskabet',
			kind: 'note',
			formKey: randomUUID()
		});
		const family = (await readThread(w.db, ownFamily(w.actors.parent, 'message.write')!, id))!;
		expect(family.lines.map((l) => l.body)).toEqual(['Hej']);
	});

	it("sends a quick reply in the family member's language with the Danish for the team; only the team's own", async () => {
		const w = await world();
		const id = await start(w, w.actors.parent, 'Brev');
		const write = await grant(w, w.actors.contact);
		const key = randomUUID();
		expect((await sendQuickReply(w.db, write, id, w.replies.reply.id, key)).ok).toBe(true);
		// A double tap sends one.
		expect((await sendQuickReply(w.db, write, id, w.replies.reply.id, key)).ok).toBe(true);
		const view = (await readThread(w.db, write, id))!;
		expect(view.lines.at(-1)).toMatchObject({ body: 'شكراً، سأرد عليك اليوم', lang: 'ar', bodyDa: 'Tak, jeg svarer dig i dag' });
		expect(view.lines).toHaveLength(2);
		// The wait ended with it (the team's first reply).
		const [conv] = await w.db.select().from(conversations).where(eq(conversations.id, id));
		expect(conv.waitingSince).toBeNull();
		// The family reads the Arabic, never the team's Danish.
		const family = (await readThread(w.db, ownFamily(w.actors.parent, 'message.write')!, id))!;
		expect(family.lines.at(-1)).toMatchObject({ body: 'شكراً، سأرد عليك اليوم', bodyDa: null });
		// Another team's quick reply, an unknown one, or a family member: nothing sent.
		expect(await sendQuickReply(w.db, write, id, w.replies.foreignReply.id, randomUUID())).toEqual({ ok: false, reason: 'notFound' });
		expect(await sendQuickReply(w.db, write, id, randomUUID(), randomUUID())).toEqual({ ok: false, reason: 'notFound' });
		expect(await sendQuickReply(w.db, ownFamily(w.actors.parent, 'message.write')!, id, w.replies.reply.id, randomUUID())).toEqual({
			ok: false,
			reason: 'notFound'
		});
		expect(await lines(w, id)).toHaveLength(2);
	});

	it('hands a conversation only to a colleague who works with the family, who then finds it under "mine"', async () => {
		const w = await world();
		const id = await start(w, w.actors.parent, 'Fritidsjob til Yusuf');
		const manage = await grant(w, w.actors.contact, 'message.manage');
		// On the team but not working with the family: they could not open it, so it is refused.
		expect(await handOver(w.db, manage, id, w.staff.outsider.id, randomUUID())).toEqual({ ok: false, reason: 'notFound' });
		expect(await handOver(w.db, manage, id, w.staff.stranger.id, randomUUID())).toEqual({ ok: false, reason: 'notFound' });
		expect((await lines(w, id)).map((l) => l.kind)).toEqual(['message']);
		expect(await handOver(w.db, manage, id, w.staff.involved.id, randomUUID())).toEqual({ ok: true });
		const mine = async (a: typeof w.actors.contact) => (await staffInbox(w.db, a, 'mine')).rows.map((r) => [r.subject, r.mine]);
		expect(await mine(w.actors.involved)).toEqual([['Fritidsjob til Yusuf', true]]);
		expect(await mine(w.actors.contact)).toEqual([]);
		// Still waiting, and still in the contact person's "all".
		expect((await staffInbox(w.db, w.actors.contact, 'waiting')).rows.map((r) => r.staffName)).toEqual(['Ali Demir']);
		// A team leader may be handed it too.
		expect(await handOver(w.db, await grant(w, w.actors.involved, 'message.manage'), id, w.staff.leader.id, randomUUID())).toEqual({
			ok: true
		});
	});

	it("lists one family's conversations for staff (a teenager's too), never another family's, a page at a time", async () => {
		const w = await world();
		await start(w, w.actors.parent, 'Voksne');
		await start(w, w.actors.teen, 'Privat');
		await start(w, w.actors.otherParent, 'Anden familie', 'Merhaba', w.other.family.id);
		const list = await familyConversations(w.db, await grant(w, w.actors.contact));
		expect(list.rows.map((r) => [r.subject, r.memberName, r.familyName]).sort()).toEqual([
			['Privat', 'Yusuf Hassan', w.family.name],
			['Voksne', null, w.family.name]
		]);
		expect(list.more).toBe(false);
		expect(await familyConversations(w.db, ownFamily(w.actors.parent, 'message.write')!)).toEqual({ rows: [], more: false });

		// 51 conversations: a full page and one more.
		const now = Date.now();
		await w.db.insert(conversations).values(
			Array.from({ length: inboxPageSize - 1 }, (_, i) => ({
				familyId: w.family.id,
				teamId: w.team.id,
				visibility: 'adults' as const,
				subject: `Samtale ${i}`,
				staffId: w.staff.contact.id,
				startedByStaffId: w.staff.contact.id,
				lastMessageAt: new Date(now - (i + 1) * 60_000),
				formKey: randomUUID()
			}))
		);
		const first = await familyConversations(w.db, await grant(w, w.actors.contact));
		expect(first.rows).toHaveLength(inboxPageSize);
		expect(first.more).toBe(true);
		const second = await familyConversations(w.db, await grant(w, w.actors.contact), 1);
		expect(second).toMatchObject({ more: false });
		expect(second.rows).toHaveLength(1);
		const inbox = [...(await staffInbox(w.db, w.actors.contact, 'all')).rows, ...(await staffInbox(w.db, w.actors.contact, 'all', 1)).rows];
		expect(new Set(inbox.map((r) => r.id)).size).toBe(inboxPageSize + 1);
	});

	it("gives the staff family page its open links, member notes and how many conversations wait, in one statement beside the head's", async () => {
		const w = await world();
		const waiting = await start(w, w.actors.parent, 'Venter');
		await start(w, w.actors.teen, 'Venter også');
		const answered = await start(w, w.actors.parent, 'Besvaret');
		await sendMessage(w.db, await grant(w, w.actors.contact), answered, { body: 'Svar', formKey: randomUUID() });
		const done = await start(w, w.actors.parent, 'Færdig');
		await setStatus(w.db, await grant(w, w.actors.contact, 'message.manage'), done, 'done');
		await start(w, w.actors.contact, 'Fra holdet');
		await helpMember(w.db, w.family.id, w.staff.involved.id, w.members[1].id, { da: 'Fritidsjob' });
		await openInvitation(w.db, w.members[1].id, w.staff.contact.id);
		expect(waiting).toBeTruthy();

		const g = await grant(w, w.actors.contact, 'family.view');
		const page = (await staffFamilyPage(w.db, g))!;
		expect(page.waiting).toBe(2);
		expect(page.family).toEqual(await getFamilyOverview(w.db, g));
		expect(page.family.team.find((m) => m.name === 'Ali Demir')!.notes).toEqual([
			{ memberId: w.members[1].id, memberName: 'Yusuf Hassan', note: { da: 'Fritidsjob' } }
		]);
		expect(page.openLinks).toHaveLength(1);
		expect(page.openLinks[0]).toMatchObject({ memberId: w.members[1].id, purpose: 'invite' });
		expect(page.openLinks[0].expiresAt.getTime()).toBeGreaterThan(Date.now());
		expect(await staffFamilyPage(w.db, ownFamily(w.actors.parent, 'family.view')!)).toBeNull();
	});

	it('offers to write to the adults or to one member old enough for a sign-in', async () => {
		const w = await world();
		const targets = (await writeTargets(w.db, await grant(w, w.actors.contact)))!;
		expect(targets.familyName).toBe(w.family.name);
		expect(targets.members.map((m) => [m.name, m.hasSignIn])).toEqual([
			['Amina Hassan', true],
			['Yusuf Hassan', true]
		]);
		expect(await writeTargets(w.db, await grant(w, w.actors.contact, 'family.view'))).toBeNull();
		expect(await writeTargets(w.db, ownFamily(w.actors.parent, 'message.write')!)).toBeNull();
	});
});
