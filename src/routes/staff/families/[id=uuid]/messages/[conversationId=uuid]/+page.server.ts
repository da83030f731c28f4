import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { familyGrant, grantAllows, type Action } from '$lib/server/access';
import { markRead, readThread, seenBy, sendMessage } from '$lib/server/messages/thread';
import { handOver, sendQuickReply, setStatus } from '$lib/server/messages/inbox';
import { readForm } from '$lib/server/http/form';
import { readMessageForm } from '$lib/server/files/form-files';
import { prepareFiles } from '$lib/server/files/prepare';
import { notFound } from '$lib/server/http/not-found';
import { waitedFor } from '$lib/messages/waited';
import { fieldErrors } from '$lib/schemas/forms';
import { handOverSchema, quickReplySchema, replySchema, replyWithFilesSchema, statusSchema } from '$lib/schemas/messages';
import type { Actions, PageServerLoad } from './$types';

const doneKeys = ['started', 'sent', 'noted', 'handed', 'closed', 'opened'] as const;
type Done = (typeof doneKeys)[number];
type Params = { id: string; conversationId: string };

/**
 * A conversation as the team sees it. Five statements besides the layout's: the session, the
 * grant (with its audit line), the conversation with its readers, the team's quick replies and
 * colleagues (one statement, readThread), its lines, and — when something new is shown on the
 * latest page — the reader's read mark.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const grant = (await familyGrant(db, user, event.params.id, 'message.write')) ?? notFound();
	const before = event.url.searchParams.get('before');
	const thread = (await readThread(db, grant, event.params.conversationId, before)) ?? notFound();
	const team = thread.team ?? notFound();
	const newest = thread.lines.at(-1);
	const mine = thread.readers.find((r) => r.staff && r.id === user.staffId);
	// Only the latest page marks read, and only when it shows something this reader has not read.
	if (!before && newest && (!mine || mine.readUntil < newest.createdAt)) await markRead(db, user, thread, newest.createdAt);
	// Which family members have read the team's newest message.
	const teamLast = thread.lines.findLast((l) => l.kind === 'message' && l.author.staff);
	return {
		familyId: grant.familyId,
		thread: {
			id: thread.id,
			subject: thread.subject,
			private: thread.private,
			status: thread.status,
			staff: thread.staff,
			language: thread.language,
			waited: thread.waitingSince && thread.status === 'open' ? waitedFor(thread.waitingSince, new Date()) : null,
			earlier: thread.earlier,
			lines: thread.lines.map((l) => ({ ...l, createdAt: l.createdAt.toISOString() }))
		},
		team,
		seen: teamLast
			? { lineId: teamLast.id, by: seenBy(thread, teamLast, false).map((r) => ({ name: r.name, at: r.seenAt.toISOString() })) }
			: null,
		latest: !before,
		mayManage: grantAllows(grant, 'message.manage'),
		me: user.staffId,
		done: doneKeys.find((k) => k === event.url.searchParams.get('done')) ?? null,
		// A key per form: a key sent again is the same line, never another form's.
		formKeys: { reply: randomUUID(), quick: randomUUID(), note: randomUUID(), handover: randomUUID() }
	};
};

/** The staff member's grant for one action on the family in the URL (audited), or the 404. */
async function grantOf(event: RequestEvent<Params>, action: Action) {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	return { db, grant: (await familyGrant(db, user, event.params.id, action)) ?? notFound() };
}

/** After a change: the conversation's own page (a GET), saying what was done. */
function after(result: { ok: boolean }, event: RequestEvent<Params>, done: Done): never {
	if (!result.ok) notFound();
	redirect(303, `/staff/families/${event.params.id}/messages/${event.params.conversationId}?done=${done}`);
}

/** A reply to the family (words, files or both), or a note for the team only (words): the same form, other words. */
async function write(event: RequestEvent<Params>, kind: 'message' | 'note') {
	const form = kind === 'message' ? await readMessageForm(event.request) : { fields: await readForm(event.request), files: [], chosen: [] };
	const parsed = (form.files.length ? replyWithFilesSchema : replySchema).safeParse(form.fields);
	const action = kind === 'note' ? 'note' : 'reply';
	const answer = (errors: Record<string, string>) => fail(400, { action, values: { body: form.fields.body ?? '' }, errors, chosen: form.chosen });
	if (!parsed.success) return answer(fieldErrors(parsed.error));
	const files = await prepareFiles(form.files);
	if (!files.ok) return answer({ files: files.error });
	const { db, grant } = await grantOf(event, kind === 'note' ? 'message.manage' : 'message.write');
	after(await sendMessage(db, grant, event.params.conversationId, { ...parsed.data, kind, files: files.files }), event, kind === 'note' ? 'noted' : 'sent');
}

export const actions: Actions = {
	reply: (event) => write(event, 'message'),
	note: (event) => write(event, 'note'),
	quick: async (event) => {
		const parsed = quickReplySchema.safeParse(await readForm(event.request));
		if (!parsed.success) return fail(400, { action: 'quick', values: {}, errors: fieldErrors(parsed.error) });
		const { db, grant } = await grantOf(event, 'message.write');
		after(await sendQuickReply(db, grant, event.params.conversationId, parsed.data.reply, parsed.data.formKey), event, 'sent');
	},
	handover: async (event) => {
		const parsed = handOverSchema.safeParse(await readForm(event.request));
		if (!parsed.success) return fail(400, { action: 'handover', values: {}, errors: fieldErrors(parsed.error) });
		const { db, grant } = await grantOf(event, 'message.manage');
		after(await handOver(db, grant, event.params.conversationId, parsed.data.staff, parsed.data.formKey), event, 'handed');
	},
	status: async (event) => {
		const parsed = statusSchema.safeParse(await readForm(event.request));
		if (!parsed.success) return fail(400, { action: 'status', values: {}, errors: fieldErrors(parsed.error) });
		const { db, grant } = await grantOf(event, 'message.manage');
		after(await setStatus(db, grant, event.params.conversationId, parsed.data.status), event, parsed.data.status === 'done' ? 'closed' : 'opened');
	}
};
