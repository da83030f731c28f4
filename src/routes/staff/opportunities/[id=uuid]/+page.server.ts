import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import {
	getOpportunityForEdit,
	partnerChoices,
	saveOpportunityText,
	updateOpportunity,
	type OpportunityDetail
} from '$lib/server/activities/manage';
import { opportunityEditForm, opportunityForm, opportunityTextForm, spokenLanguages } from '$lib/schemas/opportunities';
import { fieldErrors } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

const doneKeys = ['created', 'saved', 'text'] as const;

/** The form's fields as the opportunity has them (checkboxes "on" or absent). */
function formValues(o: OpportunityDetail): Record<string, string> {
	const values: Record<string, string> = {
		partnerId: o.partnerId,
		kind: o.kind,
		title: o.title,
		description: o.description,
		firstStep: o.firstStep,
		area: o.area,
		address: o.address,
		minAge: String(o.minAge),
		maxAge: String(o.maxAge),
		costDkk: o.costDkk ? String(o.costDkk) : '',
		costPeriod: o.costPeriod ?? '',
		startsAt: o.startsAt ?? '',
		endsAt: o.endsAt ?? '',
		placesLeft: o.placesLeft === null ? '' : String(o.placesLeft),
		activeFrom: o.activeFrom,
		activeUntil: o.activeUntil ?? ''
	};
	if (o.supportCovers) values.supportCovers = 'on';
	if (o.companion) values.companion = 'on';
	for (const d of o.weekdays) values[`weekday_${d}`] = 'on';
	for (const l of o.languages) if (spokenLanguages.includes(l)) values[`lang_${l}`] = 'on';
	return values;
}

/** One opportunity as the team keeps it: its facts, and its words in other languages. */
export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const [opportunity, partners] = await Promise.all([getOpportunityForEdit(db, user, event.params.id), partnerChoices(db, user)]);
	if (!opportunity) notFound();
	return {
		opportunity,
		values: formValues(opportunity),
		partners,
		done: doneKeys.find((k) => k === event.url.searchParams.get('done')) ?? null
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireStaff(event);
		const form = await readForm(event.request);
		const version = opportunityEditForm.safeParse(form);
		if (!version.success) notFound();
		const parsed = opportunityForm.safeParse(form);
		if (!parsed.success) return fail(400, { action: 'save', values: form, errors: fieldErrors(parsed.error) });
		const { db } = await getDatabase();
		const result = await updateOpportunity(db, user, event.params.id, version.data.version, parsed.data);
		if (result === 'notFound') notFound();
		// A colleague saved it meanwhile: keep what was typed and say so; saving again (with their version's
		// number) means "mine is right".
		if (result === 'changed') {
			const now = (await getOpportunityForEdit(db, user, event.params.id)) ?? notFound();
			return fail(409, { action: 'save', values: { ...form, version: now.version }, errors: { form: 'validation.changedMeanwhile' } });
		}
		redirect(303, `/staff/opportunities/${event.params.id}?done=saved`);
	},
	text: async (event) => {
		const user = requireStaff(event);
		const form = await readForm(event.request);
		const parsed = opportunityTextForm.safeParse(form);
		if (!parsed.success) {
			if (parsed.error.issues.some((i) => i.path[0] === 'locale')) notFound();
			return fail(400, { action: `text-${form.locale}`, values: form, errors: fieldErrors(parsed.error) });
		}
		const { db } = await getDatabase();
		if (!(await saveOpportunityText(db, user, event.params.id, parsed.data))) notFound();
		redirect(303, `/staff/opportunities/${event.params.id}?done=text#text-${parsed.data.locale}`);
	}
};
