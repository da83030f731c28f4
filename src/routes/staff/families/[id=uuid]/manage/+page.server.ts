import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { familyGrant, type FamilyGrant } from '$lib/server/access';
import { addInvolved, changeContact, endParticipation, manageView, removeInvolved, reopenParticipation } from '$lib/server/family-manage';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { changeContactForm, endForm, reopenForm } from '$lib/schemas/family-manage';
import { addInvolvedForm, removeInvolvedForm } from '$lib/schemas/family-enrol';
import { fieldErrors } from '$lib/schemas/forms';
import { copenhagenDate } from '$lib/i18n/format';
import type { Db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

const doneKeys = ['contact', 'ended', 'reopened', 'staffAdded', 'staffRemoved'] as const;

/**
 * The team leader keeps a family's time with the team: its contact person, the colleagues
 * involved with it, ending it and beginning it again, with the history. Anyone else gets "not found" (policy 'family.manage').
 */
export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const grant = (await familyGrant(db, user, event.params.id, 'family.manage')) ?? notFound();
	const { name, ...view } = (await manageView(db, grant)) ?? notFound();
	return {
		family: { id: grant.familyId, name },
		...view,
		history: view.history.map((h) => ({ ...h, at: h.at.toISOString() })),
		today: copenhagenDate(),
		done: doneKeys.find((k) => k === event.url.searchParams.get('done')) ?? null
	};
};

/** Reads one form, takes the audited grant, runs the change; a refusal answers 400 beside the form, with its words. */
async function change<S extends z.ZodType>(
	event: RequestEvent<{ id: string }>,
	form: 'contact' | 'end' | 'reopen' | 'addStaff' | 'removeStaff',
	schema: S,
	run: (db: Db, grant: FamilyGrant, input: z.output<S>) => Promise<{ ok: true } | { ok: false; reason: string }>,
	done: (typeof doneKeys)[number]
) {
	const user = requireStaff(event);
	const values = await readForm(event.request);
	const parsed = schema.safeParse(values);
	if (!parsed.success) return fail(400, { form, values, errors: fieldErrors(parsed.error) });
	const { db } = await getDatabase();
	const grant = (await familyGrant(db, user, event.params.id, 'family.manage')) ?? notFound();
	const result = await run(db, grant, parsed.data);
	// Taking off someone who is not (or no longer) involved: nothing there, as for any unknown id.
	if (!result.ok)
		return fail(result.reason === 'notAllowed' || result.reason === 'notInvolved' ? 404 : 400, {
			form,
			values,
			errors: { form: `familyManage.refused.${result.reason}` }
		});
	redirect(303, `/staff/families/${grant.familyId}/manage?done=${done}`);
}

export const actions: Actions = {
	contact: (event) =>
		change(
			event,
			'contact',
			changeContactForm,
			(db, grant, input) => changeContact(db, grant, { staffId: input.staff, note: input.note }),
			'contact'
		),
	end: (event) => change(event, 'end', endForm, endParticipation, 'ended'),
	reopen: (event) => change(event, 'reopen', reopenForm, reopenParticipation, 'reopened'),
	addStaff: (event) => change(event, 'addStaff', addInvolvedForm, addInvolved, 'staffAdded'),
	removeStaff: (event) =>
		change(
			event,
			'removeStaff',
			removeInvolvedForm,
			(db, grant, input) => removeInvolved(db, grant, { staffId: input.staff }),
			'staffRemoved'
		)
};
