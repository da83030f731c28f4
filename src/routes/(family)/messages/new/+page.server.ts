import { fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { addressees, startConversation } from '$lib/server/messages/conversations';
import { fieldErrors } from '$lib/schemas/forms';
import { startConversationSchema } from '$lib/schemas/messages';
import type { Actions, PageServerLoad } from './$types';

/** A new conversation: what it is about, to whom on the team (the contact person first), the message. */
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

/** What the form had in it, sent back as typed. */
const typed = (form: Record<string, string>) => ({ subject: form.subject ?? '', body: form.body ?? '', staff: form.staff ?? '' });

export const actions: Actions = {
	default: async (event) => {
		const user = requireFamily(event);
		const form = await readForm(event.request);
		const parsed = startConversationSchema.safeParse(form);
		if (!parsed.success) {
			const { staff, ...errors } = fieldErrors(parsed.error);
			return fail(400, { values: typed(form), errors: staff ? { ...errors, staff: 'conversations.chooseStaff' } : errors });
		}
		const { db } = await getDatabase();
		const result = await startConversation(db, ownFamily(user, 'message.write') ?? notFound(), {
			subject: parsed.data.subject,
			body: parsed.data.body,
			staffId: parsed.data.staff,
			formKey: parsed.data.formKey
		});
		if (result.ok) redirect(303, `/messages/${result.id}?done=sent`);
		// Not one the member may write to (any more): choose again, nothing typed is lost.
		return fail(400, { values: typed(form), errors: { staff: 'conversations.chooseStaff' } });
	}
};
