import { redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { bookingMembers } from '$lib/server/meetings/members';
import { choicesFor, stepHref } from '$lib/schemas/meetings';
import { interpreterLanguages, type InterpreterLanguage } from '$lib/codes';
import type { PageServerLoad } from './$types';

const isInterpreterLanguage = (code: string): code is InterpreterLanguage => (interpreterLanguages as readonly string[]).includes(code);

/** Step 4: an interpreter, and for which language: offered from the languages of those taking part. */
export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const step = choicesFor(4, event.url.searchParams);
	if ('redirect' in step) redirect(303, step.redirect);
	const { chosen } = step;
	const { db } = await getDatabase();
	const members = await bookingMembers(db, ownFamily(user, 'meeting.book') ?? notFound());
	const taking = members.filter((m) => chosen.memberIds!.includes(m.id));
	// Languages of those taking part first, then the rest of the family's, then the others.
	const own = [...new Set([...taking, ...members].map((m) => m.preferredLanguage).filter(isInterpreterLanguage))];
	const suggested = taking.map((m) => m.preferredLanguage).find(isInterpreterLanguage) ?? 'none';
	return {
		own,
		others: interpreterLanguages.filter((l) => !own.includes(l)),
		chosen: chosen.interpreter ?? suggested,
		// Whose language it is, for "Halima speaks Arabic".
		speakers: taking
			.filter((m) => isInterpreterLanguage(m.preferredLanguage))
			.map((m) => ({ name: m.name, language: m.preferredLanguage })),
		back: stepHref(3, chosen),
		keep: { staff: chosen.staffId!, type: chosen.type!, start: chosen.start!.toISOString(), members: chosen.memberIds! }
	};
};
