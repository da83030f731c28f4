import { fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { markRead, readThread, sendMessage } from '$lib/server/messages/thread';
import { threadView, unreadFor } from '$lib/server/messages/family-view';
import { readMessageForm } from '$lib/server/files/form-files';
import { prepareFiles } from '$lib/server/files/prepare';
import { fieldErrors } from '$lib/schemas/forms';
import { replySchema, replyWithFilesSchema } from '$lib/schemas/messages';
import type { Actions, PageServerLoad } from './$types';

/**
 * One conversation: its latest 50 lines (or those before `?before=`), and the reply form.
 * Another family's conversation, or one the member may not see, is "not found" like one
 * that does not exist. Showing the latest lines marks them read.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const grant = ownFamily(user, 'message.write') ?? notFound();
	const before = event.url.searchParams.get('before');
	const { db } = await getDatabase();
	// The layout's unread figure is counted first, so it can be put right after marking this one read.
	const [thread, parent] = await Promise.all([readThread(db, grant, event.params.id, before), event.parent()]);
	if (!thread) notFound();
	const newest = thread.lines.at(-1);
	let unread = parent.user?.unread ?? 0;
	if (!before && newest) {
		if (unreadFor(thread, user.memberId)) unread = Math.max(0, unread - 1);
		await markRead(db, user, thread, newest.createdAt);
	}
	return {
		thread: threadView(thread, event.locals.locale),
		latest: !before,
		done: event.url.searchParams.get('done') === 'sent',
		draft: `${user.memberId}:${thread.id}`,
		// A new one-time key per page view: the same reply sent twice is one message.
		formKey: randomUUID(),
		// The header's figure with this conversation read now.
		user: parent.user ? { ...parent.user, unread } : null
	};
};

export const actions: Actions = {
	reply: async (event) => {
		const user = requireFamily(event);
		const form = await readMessageForm(event.request);
		const answer = (errors: Record<string, string>) => fail(400, { values: { body: form.fields.body ?? '' }, errors, chosen: form.chosen });
		const parsed = (form.files.length ? replyWithFilesSchema : replySchema).safeParse(form.fields);
		if (!parsed.success) return answer(fieldErrors(parsed.error));
		const files = await prepareFiles(form.files);
		if (!files.ok) return answer({ files: files.error });
		const { db } = await getDatabase();
		const result = await sendMessage(db, ownFamily(user, 'message.write') ?? notFound(), event.params.id, { ...parsed.data, files: files.files });
		if (!result.ok) notFound();
		redirect(303, `/messages/${event.params.id}?done=sent#m-${result.id}`);
	}
};
