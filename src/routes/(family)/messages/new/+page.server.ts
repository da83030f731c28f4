import { fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { addressees, startConversation } from '$lib/server/messages/conversations';
import { readMessageForm } from '$lib/server/files/form-files';
import { prepareFiles } from '$lib/server/files/prepare';
import { fieldErrors } from '$lib/schemas/forms';
import { startConversationSchema, startWithFilesSchema } from '$lib/schemas/messages';
import type { Actions, PageServerLoad } from './$types';

/** A new conversation: what it is about, to whom on the team (the contact person first), the message and its files. */
export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const grant = ownFamily(user, 'message.write') ?? notFound();
	const { db } = await getDatabase();
	return {
		addressees: await addressees(db, grant),
		teen: user.role === 'child',
		// The member's own drafts: family members may share a phone.
		draft: `${user.memberId}:new`,
		// A new one-time key per page view: the same form sent twice starts one conversation.
		formKey: randomUUID()
	};
};

/** What the form had in it, sent back as typed (and the names of the files to choose again). */
const typed = (form: Record<string, string>) => ({ subject: form.subject ?? '', body: form.body ?? '', staff: form.staff ?? '' });

export const actions: Actions = {
	default: async (event) => {
		const user = requireFamily(event);
		const form = await readMessageForm(event.request);
		const answer = (errors: Record<string, string>) => fail(400, { values: typed(form.fields), errors, chosen: form.chosen });
		const parsed = (form.files.length ? startWithFilesSchema : startConversationSchema).safeParse(form.fields);
		if (!parsed.success) {
			const { staff, ...errors } = fieldErrors(parsed.error);
			return answer(staff ? { ...errors, staff: 'conversations.chooseStaff' } : errors);
		}
		const files = await prepareFiles(form.files);
		if (!files.ok) return answer({ files: files.error });
		const { db } = await getDatabase();
		const result = await startConversation(db, ownFamily(user, 'message.write') ?? notFound(), {
			subject: parsed.data.subject,
			body: parsed.data.body,
			staffId: parsed.data.staff,
			formKey: parsed.data.formKey,
			files: files.files
		});
		if (result.ok) redirect(303, `/messages/${result.id}?done=sent`);
		// Not one the member may write to (any more): choose again, nothing typed is lost.
		return answer({ staff: 'conversations.chooseStaff' });
	}
};
