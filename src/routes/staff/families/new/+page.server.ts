import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { teamGrant } from '$lib/server/access';
import { enrolFamily, enrolPage } from '$lib/server/family-enrol';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { enrolForm, memberRows, rowCount, rowStep, staffRows } from '$lib/schemas/family-enrol';
import { fieldErrors } from '$lib/schemas/forms';
import { copenhagenDate } from '$lib/i18n/format';
import type { Actions, PageServerLoad } from './$types';

/**
 * The team leader enrols a family: one form with its members and colleagues as rows, which
 * works without JavaScript ("more rows" posts back and comes back with everything typed).
 * Anyone else gets "not found" (access.ts teamGrant 'edit', policy 'family.enrol').
 */
export const load: PageServerLoad = async (event) => {
	const grant = teamGrant(requireStaff(event), 'edit') ?? notFound();
	const { db } = await getDatabase();
	const page = (await enrolPage(db, grant)) ?? notFound();
	return {
		...page,
		today: copenhagenDate(),
		memberRows: memberRows.first,
		staffRows: staffRows.first,
		mostRows: { members: memberRows.most, staff: staffRows.most }
	};
};

export const actions: Actions = {
	enrol: async (event) => {
		const grant = teamGrant(requireStaff(event), 'edit') ?? notFound();
		const values = await readForm(event.request);
		const rows = { memberRows: rowCount(values.memberRows, memberRows), staffRows: rowCount(values.staffRows, staffRows) };
		const parsed = enrolForm.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error), ...rows });
		const { db } = await getDatabase();
		const result = await enrolFamily(db, grant, parsed.data);
		if (!result.ok)
			return fail(result.reason === 'notAllowed' ? 404 : 400, {
				values,
				errors: { form: `familyEnrol.refused.${result.reason}` },
				...rows
			});
		redirect(303, `/staff/families/${result.familyId}?done=enrolled`);
	},
	/** More empty rows, everything typed kept; nothing is checked or saved yet. */
	more: async (event) => {
		if (!teamGrant(requireStaff(event), 'edit')) notFound();
		const values = await readForm(event.request);
		return {
			values,
			errors: {} as Record<string, string>,
			memberRows: rowCount(values.memberRows, memberRows, values.more === 'members' ? rowStep : 0),
			staffRows: rowCount(values.staffRows, staffRows, values.more === 'staff' ? rowStep : 0)
		};
	}
};
