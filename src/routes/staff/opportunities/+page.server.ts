import { redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { notFound } from '$lib/server/http/not-found';
import { readForm } from '$lib/server/http/form';
import { markChecked, staffDirectory } from '$lib/server/activities/directory';
import { uuidField } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

/**
 * The team's directory: every partner with the people to call, and their opportunities — those
 * nobody has checked for six months flagged, ended ones kept (interests point to them).
 */
export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const partners = await staffDirectory(db, user);
	return {
		partners,
		stale: partners.reduce((n, p) => n + p.opportunities.filter((o) => o.stale && !o.ended).length, 0),
		done: event.url.searchParams.get('done') === 'checked'
	};
};

export const actions: Actions = {
	checked: async (event) => {
		const user = requireStaff(event);
		const id = uuidField.safeParse((await readForm(event.request)).id);
		if (!id.success) notFound();
		const { db } = await getDatabase();
		if (!(await markChecked(db, user, id.data))) notFound();
		redirect(303, `/staff/opportunities?done=checked#opportunity-${id.data}`);
	}
};
