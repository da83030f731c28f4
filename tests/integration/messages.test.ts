import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { absence, familyActor, grantFor, involve, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { ownFamily, type Actor, type FamilyGrant } from '../../src/lib/server/access';
import { addressees, listConversations, startConversation, unreadCount } from '../../src/lib/server/messages/conversations';
import { markRead, readThread, seenBy, sendMessage, type Thread } from '../../src/lib/server/messages/thread';
import { handOver, quickReplyText, setStatus, staffInbox, teamQuickReplies } from '../../src/lib/server/messages/inbox';
import { auditLog, conversations, messages, quickReplies } from '../../src/lib/server/db/schema';
import { copenhagenDate } from '../../src/lib/i18n/format';
import { messagesPerPage } from '../../src/lib/codes';

const code = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => e.cause?.code ?? e.code
	);

describeEachBackend('messages', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id, { name: 'Mette Lund' });
		const involved = await makeStaff(db, team.id, { department: 'culture', name: 'Ali Demir' });
		const colleague = await makeStaff(db, team.id, { department: 'health' });
		const otherTeam = await makeTeam(db);
		const stranger = await makeStaff(db, otherTeam.id);
		const year = Number(copenhagenDate().slice(0, 4));
		const { family, members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'parent', name: 'Amina Hassan', preferredLanguage: 'ar' },
			{ role: 'other_adult', name: 'Halima Hassan' },
			{ role: 'child', name: 'Yusuf Hassan', birthYear: year - 15 }
		]);
		await involve(db, family.id, involved.id);
		const other = await makeFamily(db, team.id, colleague.id);
		const fam = async (m: (typeof members)[number]) => familyActor(m, (await makeUser(db, { familyMemberId: m.id })).id);
		const st = async (s: typeof contact) => staffActor(s, (await makeUser(db, { staffId: s.id })).id);
		return {
			db,
			team,
			family,
			members,
			staff: { contact, involved, colleague, stranger },
			actors: {
				parent: await fam(members[0]),
				grandma: await fam(members[1]),
				teen: await fam(members[2]),
				otherParent: await fam(other.members[0]),
				contact: await st(contact),
				involved: await st(involved),
				colleague: await st(colleague),
				stranger: await st(stranger)
			}
		};
	}
	type World = Awaited<ReturnType<typeof world>>;

	async function grant(w: World, actor: Actor, action: 'message.write' | 'message.manage' = 'message.write'): Promise<FamilyGrant | null> {
		if (actor.kind === 'family') return actor.familyId === w.family.id ? ownFamily(actor, action) : null;
		const { familyGrant } = await import('../../src/lib/server/access');
		return familyGrant(w.db, actor, w.family.id, action);
	}
	const start = async (w: World, actor: Actor, subject: string, body = 'Hej', staffId = w.staff.contact.id, memberId?: string) => {
		const r = await startConversation(w.db, (await grant(w, actor))!, { subject, body, staffId, memberId, formKey: randomUUID() });
		if (!r.ok) throw new Error('not started');
		return r.id;
	};

	it("keeps the adults' conversations from the teenager and the teenager's from the parents — in lists, reads, counts and writes", async () => {
		const w = await world();
		const adults = await start(w, w.actors.parent, 'Brev fra kommunen');
		const teens = await start(w, w.actors.teen, 'Noget privat');
		const { parent, grandma, teen, otherParent, contact, involved, colleague, stranger } = w.actors;

		const subjects = async (a: Actor) => {
			const g = await grant(w, a);
			return g ? (await listConversations(w.db, g)).map((c) => c.subject).sort() : null;
		};
		expect(await subjects(parent)).toEqual(['Brev fra kommunen']);
		expect(await subjects(grandma)).toEqual(['Brev fra kommunen']);
		expect(await subjects(teen)).toEqual(['Noget privat']);
		expect(await subjects(contact)).toEqual(['Brev fra kommunen', 'Noget privat']);
		expect(await subjects(involved)).toEqual(['Brev fra kommunen', 'Noget privat']);
		// Not on the family's team or not working with it: no grant at all.
		expect(await grant(w, colleague)).toBeNull();
		expect(await grant(w, stranger)).toBeNull();
		expect(await grant(w, otherParent)).toBeNull();

		// A single read by id: a hidden conversation answers like a missing one.
		expect(await readThread(w.db, ownFamily(parent, 'message.write')!, teens)).toBeNull();
		expect(await readThread(w.db, ownFamily(teen, 'message.write')!, adults)).toBeNull();
		expect(await readThread(w.db, ownFamily(otherParent, 'message.write')!, adults)).toBeNull();
		expect((await readThread(w.db, ownFamily(teen, 'message.write')!, teens))?.subject).toBe('Noget privat');

		// Writing to a hidden conversation writes nothing.
		const before = (await w.db.select().from(messages).where(eq(messages.conversationId, teens))).length;
		expect(await sendMessage(w.db, ownFamily(parent, 'message.write')!, teens, { body: 'Hej?', formKey: randomUUID() })).toEqual({
			ok: false,
			reason: 'notFound'
		});
		expect(await sendMessage(w.db, ownFamily(otherParent, 'message.write')!, teens, { body: 'Hej?', formKey: randomUUID() })).toEqual({
			ok: false,
			reason: 'notFound'
		});
		expect((await w.db.select().from(messages).where(eq(messages.conversationId, teens))).length).toBe(before);

		// Unread counts: the team replies in both; the parent counts one, never the teenager's.
		await sendMessage(w.db, (await grant(w, contact))!, adults, { body: 'Jeg kigger på det', formKey: randomUUID() });
		await sendMessage(w.db, (await grant(w, contact))!, teens, { body: 'Tak for din besked', formKey: randomUUID() });
		expect(await unreadCount(w.db, parent)).toBe(1);
		expect(await unreadCount(w.db, grandma)).toBe(1);
		expect(await unreadCount(w.db, teen)).toBe(1);
		expect(await unreadCount(w.db, otherParent)).toBe(0);
	});

	it('lets a family write only to its contact person or someone involved with it; staff to anyone on the team', async () => {
		const w = await world();
		const g = ownFamily(w.actors.parent, 'message.write')!;
		expect((await addressees(w.db, g)).map((a) => [a.name, a.contact])).toEqual([
			['Mette Lund', true],
			['Ali Demir', false]
		]);
		for (const staffId of [w.staff.colleague.id, w.staff.stranger.id]) {
			expect(await startConversation(w.db, g, { subject: 'x', body: 'y', staffId, formKey: randomUUID() })).toEqual({
				ok: false,
				reason: 'notFound'
			});
		}
		expect((await startConversation(w.db, g, { subject: 'x', body: 'y', staffId: w.staff.involved.id, formKey: randomUUID() })).ok).toBe(
			true
		);
		const sg = (await grant(w, w.actors.contact))!;
		expect(
			(await startConversation(w.db, sg, { subject: 'Til holdet', body: 'y', staffId: w.staff.colleague.id, formKey: randomUUID() })).ok
		).toBe(true);
		expect(await startConversation(w.db, sg, { subject: 'x', body: 'y', staffId: w.staff.stranger.id, formKey: randomUUID() })).toEqual({
			ok: false,
			reason: 'notFound'
		});
		// To one member of another family: refused, nothing written.
		const otherMember = w.actors.otherParent.memberId;
		expect(
			await startConversation(w.db, sg, {
				subject: 'x',
				body: 'y',
				staffId: w.staff.contact.id,
				memberId: otherMember,
				formKey: randomUUID()
			})
		).toEqual({ ok: false, reason: 'notFound' });
	});

	it("a staff member's conversation with one member is that member's alone", async () => {
		const w = await world();
		await start(w, w.actors.contact, 'Til Yusuf', 'Hej Yusuf', w.staff.contact.id, w.members[2].id);
		expect((await listConversations(w.db, ownFamily(w.actors.teen, 'message.write')!)).map((c) => [c.subject, c.private])).toEqual([
			['Til Yusuf', true]
		]);
		expect(await listConversations(w.db, ownFamily(w.actors.parent, 'message.write')!)).toEqual([]);
		expect(await unreadCount(w.db, w.actors.parent)).toBe(0);
		expect(await unreadCount(w.db, w.actors.teen)).toBe(1);
	});

	it('a double tap starts one conversation and sends one message', async () => {
		const w = await world();
		const g = ownFamily(w.actors.parent, 'message.write')!;
		const key = randomUUID();
		const input = { subject: 'Samme', body: 'Hej', staffId: w.staff.contact.id, formKey: key };
		const [a, b] = await Promise.all([startConversation(w.db, g, input), startConversation(w.db, g, input)]);
		expect(a).toEqual(b);
		const id = (a as { id: string }).id;
		const send = { body: 'To gange', formKey: randomUUID() };
		const [x, y] = await Promise.all([sendMessage(w.db, g, id, send), sendMessage(w.db, g, id, send)]);
		expect(x).toEqual(y);
		expect((await w.db.select().from(messages).where(eq(messages.conversationId, id))).map((m) => m.body)).toEqual(['Hej', 'To gange']);
		// Someone else replaying the key gets nothing of it.
		expect(await sendMessage(w.db, ownFamily(w.actors.grandma, 'message.write')!, id, send)).toEqual({ ok: false, reason: 'notFound' });
	});

	it('shows who has seen what, both ways', async () => {
		const w = await world();
		const id = await start(w, w.actors.parent, 'Brev', 'Kan I hjælpe med brevet?');
		const staffGrant = (await grant(w, w.actors.contact))!;
		const staffView = (await readThread(w.db, staffGrant, id))!;
		await markRead(w.db, w.actors.contact, staffView, staffView.lines.at(-1)!.createdAt);
		const parentView = (await readThread(w.db, ownFamily(w.actors.parent, 'message.write')!, id))!;
		expect(seenBy(parentView, parentView.lines[0], true).map((r) => r.name)).toEqual(['Mette Lund']);
		expect(seenBy(parentView, parentView.lines[0], false)).toEqual([]);

		await sendMessage(w.db, staffGrant, id, { body: 'Ja, send et billede', formKey: randomUUID() });
		let view = (await readThread(w.db, staffGrant, id))!;
		expect(seenBy(view, view.lines.at(-1)!, false)).toEqual([]);
		const grandmaView = (await readThread(w.db, ownFamily(w.actors.grandma, 'message.write')!, id))!;
		await markRead(w.db, w.actors.grandma, grandmaView, grandmaView.lines.at(-1)!.createdAt);
		// Reading again never moves the mark back.
		await markRead(w.db, w.actors.grandma, grandmaView, grandmaView.lines[0].createdAt);
		view = (await readThread(w.db, staffGrant, id))!;
		expect(seenBy(view, view.lines.at(-1)!, false).map((r) => r.name)).toEqual(['Halima Hassan']);
		expect(await unreadCount(w.db, w.actors.grandma)).toBe(0);
		expect(await unreadCount(w.db, w.actors.parent)).toBe(1);
	});

	it('keeps internal notes from the family and records how long the family waited for the first reply', async () => {
		const w = await world();
		const id = await start(w, w.actors.parent, 'Husleje', 'Jeg har fået en rykker');
		await sendMessage(w.db, ownFamily(w.actors.grandma, 'message.write')!, id, { body: 'Og et brev mere', formKey: randomUUID() });
		const manage = (await grant(w, w.actors.contact, 'message.manage'))!;
		const write = (await grant(w, w.actors.contact))!;
		// A family member cannot write a note; a staff member writes one with the manage grant only.
		expect(
			await sendMessage(w.db, ownFamily(w.actors.parent, 'message.write')!, id, { body: 'x', kind: 'note', formKey: randomUUID() })
		).toEqual({
			ok: false,
			reason: 'notFound'
		});
		expect((await sendMessage(w.db, manage, id, { body: 'Ring til boligselskabet', kind: 'note', formKey: randomUUID() })).ok).toBe(true);
		let [conv] = await w.db.select().from(conversations).where(eq(conversations.id, id));
		const waited = conv.waitingSince!;
		expect(waited).not.toBeNull();
		await sendMessage(w.db, write, id, { body: 'Jeg ringer til dem i dag', formKey: randomUUID() });
		[conv] = await w.db.select().from(conversations).where(eq(conversations.id, id));
		expect(conv.waitingSince).toBeNull();
		const [reply] = await w.db
			.select()
			.from(messages)
			.where(and(eq(messages.conversationId, id), eq(messages.body, 'Jeg ringer til dem i dag')));
		expect(reply.answersWaitSince?.getTime()).toBe(waited.getTime());

		const family = (await readThread(w.db, ownFamily(w.actors.parent, 'message.write')!, id))!;
		expect(family.lines.map((l) => l.kind)).toEqual(['message', 'message', 'message']);
		const team = (await readThread(w.db, write, id))!;
		expect(team.lines.map((l) => l.kind)).toEqual(['message', 'message', 'note', 'message']);
		// The database refuses a note by a family member, whatever the code does.
		expect(
			await code(
				w.db.insert(messages).values({
					conversationId: id,
					familyId: w.family.id,
					teamId: w.team.id,
					kind: 'note',
					authorMemberId: w.members[0].id,
					body: 'x',
					formKey: randomUUID()
				})
			)
		).toBe('23514');
	});

	it('hands a conversation to a colleague on the team, marks it done, and a family message opens it again', async () => {
		const w = await world();
		const id = await start(w, w.actors.parent, 'Fritidsjob til Yusuf');
		const manage = (await grant(w, w.actors.contact, 'message.manage'))!;
		expect(await handOver(w.db, manage, id, w.staff.stranger.id, randomUUID())).toEqual({ ok: false, reason: 'notFound' });
		expect(await handOver(w.db, manage, id, w.staff.involved.id, randomUUID())).toEqual({ ok: true });
		const view = (await readThread(w.db, ownFamily(w.actors.parent, 'message.write')!, id))!;
		expect(view.staff.name).toBe('Ali Demir');
		expect(view.lines.at(-1)).toMatchObject({ kind: 'handover', handedTo: 'Ali Demir', author: { name: 'Mette Lund' } });
		// The write grant cannot manage; the family cannot either.
		expect(await setStatus(w.db, (await grant(w, w.actors.contact))!, id, 'done')).toEqual({ ok: false, reason: 'notFound' });
		expect(await setStatus(w.db, manage, id, 'done')).toEqual({ ok: true });
		await sendMessage(w.db, ownFamily(w.actors.parent, 'message.write')!, id, { body: 'Tak!', formKey: randomUUID() });
		const [conv] = await w.db.select().from(conversations).where(eq(conversations.id, id));
		expect(conv.status).toBe('open');
		// Handing to someone outside the team is refused by the database too.
		expect(await code(w.db.update(conversations).set({ staffId: w.staff.stranger.id }).where(eq(conversations.id, id)))).toBe('23503');
	});

	it("the inbox holds what the staff member may see, with its filters; reading a family's conversation is audited", async () => {
		const w = await world();
		const a = await start(w, w.actors.parent, 'Venter på svar');
		const b = await start(w, w.actors.teen, 'Til Ali', 'Hej', w.staff.involved.id);
		await sendMessage(w.db, (await grant(w, w.actors.contact))!, b, { body: 'Svar', formKey: randomUUID() });
		const subjects = async (actor: typeof w.actors.contact, filter: Parameters<typeof staffInbox>[2]) =>
			(await staffInbox(w.db, actor, filter)).rows.map((r) => r.subject).sort();
		expect(await subjects(w.actors.contact, 'all')).toEqual(['Til Ali', 'Venter på svar']);
		expect(await subjects(w.actors.contact, 'waiting')).toEqual(['Venter på svar']);
		expect(await subjects(w.actors.contact, 'mine')).toEqual(['Venter på svar']);
		expect(await subjects(w.actors.involved, 'mine')).toEqual(['Til Ali']);
		expect(await subjects(w.actors.contact, 'unread')).toEqual(['Venter på svar']);
		expect(await subjects(w.actors.colleague, 'all')).toEqual([]);
		expect(await subjects(w.actors.stranger, 'all')).toEqual([]);
		expect(await unreadCount(w.db, w.actors.contact)).toBe(1);
		expect(await unreadCount(w.db, w.actors.colleague)).toBe(0);

		// The colleague stands in for the contact person today: the contact's conversations are theirs to answer.
		await absence(w.db, w.staff.contact, 0, 3, w.staff.colleague.id);
		expect(await subjects(w.actors.colleague, 'stand_in')).toEqual(['Til Ali', 'Venter på svar']);
		expect(await subjects(w.actors.colleague, 'mine')).toEqual(['Venter på svar']);
		expect(await unreadCount(w.db, w.actors.colleague)).toBe(1);

		const before = (await w.db.select().from(auditLog).where(eq(auditLog.familyId, w.family.id))).length;
		await grantFor(w.db, w.actors.contact, w.family.id, 'message.write');
		const after = await w.db.select().from(auditLog).where(eq(auditLog.familyId, w.family.id));
		expect(after.length).toBe(before + 1);
		expect(after.some((e) => e.action === 'message.write')).toBe(true);
		expect(a).not.toBe(b);
	});

	it('shows the latest messages and pages back to the first without losing or repeating one', async () => {
		const w = await world();
		const id = await start(w, w.actors.parent, 'Lang samtale', 'besked 0');
		const g = ownFamily(w.actors.parent, 'message.write')!;
		const total = messagesPerPage + 12;
		const base = Date.now() - 3600_000;
		// Written straight into the table, several in the same millisecond, to test the keyset's tie-break.
		await w.db.insert(messages).values(
			Array.from({ length: total - 1 }, (_, i) => ({
				conversationId: id,
				familyId: w.family.id,
				teamId: w.team.id,
				authorMemberId: w.members[0].id,
				body: `besked ${i + 1}`,
				formKey: randomUUID(),
				createdAt: new Date(base + Math.floor(i / 3) * 1000)
			}))
		);
		const seen: string[] = [];
		let cursor: string | null = null;
		for (let pages = 0; pages < 5; pages++) {
			const view: Thread = (await readThread(w.db, g, id, cursor))!;
			seen.unshift(...view.lines.map((l) => l.body));
			cursor = view.earlier;
			if (!cursor) break;
		}
		expect(seen.length).toBe(total);
		expect(new Set(seen).size).toBe(total);
		// Oldest first; the first message (written at start, now) is the newest here.
		expect(seen.at(-1)).toBe('besked 0');
	});

	it("sends a quick reply in the family member's language, with the Danish kept for the team", async () => {
		const w = await world();
		await w.db.insert(quickReplies).values({
			teamId: w.team.id,
			texts: { da: 'Tak, jeg svarer dig i dag', ar: 'شكراً، سأرد عليك اليوم', en: 'Thank you, I will answer you today' }
		});
		const replies = await teamQuickReplies(w.db, w.actors.contact);
		expect(replies.map((r) => r.da)).toEqual(['Tak, jeg svarer dig i dag']);
		expect(await teamQuickReplies(w.db, w.actors.stranger)).toEqual([]);
		const id = await start(w, w.actors.parent, 'Brev');
		const view = (await readThread(w.db, (await grant(w, w.actors.contact))!, id))!;
		expect(view.language).toBe('ar');
		expect(quickReplyText(replies, replies[0].id, view.language)).toEqual({
			body: 'شكراً، سأرد عليك اليوم',
			lang: 'ar',
			bodyDa: 'Tak, jeg svarer dig i dag'
		});
		expect(quickReplyText(replies, replies[0].id, 'so')?.lang).toBe('da');
		expect(quickReplyText(replies, randomUUID(), 'ar')).toBeNull();
	});

	it('the database refuses what must never happen', async () => {
		const w = await world();
		const id = await start(w, w.actors.parent, 'Grænser');
		const line = { conversationId: id, familyId: w.family.id, teamId: w.team.id, authorMemberId: w.members[0].id };
		expect(await code(w.db.insert(messages).values({ ...line, body: 'x'.repeat(5001), formKey: randomUUID() }))).toBe('23514');
		expect(await code(w.db.insert(messages).values({ ...line, body: '   ', formKey: randomUUID() }))).toBe('23514');
		// A line that claims another family.
		const otherFamily = w.actors.otherParent.familyId;
		expect(await code(w.db.insert(messages).values({ ...line, familyId: otherFamily, body: 'x', formKey: randomUUID() }))).toBe('23503');
		// A private conversation without its member, and an author of another family.
		expect(
			await code(
				w.db.insert(conversations).values({
					familyId: w.family.id,
					teamId: w.team.id,
					visibility: 'member_private',
					subject: 'x',
					staffId: w.staff.contact.id,
					startedByStaffId: w.staff.contact.id,
					formKey: randomUUID()
				})
			)
		).toBe('23514');
		expect(
			await code(w.db.insert(messages).values({ ...line, authorMemberId: w.actors.otherParent.memberId, body: 'x', formKey: randomUUID() }))
		).toBe('23503');
	});
});
