import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachBackend, secondInstance } from './harness';
import { familyActor, makeFamily, makeStaff, makeTeam, makeUser, staffActor, grantFor } from './fixtures';
import { ownFamily } from '../../src/lib/server/access';
import { startConversation } from '../../src/lib/server/messages/conversations';
import { markRead, readThread, sendMessage } from '../../src/lib/server/messages/thread';
import { setStatus } from '../../src/lib/server/messages/inbox';
import { Hub, announce, type Change } from '../../src/lib/server/messages/live';
import { changeStream } from '../../src/lib/server/messages/events';
import type { Db } from '../../src/lib/server/db';

/** Waits until `pred` holds, or fails after `ms`. */
async function until(pred: () => boolean, ms = 3000) {
	const end = Date.now() + ms;
	while (!pred()) {
		if (Date.now() > end) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 20));
	}
}

describeEachBackend('messages live', (ctx) => {
	it('a change made by another app instance reaches the open page of that conversation only, with ids and no words', async () => {
		const database = ctx();
		const other = await secondInstance(database);
		const hub = new Hub(async () => database);
		try {
			const { db } = database;
			const team = await makeTeam(db);
			const contact = await makeStaff(db, team.id);
			const { family, members } = await makeFamily(db, team.id, contact.id, [{ role: 'parent' }]);
			const parent = familyActor(members[0], (await makeUser(db, { familyMemberId: members[0].id })).id);
			const staff = staffActor(contact, (await makeUser(db, { staffId: contact.id })).id);
			const grant = ownFamily(parent, 'message.write')!;
			const start = (subject: string) =>
				startConversation(db, grant, { subject, body: 'Hej', staffId: contact.id, formKey: randomUUID() }).then((r) => (r.ok ? r.id : ''));
			const watched = await start('Set live');
			const unwatched = await start('Ikke set');

			const heard: Change[] = [];
			const stop = await hub.subscribe(watched, (c) => heard.push(c));
			const staffGrant = await grantFor(other.db, staff, family.id, 'message.write');
			// Written through the other instance's connections.
			await sendMessage(other.db, staffGrant, unwatched, { body: 'Ikke til dig', formKey: randomUUID() });
			await sendMessage(other.db, staffGrant, watched, { body: 'Svar', formKey: randomUUID() });
			await until(() => heard.some((c) => c.kind === 'line'));
			// The reply, and the writer's own read mark with it; nothing of the other conversation.
			expect(heard.every((c) => c.conversationId === watched)).toBe(true);
			expect(new Set(heard.map((c) => c.kind))).toEqual(new Set(['line', 'read']));

			// The parent reads: a read mark goes out once; reading the same again says nothing.
			const view = (await readThread(db, grant, watched))!;
			await new Promise((r) => setTimeout(r, 100));
			heard.length = 0;
			await markRead(db, parent, view, view.lines.at(-1)!.createdAt);
			await until(() => heard.length >= 1);
			await markRead(db, parent, view, view.lines.at(-1)!.createdAt);
			await setStatus(other.db, await grantFor(other.db, staff, family.id, 'message.manage'), watched, 'done');
			await until(() => heard.some((c) => c.kind === 'status'));
			expect(heard.map((c) => c.kind)).toEqual(['read', 'status']);

			// A change that is rolled back announces nothing.
			heard.length = 0;
			await db
				.transaction(async (tx) => {
					await announce(tx as unknown as Db, { conversationId: watched, kind: 'line' });
					throw new Error('rollback');
				})
				.catch(() => {});
			await announce(db, { conversationId: watched, kind: 'status' });
			await until(() => heard.length >= 1);
			expect(heard).toEqual([{ conversationId: watched, kind: 'status' }]);

			stop();
			expect(hub.size).toBe(0);

			// The page's stream: an event per change, and nothing left behind when the page goes.
			const leave = new AbortController();
			const response = await changeStream(hub, watched, leave.signal);
			expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
			const reader = response.body!.getReader();
			const decoder = new TextDecoder();
			let text = '';
			const readUntil = async (want: string) => {
				while (!text.includes(want)) text += decoder.decode((await reader.read()).value);
			};
			await readUntil('retry: 5000');
			expect(hub.size).toBe(1);
			await sendMessage(other.db, staffGrant, watched, { body: '<b>ikke html</b>', formKey: randomUUID() });
			await readUntil('data: line');
			expect(text).toContain('event: change\ndata: line\n\n');
			expect(text).not.toContain('ikke html');
			leave.abort();
			await until(() => hub.size === 0);
		} finally {
			await hub.close();
			await other.close();
		}
	});
});
