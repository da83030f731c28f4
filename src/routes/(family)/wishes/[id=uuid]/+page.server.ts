import { fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { getWish } from '$lib/server/wishes';
import { acceptGoal, declineGoal, listGoals, writeGoal, type GoalResult } from '$lib/server/goals';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { fieldErrors } from '$lib/schemas/forms';
import { declineGoalSchema, editGoalSchema, writeGoalSchema } from '$lib/schemas/goals';
import type { Actions, PageServerLoad } from './$types';

/** What the page says after a change (?done=…): only these. */
const doneKeys = ['created', 'accepted', 'declined'] as const;

export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const { db } = await getDatabase();
	const grant = ownFamily(user) ?? notFound();
	// The wish first: a hidden one (a teenager's, not shared) is a 404 like a missing one.
	const wish = (await getWish(db, grant, event.params.id)) ?? notFound();
	const goals = await listGoals(db, grant, wish.id);
	return {
		wish: { ...wish, createdAt: wish.createdAt.toISOString(), updatedAt: wish.updatedAt.toISOString() },
		goals,
		done: doneKeys.find((k) => k === event.url.searchParams.get('done')) ?? null,
		// A new one-time key per page view: the same form sent twice makes one goal.
		formKey: randomUUID()
	};
};

/** A change that found nothing (hidden, answered already, none at all) is a 404. */
function after(result: GoalResult, wishId: string, done: (typeof doneKeys)[number]): never {
	if (!result.ok) notFound();
	redirect(303, `/wishes/${wishId}?done=${done}`);
}

export const actions: Actions = {
	goal: async (event) => {
		const form = await readForm(event.request);
		const parsed = writeGoalSchema.safeParse({ ...form, wishId: event.params.id });
		if (!parsed.success) {
			if (parsed.error.issues.some((i) => i.path[0] === 'formKey')) notFound();
			return fail(400, { action: 'goal', values: { text: form.text ?? '' }, errors: fieldErrors(parsed.error) });
		}
		const user = requireFamily(event);
		const { db } = await getDatabase();
		after(await writeGoal(db, ownFamily(user, 'goal.write') ?? notFound(), parsed.data), event.params.id, 'created');
	},
	accept: async (event) => {
		const form = await readForm(event.request);
		const parsed = editGoalSchema.safeParse(form);
		if (!parsed.success) {
			if (parsed.error.issues.some((i) => i.path[0] === 'id' || i.path[0] === 'version')) notFound();
			return fail(400, { action: 'accept', id: form.id, values: { text: form.text ?? '' }, errors: fieldErrors(parsed.error) });
		}
		const user = requireFamily(event);
		const { db } = await getDatabase();
		const result = await acceptGoal(db, ownFamily(user, 'goal.write') ?? notFound(), parsed.data);
		if (!result.ok && result.reason === 'conflict') {
			return fail(409, { action: 'accept', id: form.id, values: { text: form.text ?? '' }, errors: {}, conflict: result.current });
		}
		after(result, event.params.id, 'accepted');
	},
	decline: async (event) => {
		const form = await readForm(event.request);
		const parsed = declineGoalSchema.safeParse(form);
		if (!parsed.success) {
			if (parsed.error.issues.some((i) => i.path[0] === 'id')) notFound();
			return fail(400, { action: 'decline', id: form.id, values: { reason: form.reason ?? '' }, errors: fieldErrors(parsed.error) });
		}
		const user = requireFamily(event);
		const { db } = await getDatabase();
		after(await declineGoal(db, ownFamily(user, 'goal.write') ?? notFound(), parsed.data), event.params.id, 'declined');
	}
};
