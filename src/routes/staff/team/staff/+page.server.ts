import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { teamGrant } from '$lib/server/access';
import { addColleague, teamDepartments, teamMembers } from '$lib/server/staff-admin';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { fieldErrors } from '$lib/schemas/forms';
import { newColleagueSchema } from '$lib/schemas/staff-admin';
import { uuidPattern } from '$lib/shapes';
import type { Actions, PageServerLoad } from './$types';

/** The team's staff, as the team leader keeps them; anyone else is answered "not found". */
export const load: PageServerLoad = async (event) => {
	const grant = teamGrant(requireStaff(event), 'edit') ?? notFound();
	const { db } = await getDatabase();
	const [members, departments] = await Promise.all([teamMembers(db, grant), teamDepartments(db, grant)]);
	const added = event.url.searchParams.get('added');
	return { members, departments, added: added && uuidPattern.test(added) ? added : null };
};

export const actions: Actions = {
	add: async (event) => {
		const grant = teamGrant(requireStaff(event), 'edit') ?? notFound();
		const form = await readForm(event.request);
		const parsed = newColleagueSchema.safeParse(form);
		if (!parsed.success) return fail(400, { values: form, errors: fieldErrors(parsed.error) });
		const { db } = await getDatabase();
		const result = await addColleague(db, grant, parsed.data);
		if (!result.ok && result.reason === 'notFound') notFound();
		if (!result.ok) {
			const errors = result.reason === 'emailTaken' ? { email: 'validation.emailTaken' } : { departmentId: 'validation.departmentChoose' };
			return fail(409, { values: form, errors });
		}
		redirect(303, `/staff/team/staff?added=${result.staffId}`);
	}
};
