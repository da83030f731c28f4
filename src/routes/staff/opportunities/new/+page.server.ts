import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/form';
import { createOpportunity, partnerChoices } from '$lib/server/activities/manage';
import { opportunityForm } from '$lib/schemas/opportunities';
import { fieldErrors } from '$lib/schemas/forms';
import { copenhagenDate } from '$lib/i18n/format';
import type { Actions, PageServerLoad } from './$types';

/** A new opportunity of one of the municipality's partners (?partner=… picks which). */
export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const partners = await partnerChoices(db, user);
	const asked = event.url.searchParams.get('partner');
	const partnerId = partners.find((p) => p.id === asked)?.id ?? partners[0]?.id ?? '';
	const values: Record<string, string> = {
		partnerId,
		kind: 'activity',
		minAge: '13',
		maxAge: '17',
		companion: 'on',
		activeFrom: copenhagenDate()
	};
	return { partners, values };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireStaff(event);
		const form = await readForm(event.request);
		const parsed = opportunityForm.safeParse(form);
		if (!parsed.success) return fail(400, { values: form, errors: fieldErrors(parsed.error) });
		const { db } = await getDatabase();
		const id = await createOpportunity(db, user, parsed.data);
		if (!id) return fail(400, { values: form, errors: { partnerId: 'validation.partnerGone' } });
		redirect(303, `/staff/opportunities/${id}?done=created`);
	}
};
