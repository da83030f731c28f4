import { fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { familyGrant } from '$lib/server/access';
import { getWish } from '$lib/server/wishes';
import { listGoals, proposeGoal } from '$lib/server/goals';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { fieldErrors } from '$lib/schemas/forms';
import { writeGoalSchema } from '$lib/schemas/goals';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	// Audited in access.ts; staff see a teenager's private wish too (the team is told it is private).
	const grant = (await familyGrant(db, user, event.params.id, 'family.view')) ?? notFound();
	const wish = (await getWish(db, grant, event.params.wishId)) ?? notFound();
	return {
		familyId: event.params.id,
		wish: { ...wish, createdAt: wish.createdAt.toISOString(), updatedAt: wish.updatedAt.toISOString() },
		goals: await listGoals(db, grant, wish.id),
		done: event.url.searchParams.get('done') === 'proposed' ? ('proposed' as const) : null,
		formKey: randomUUID()
	};
};

export const actions: Actions = {
	propose: async (event) => {
		const form = await readForm(event.request);
		const parsed = writeGoalSchema.safeParse({ ...form, wishId: event.params.wishId });
		if (!parsed.success) {
			if (parsed.error.issues.some((i) => i.path[0] === 'formKey')) notFound();
			return fail(400, { values: { text: form.text ?? '' }, errors: fieldErrors(parsed.error) });
		}
		const user = requireStaff(event);
		const { db } = await getDatabase();
		const grant = (await familyGrant(db, user, event.params.id, 'goal.propose')) ?? notFound();
		const result = await proposeGoal(db, grant, parsed.data);
		if (!result.ok) notFound();
		redirect(303, `/staff/families/${event.params.id}/wishes/${event.params.wishId}?done=proposed`);
	}
};
