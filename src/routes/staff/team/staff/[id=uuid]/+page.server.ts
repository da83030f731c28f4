import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { staffGrant, teamGrant } from '$lib/server/access';
import { getProfile, saveProfile } from '$lib/server/staff-profile';
import { makeStaffLink } from '$lib/server/auth/staff-links';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { profileForm } from '$lib/schemas/staff-profile';
import { fieldErrors } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

/** The team leader's grant for the colleague in the URL (staffGrant: on the leader's own team), or 404. */
async function colleague(event: RequestEvent) {
	const user = requireStaff(event);
	if (!teamGrant(user, 'edit')) notFound();
	const { db } = await getDatabase();
	const grant = (await staffGrant(db, user, event.params.id!)) ?? notFound();
	return { db, grant };
}

/** A colleague's profile, kept by the team leader: the same form as one's own (/staff/profile). */
export const load: PageServerLoad = async (event) => {
	const { db, grant } = await colleague(event);
	const profile = (await getProfile(db, grant)) ?? notFound();
	return { profile, staffId: grant.staffId, done: event.url.searchParams.get('done') === 'saved' };
};

export const actions: Actions = {
	save: async (event) => {
		const { db, grant } = await colleague(event);
		const form = await readForm(event.request);
		const parsed = profileForm.safeParse(form);
		if (!parsed.success) return fail(400, { values: form, errors: fieldErrors(parsed.error) });
		if (!(await saveProfile(db, grant, parsed.data))) notFound();
		redirect(303, `/staff/team/staff/${grant.staffId}?done=saved`);
	},
	/** A single-use sign-in link for the colleague to set their password (auth/staff-links.ts), shown once. */
	link: async (event) => {
		const { db, grant } = await colleague(event);
		const result = await makeStaffLink(db, teamGrant(grant.actor, 'edit')!, grant.staffId);
		if (!result.ok && result.reason === 'notFound') notFound();
		if (!result.ok) return fail(409, { linkError: 'staffAdmin.linkNoSignIn' });
		return { link: { url: `${event.url.origin}/colleague/${result.token}`, expiresAt: result.expiresAt.toISOString() } };
	}
};
