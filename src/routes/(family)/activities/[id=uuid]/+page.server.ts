import { fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { readForm } from '$lib/server/http/form';
import { getOpportunity } from '$lib/server/activities/directory';
import {
	answerStillGoing,
	interestChoices,
	interestEventsOf,
	listInterests,
	sayInterested,
	shareInterest
} from '$lib/server/activities/interests';
import { saveOpportunity } from '$lib/server/activities/saved';
import { interestedForm, saveOpportunityForm, shareInterestForm, stillGoingForm } from '$lib/schemas/activities';
import { fieldErrors } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

/** What the page says after a change (?done=…): only these. */
const doneKeys = ['interested', 'already', 'shared', 'answered', 'saved', 'unsaved'] as const;

/**
 * One opportunity: everything a teenager or a parent decides by, the first step, and "I'm
 * interested" (with a goal it is part of, if they like) — or, once said, its short timeline,
 * "show my parents" and "still going?"; and "save for later". At most six statements: the
 * bookmark is read with the opportunity, the children and goals to choose in one.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const grant = ownFamily(user) ?? notFound();
	const { db } = await getDatabase();
	const [opportunity, interests, choices] = await Promise.all([
		getOpportunity(db, user, event.params.id, event.locals.locale),
		listInterests(db, grant, event.locals.locale, undefined, event.params.id),
		interestChoices(db, grant)
	]);
	if (!opportunity) notFound();
	const events = await interestEventsOf(
		db,
		interests.map((i) => i.id)
	);
	// Whoever already has an open interest here is not offered it again.
	const open = new Set(interests.filter((i) => i.status !== 'stopped').map((i) => i.memberId));
	return {
		opportunity,
		interests: interests.map((i) => ({
			...i,
			updatedAt: i.updatedAt.toISOString(),
			events: (events.get(i.id) ?? []).map((e) => ({ ...e, at: e.at.toISOString() }))
		})),
		mayOwn: !open.has(user.memberId),
		children: choices.children.filter((c) => !open.has(c.id)),
		goals: choices.goals,
		// An adult links only the family's goals (interestChoices), and the question says so.
		adult: user.role !== 'child',
		done: doneKeys.find((k) => k === event.url.searchParams.get('done')) ?? null,
		formKey: randomUUID()
	};
};

export const actions: Actions = {
	interested: async (event) => {
		const user = requireFamily(event);
		const form = await readForm(event.request);
		const parsed = interestedForm.safeParse(form);
		if (!parsed.success)
			return fail(400, {
				values: { note: form.note ?? '', companion: form.companion === 'on', for: form.for ?? '', goal: form.goal ?? '' },
				errors: fieldErrors(parsed.error)
			});
		const { db } = await getDatabase();
		const result = await sayInterested(db, ownFamily(user, 'interest.write') ?? notFound(), {
			opportunityId: event.params.id,
			memberId: parsed.data.for,
			note: parsed.data.note,
			companion: parsed.data.companion,
			goalId: parsed.data.goal,
			formKey: parsed.data.formKey
		});
		if (!result.ok && result.reason === 'notFound') notFound();
		// The goal went (reached, or no longer theirs to see) while they wrote: choose again, the words stay.
		if (!result.ok && result.reason === 'goal')
			return fail(400, {
				values: { note: parsed.data.note, companion: parsed.data.companion, for: parsed.data.for ?? '', goal: '' },
				errors: { goal: 'validation.interestGoal' }
			});
		redirect(303, `/activities/${event.params.id}?done=${result.ok ? 'interested' : 'already'}#interests`);
	},
	share: async (event) => {
		const user = requireFamily(event);
		const parsed = shareInterestForm.safeParse(await readForm(event.request));
		if (!parsed.success) notFound();
		const { db } = await getDatabase();
		if (!(await shareInterest(db, ownFamily(user) ?? notFound(), parsed.data.id))) notFound();
		redirect(303, `/activities/${event.params.id}?done=shared#interests`);
	},
	save: async (event) => {
		const user = requireFamily(event);
		const parsed = saveOpportunityForm.safeParse(await readForm(event.request));
		if (!parsed.success) return fail(400, { errors: { save: 'validation.invalid' } });
		const { db } = await getDatabase();
		const saved = await saveOpportunity(db, ownFamily(user, 'interest.write') ?? notFound(), event.params.id, parsed.data.on);
		if (!saved) notFound();
		redirect(303, `/activities/${event.params.id}?done=${parsed.data.on ? 'saved' : 'unsaved'}`);
	},
	stillGoing: async (event) => {
		const user = requireFamily(event);
		const form = await readForm(event.request);
		const parsed = stillGoingForm.safeParse(form);
		if (!parsed.success) return fail(400, { stillGoing: { words: form.words ?? '' }, errors: fieldErrors(parsed.error) });
		const { db } = await getDatabase();
		if (!(await answerStillGoing(db, ownFamily(user) ?? notFound(), parsed.data.id, parsed.data.answer, parsed.data.words))) notFound();
		redirect(303, `/activities/${event.params.id}?done=answered#interests`);
	}
};
