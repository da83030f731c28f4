import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { createPartner } from '$lib/server/activities/manage';
import { partnerForm } from '$lib/schemas/opportunities';
import { fieldErrors } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

/** A new partner of the municipality: a club, an association, an employer. */
export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	return { values: { kind: 'association' } as Record<string, string> };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireStaff(event);
		const form = await readForm(event.request);
		const parsed = partnerForm.safeParse(form);
		if (!parsed.success) return fail(400, { action: 'partner', values: form, errors: fieldErrors(parsed.error) });
		const { db } = await getDatabase();
		const id = (await createPartner(db, user, parsed.data)) ?? notFound();
		redirect(303, `/staff/opportunities/partners/${id}?done=partnerCreated`);
	}
};
