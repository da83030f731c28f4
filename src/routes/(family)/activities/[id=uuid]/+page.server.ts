import { fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { readForm } from '$lib/server/http/form';
import { familyMembers } from '$lib/server/db/schema';
import { getOpportunity } from '$lib/server/activities/directory';
import { answerStillGoing, interestEventsOf, listInterests, sayInterested, shareInterest } from '$lib/server/activities/interests';
import { interestedForm, shareInterestForm, stillGoingForm } from '$lib/schemas/activities';
import { fieldErrors } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

/** What the page says after a change (?done=…): only these. */
const doneKeys = ['interested', 'already', 'shared', 'answered'] as const;

/**
 * One opportunity: everything a teenager or a parent decides by, the first step, and "I'm
 * interested" — or, once said, its short timeline, "show my parents" and "still going?".
 */
export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const grant = ownFamily(user) ?? notFound();
	const { db } = await getDatabase();
	const [opportunity, interests, children] = await Promise.all([
		getOpportunity(db, user, event.params.id, event.locals.locale),
		listInterests(db, grant, event.locals.locale, undefined, event.params.id),
		user.role === 'child'
			? Promise.resolve([])
			: db
					.select({ id: familyMembers.id, name: familyMembers.name, role: familyMembers.role })
					.from(familyMembers)
					.where(eq(familyMembers.familyId, user.familyId))
					.then((rows) => rows.filter((m) => m.role === 'child').map(({ id, name }) => ({ id, name })))
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
		children: children.filter((c) => !open.has(c.id)),
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
				values: { note: form.note ?? '', companion: form.companion === 'on', for: form.for ?? '' },
				errors: fieldErrors(parsed.error)
			});
		const { db } = await getDatabase();
		const result = await sayInterested(db, ownFamily(user, 'interest.write') ?? notFound(), {
			opportunityId: event.params.id,
			memberId: parsed.data.for,
			note: parsed.data.note,
			companion: parsed.data.companion,
			formKey: parsed.data.formKey
		});
		if (!result.ok && result.reason === 'notFound') notFound();
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
