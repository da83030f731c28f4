import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { editGoal, getGoal, setGoalReached } from '$lib/server/goals';
import { addNote, addStep, setStepDone, stepPeople } from '$lib/server/goal-steps';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { fieldErrors } from '$lib/schemas/forms';
import { addStepSchema, editGoalSchema, noteSchema, reachGoalSchema, stepDoneSchema } from '$lib/schemas/goals';
import type { Actions, PageServerLoad } from './$types';

/** What the page says after a change (?done=…): only these. */
const doneKeys = ['edited', 'reached', 'reopened', 'stepAdded', 'stepDone', 'stepOpen', 'noted'] as const;
type Done = (typeof doneKeys)[number];

export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const { db } = await getDatabase();
	const grant = ownFamily(user) ?? notFound();
	const [goal, people] = await Promise.all([getGoal(db, grant, event.params.id), stepPeople(db, grant)]);
	if (!goal) notFound();
	return {
		goal,
		me: user.memberId,
		// Whom a step can be for: the member themselves is "me", listed first.
		people: people.filter((p) => !(p.kind === 'member' && p.id === user.memberId)),
		done: doneKeys.find((k) => k === event.url.searchParams.get('done')) ?? null,
		formKey: randomUUID()
	};
};

/** A change that found nothing (hidden, not open to it, none at all) is a 404. */
function after(result: { ok: boolean }, goalId: string, done: Done): never {
	if (!result.ok) notFound();
	redirect(303, `/goals/${goalId}?done=${done}`);
}

async function grant(event: RequestEvent, action: 'goal.write' | 'goal.support') {
	const user = requireFamily(event);
	const { db } = await getDatabase();
	return { db, grant: ownFamily(user, action) ?? notFound() };
}

export const actions: Actions = {
	edit: async (event) => {
		const form = await readForm(event.request);
		const parsed = editGoalSchema.safeParse({ ...form, id: event.params.id });
		if (!parsed.success) {
			if (parsed.error.issues.some((i) => i.path[0] === 'version')) notFound();
			return fail(400, { action: 'edit', values: { text: form.text ?? '' }, errors: fieldErrors(parsed.error) });
		}
		const { db, grant: g } = await grant(event, 'goal.write');
		const result = await editGoal(db, g, parsed.data);
		if (!result.ok && result.reason === 'conflict') {
			// Both versions go back to the page: what is stored now, and what was typed.
			return fail(409, { action: 'edit', values: { text: form.text ?? '' }, errors: {}, conflict: result.current });
		}
		after(result, event.params.id, 'edited');
	},
	reach: async (event) => {
		const parsed = reachGoalSchema.safeParse({ ...(await readForm(event.request)), id: event.params.id });
		if (!parsed.success) notFound();
		const { db, grant: g } = await grant(event, 'goal.write');
		const reached = parsed.data.reached === 'yes';
		after(await setGoalReached(db, g, { id: parsed.data.id, reached }), event.params.id, reached ? 'reached' : 'reopened');
	},
	step: async (event) => {
		const form = await readForm(event.request);
		const parsed = addStepSchema.safeParse({ ...form, goalId: event.params.id });
		if (!parsed.success) {
			if (parsed.error.issues.some((i) => i.path[0] === 'formKey')) notFound();
			return fail(400, {
				action: 'step',
				values: { text: form.text ?? '', who: form.who ?? 'me', dueOn: form.dueOn ?? '' },
				errors: fieldErrors(parsed.error)
			});
		}
		const { db, grant: g } = await grant(event, 'goal.support');
		after(await addStep(db, g, parsed.data), event.params.id, 'stepAdded');
	},
	done: async (event) => {
		const parsed = stepDoneSchema.safeParse(await readForm(event.request));
		if (!parsed.success) notFound();
		const { db, grant: g } = await grant(event, 'goal.support');
		const done = parsed.data.done === 'yes';
		// Only a step of this goal: one of another goal is not found here.
		after(await setStepDone(db, g, { id: parsed.data.id, done, goalId: event.params.id }), event.params.id, done ? 'stepDone' : 'stepOpen');
	},
	note: async (event) => {
		const form = await readForm(event.request);
		const parsed = noteSchema.safeParse({ ...form, goalId: event.params.id });
		if (!parsed.success) return fail(400, { action: 'note', values: { text: form.text ?? '' }, errors: fieldErrors(parsed.error) });
		const { db, grant: g } = await grant(event, 'goal.support');
		after(await addNote(db, g, parsed.data), event.params.id, 'noted');
	}
};
