import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { getOwnProfile, saveOwnProfile } from '$lib/server/staff-profile';
import { profileForm } from '$lib/schemas/staff-profile';
import { fieldErrors } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

/** The staff member's own profile: what families read on the contact card. */
export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const profile = (await getOwnProfile(db, user)) ?? notFound();
	return { profile, done: event.url.searchParams.get('done') === 'saved' };
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireStaff(event);
		const form = await readForm(event.request);
		const parsed = profileForm.safeParse(form);
		if (!parsed.success) return fail(400, { values: form, errors: fieldErrors(parsed.error) });
		const { db } = await getDatabase();
		if (!(await saveOwnProfile(db, user, parsed.data))) notFound();
		redirect(303, '/staff/profile?done=saved');
	}
};
