import { redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { bookingMembers } from '$lib/server/meetings/members';
import { choicesFor, stepHref } from '$lib/schemas/meetings';
import type { PageServerLoad } from './$types';

/** Step 3: who from the family takes part (the one booking is ticked to begin with). */
export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const step = choicesFor(3, event.url.searchParams);
	if ('redirect' in step) redirect(303, step.redirect);
	const { chosen } = step;
	const { db } = await getDatabase();
	const members = await bookingMembers(db, ownFamily(user, 'meeting.book') ?? notFound());
	const ticked = chosen.memberIds?.filter((id) => members.some((m) => m.id === id));
	return {
		members: members.map(({ id, name }) => ({ id, name })),
		ticked: ticked?.length ? ticked : [user.memberId],
		back: stepHref(2, chosen),
		keep: { staff: chosen.staffId!, type: chosen.type!, start: chosen.start!.toISOString(), interpreter: chosen.interpreter ?? null },
		missing: event.url.searchParams.has('missing')
	};
};
