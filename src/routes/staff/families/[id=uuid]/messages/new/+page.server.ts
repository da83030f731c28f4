import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { familyGrant } from '$lib/server/access';
import { startConversation } from '$lib/server/messages/conversations';
import { writeTargets } from '$lib/server/messages/staff';
import { readMessageForm } from '$lib/server/files/form-files';
import { prepareFiles } from '$lib/server/files/prepare';
import { notFound } from '$lib/server/http/not-found';
import { fieldErrors } from '$lib/schemas/forms';
import { staffStartSchema, staffStartWithFilesSchema } from '$lib/schemas/messages';
import type { Actions, PageServerLoad } from './$types';

async function grantOf(event: RequestEvent<{ id: string }>) {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	return { db, user, grant: (await familyGrant(db, user, event.params.id, 'message.write')) ?? notFound() };
}

/** Writing to a family: to its adults together (the default) or to one member alone. */
export const load: PageServerLoad = async (event) => {
	const { db, grant } = await grantOf(event);
	const targets = (await writeTargets(db, grant)) ?? notFound();
	return { familyId: grant.familyId, ...targets, formKey: randomUUID() };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readMessageForm(event.request);
		const { fields } = form;
		const parsed = (form.files.length ? staffStartWithFilesSchema : staffStartSchema).safeParse(fields);
		const values = { subject: fields.subject ?? '', body: fields.body ?? '', member: fields.member ?? '' };
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error), chosen: form.chosen });
		const files = await prepareFiles(form.files);
		if (!files.ok) return fail(400, { values, errors: { files: files.error }, chosen: form.chosen });
		const { db, user, grant } = await grantOf(event);
		// The writer answers it; they can hand it to a colleague afterwards.
		const started = await startConversation(db, grant, { ...parsed.data, memberId: parsed.data.member, staffId: user.staffId, files: files.files });
		if (!started.ok) notFound();
		redirect(303, `/staff/families/${grant.familyId}/messages/${started.id}?done=started`);
	}
};
