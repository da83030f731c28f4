import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { familyGrant } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { readForm } from '$lib/server/http/form';
import { activeNow, interestPipeline, moveInterest } from '$lib/server/activities/team-interests';
import { moveInterestForm } from '$lib/schemas/activities';
import { fieldErrors } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

/**
 * The team's pipeline of "I'm interested": a list per step for the families the staff member
 * works with, who asked for company the first time, who needs help; and how many young people
 * have a leisure job or an activity now.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const [items, active] = await Promise.all([interestPipeline(db, user), activeNow(db, user)]);
	return {
		items: items.map((i) => ({ ...i, updatedAt: i.updatedAt.toISOString() })),
		active: { people: active.reduce((n, f) => n + f.members, 0), families: active.length, perFamily: active },
		done: event.url.searchParams.get('done') === 'moved'
	};
};

export const actions: Actions = {
	move: async (event) => {
		const user = requireStaff(event);
		const form = await readForm(event.request);
		const parsed = moveInterestForm.safeParse(form);
		if (!parsed.success)
			return fail(400, { id: form.id ?? '', note: form.note ?? '', to: form.to ?? '', errors: fieldErrors(parsed.error) });
		const { db } = await getDatabase();
		const grant = (await familyGrant(db, user, parsed.data.familyId, 'interest.manage')) ?? notFound();
		const result = await moveInterest(db, grant, parsed.data.id, parsed.data.to, parsed.data.note);
		if (!result.ok && result.reason === 'notFound') notFound();
		if (!result.ok)
			return fail(409, { id: parsed.data.id, note: parsed.data.note, to: parsed.data.to, errors: { form: 'staffInterests.notNow' } });
		redirect(303, `/staff/interests?done=moved#interest-${parsed.data.id}`);
	}
};
