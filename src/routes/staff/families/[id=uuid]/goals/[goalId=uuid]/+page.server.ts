import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { familyGrant, type Action } from '$lib/server/access';
import { getGoal } from '$lib/server/goals';
import { addNote, addStep, setStepDone } from '$lib/server/goal-steps';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { fieldErrors } from '$lib/schemas/forms';
import { addStepSchema, noteSchema, stepDoneSchema } from '$lib/schemas/goals';
import type { Actions, PageServerLoad } from './$types';

const doneKeys = ['stepAdded', 'stepDone', 'stepOpen', 'noted'] as const;
type Done = (typeof doneKeys)[number];

export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const grant = (await familyGrant(db, user, event.params.id, 'family.view')) ?? notFound();
	const goal = (await getGoal(db, grant, event.params.goalId)) ?? notFound();
	return {
		familyId: event.params.id,
		goal,
		me: user.staffId,
		done: doneKeys.find((k) => k === event.url.searchParams.get('done')) ?? null,
		formKey: randomUUID()
	};
};

type Params = { id: string; goalId: string };

/** The staff member's grant for one action on this family (audited), or the 404. */
async function grant(event: RequestEvent<Params>, action: Action) {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	return { db, grant: (await familyGrant(db, user, event.params.id, action)) ?? notFound() };
}

function after(result: { ok: boolean }, event: RequestEvent<Params>, done: Done): never {
	if (!result.ok) notFound();
	redirect(303, `/staff/families/${event.params.id}/goals/${event.params.goalId}?done=${done}`);
}

export const actions: Actions = {
	note: async (event) => {
		const form = await readForm(event.request);
		const parsed = noteSchema.safeParse({ ...form, goalId: event.params.goalId });
		if (!parsed.success) return fail(400, { action: 'note', values: { text: form.text ?? '' }, errors: fieldErrors(parsed.error) });
		const { db, grant: g } = await grant(event, 'goal.support');
		after(await addNote(db, g, parsed.data), event, 'noted');
	},
	// A staff member's step is always their own: the form has no "who", and the service says so too.
	step: async (event) => {
		const form = await readForm(event.request);
		const parsed = addStepSchema.safeParse({ ...form, who: 'me', goalId: event.params.goalId });
		if (!parsed.success) {
			if (parsed.error.issues.some((i) => i.path[0] === 'formKey')) notFound();
			return fail(400, { action: 'step', values: { text: form.text ?? '', dueOn: form.dueOn ?? '' }, errors: fieldErrors(parsed.error) });
		}
		const { db, grant: g } = await grant(event, 'goal.support');
		after(await addStep(db, g, parsed.data), event, 'stepAdded');
	},
	done: async (event) => {
		const parsed = stepDoneSchema.safeParse(await readForm(event.request));
		if (!parsed.success) notFound();
		const { db, grant: g } = await grant(event, 'goal.support');
		const done = parsed.data.done === 'yes';
		after(await setStepDone(db, g, { id: parsed.data.id, done, goalId: event.params.goalId }), event, done ? 'stepDone' : 'stepOpen');
	}
};
