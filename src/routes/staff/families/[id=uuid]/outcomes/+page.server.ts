import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { familyGrant } from '$lib/server/access';
import { getFamilyName } from '$lib/server/families';
import { listOutcomes, outcomeMembers, recentTerms, recordOutcome, removeOutcome } from '$lib/server/outcomes';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { recordOutcomeForm, removeOutcomeForm } from '$lib/schemas/outcomes';
import { fieldErrors } from '$lib/schemas/forms';
import { copenhagenDate } from '$lib/i18n/format';
import type { Actions, PageServerLoad } from './$types';

/**
 * How things are going for each member, as the team notes it: an adult's work or education, a
 * child's school absence per term, a teenager's leisure. The family reads the same notes on
 * /progress. Read through an audited grant; each note written or taken back is audited too.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const grant = (await familyGrant(db, user, event.params.id, 'family.view')) ?? notFound();
	const [name, members, notes] = await Promise.all([getFamilyName(db, grant), outcomeMembers(db, grant), listOutcomes(db, grant)]);
	if (name === null) notFound();
	const today = copenhagenDate();
	const done = event.url.searchParams.get('done');
	return {
		family: { id: grant.familyId, name },
		members,
		notes: notes.map((n) => ({ ...n, recordedAt: n.recordedAt.toISOString() })),
		today,
		terms: recentTerms(today),
		done: done === 'recorded' || done === 'removed' ? done : null
	};
};

export const actions: Actions = {
	record: async (event) => {
		const user = requireStaff(event);
		const form = await readForm(event.request);
		// Which member's form answered, so its message shows next to it and keeps its words.
		const target = `${form.member ?? ''}:${form.kind ?? ''}`;
		const parsed = recordOutcomeForm.safeParse(form);
		if (!parsed.success) return fail(400, { target, values: form, errors: fieldErrors(parsed.error) });
		const { db } = await getDatabase();
		const grant = (await familyGrant(db, user, event.params.id, 'outcome.record')) ?? notFound();
		const result = await recordOutcome(db, grant, parsed.data);
		if (!result.ok) return fail(400, { target, values: form, errors: { form: 'validation.invalid' } });
		redirect(303, `/staff/families/${grant.familyId}/outcomes?done=recorded#member-${parsed.data.member}`);
	},
	remove: async (event) => {
		const user = requireStaff(event);
		const parsed = removeOutcomeForm.safeParse(await readForm(event.request));
		if (!parsed.success) return fail(400, { target: null, values: {}, errors: { form: 'validation.invalid' } });
		const { db } = await getDatabase();
		const grant = (await familyGrant(db, user, event.params.id, 'outcome.record')) ?? notFound();
		if (!(await removeOutcome(db, grant, parsed.data.id))) notFound();
		redirect(303, `/staff/families/${grant.familyId}/outcomes?done=removed`);
	}
};
