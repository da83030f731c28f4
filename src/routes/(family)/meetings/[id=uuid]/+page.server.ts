import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { cancelMeeting, getMeeting } from '$lib/server/meetings/meetings';
import { meetingView } from '$lib/server/meetings/view';
import { fieldErrors } from '$lib/schemas/forms';
import { answerSchema, cancelSchema } from '$lib/schemas/meetings';
import { answerProposal } from '$lib/server/meetings/staff';
import type { Actions, PageServerLoad } from './$types';

/** What the page says after a change (?done=…): only these. */
const doneKeys = ['booked', 'moved', 'cancelled', 'accepted', 'declined'] as const;

/** One of the family's meetings: the receipt after booking, and the way to move or cancel it. */
export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const { db } = await getDatabase();
	const meeting = await getMeeting(db, ownFamily(user, 'meeting.book') ?? notFound(), event.params.id);
	if (!meeting) notFound();
	return {
		meeting: meetingView(meeting),
		done: doneKeys.find((k) => k === event.url.searchParams.get('done')) ?? null
	};
};

export const actions: Actions = {
	cancel: async (event) => {
		const user = requireFamily(event);
		const form = await readForm(event.request);
		const parsed = cancelSchema.safeParse(form);
		if (!parsed.success) return fail(400, { values: { reason: form.reason ?? '' }, errors: fieldErrors(parsed.error) });
		const { db } = await getDatabase();
		const result = await cancelMeeting(db, ownFamily(user, 'meeting.book') ?? notFound(), {
			id: event.params.id,
			reason: parsed.data.reason
		});
		if (result.ok) redirect(303, `/meetings/${event.params.id}?done=cancelled`);
		if (result.reason === 'tooLate') return fail(409, { values: { reason: parsed.data.reason }, errors: {}, tooLate: true });
		notFound();
	},
	/** Yes or no to a time the team proposed; a no may say why. */
	answer: async (event) => {
		const user = requireFamily(event);
		const form = await readForm(event.request);
		const parsed = answerSchema.safeParse(form);
		if (!parsed.success) {
			if (parsed.error.issues.some((i) => i.path[0] === 'answer')) notFound();
			return fail(400, { values: { reason: form.reason ?? '' }, errors: fieldErrors(parsed.error) });
		}
		const { db } = await getDatabase();
		const accept = parsed.data.answer === 'yes';
		const grant = ownFamily(user, 'meeting.book') ?? notFound();
		if (!(await answerProposal(db, grant, { id: event.params.id, accept, reason: parsed.data.reason }))) notFound();
		redirect(303, `/meetings/${event.params.id}?done=${accept ? 'accepted' : 'declined'}`);
	}
};
