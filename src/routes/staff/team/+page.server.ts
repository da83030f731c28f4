import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { teamGrant } from '$lib/server/access';
import { addPoint, editPoint, getTeamPlaces, movePoint, removePoint, saveOfficeAddress } from '$lib/server/meetings/places';
import { setCaseloadTarget } from '$lib/server/staff-admin';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { fieldErrors } from '$lib/schemas/forms';
import { addPointSchema, editPointSchema, movePointSchema, officeSchema, pointIdSchema } from '$lib/schemas/team';
import { caseloadTargetSchema } from '$lib/schemas/staff-admin';
import type { Actions, PageServerLoad } from './$types';

const doneKeys = ['office', 'added', 'saved', 'moved', 'removed', 'target'] as const;

/**
 * Where the team meets families: the office's address and the walk meeting points. Everyone on
 * the team reads them; the team leader changes them (access.ts teamGrant decides both).
 */
export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const grant = teamGrant(user, 'view') ?? notFound();
	const { db } = await getDatabase();
	const places = (await getTeamPlaces(db, grant)) ?? notFound();
	return { places, mayEdit: grant.mayEdit, done: doneKeys.find((k) => k === event.url.searchParams.get('done')) ?? null };
};

/** Only the team leader: anyone else is answered as if there were nothing here to change. */
async function editing(event: RequestEvent) {
	const grant = teamGrant(requireStaff(event), 'edit') ?? notFound();
	const { db } = await getDatabase();
	return { db, grant, form: await readForm(event.request) };
}

function back(done: (typeof doneKeys)[number]): never {
	redirect(303, `/staff/team?done=${done}`);
}

export const actions: Actions = {
	office: async (event) => {
		const { db, grant, form } = await editing(event);
		const parsed = officeSchema.safeParse(form);
		if (!parsed.success) return fail(400, { action: 'office', id: null, values: form, errors: fieldErrors(parsed.error) });
		if (!(await saveOfficeAddress(db, grant, parsed.data.address))) notFound();
		back('office');
	},
	add: async (event) => {
		const { db, grant, form } = await editing(event);
		const parsed = addPointSchema.safeParse(form);
		if (!parsed.success) return fail(400, { action: 'add', id: null, values: form, errors: fieldErrors(parsed.error) });
		const result = await addPoint(db, grant, parsed.data);
		if (!result.ok && result.reason === 'nameTaken')
			return fail(409, { action: 'add', id: null, values: form, errors: { name: 'validation.pointNameTaken' } });
		if (!result.ok) notFound();
		back('added');
	},
	edit: async (event) => {
		const { db, grant, form } = await editing(event);
		const parsed = editPointSchema.safeParse(form);
		if (!parsed.success) {
			if (parsed.error.issues.some((i) => i.path[0] === 'id')) notFound();
			return fail(400, { action: 'edit', id: form.id, values: form, errors: fieldErrors(parsed.error) });
		}
		const result = await editPoint(db, grant, parsed.data);
		if (!result.ok && result.reason === 'nameTaken')
			return fail(409, { action: 'edit', id: form.id, values: form, errors: { name: 'validation.pointNameTaken' } });
		if (!result.ok) notFound();
		back('saved');
	},
	move: async (event) => {
		const { db, grant, form } = await editing(event);
		const parsed = movePointSchema.safeParse(form);
		if (!parsed.success || !(await movePoint(db, grant, parsed.data))) notFound();
		back('moved');
	},
	target: async (event) => {
		const { db, grant, form } = await editing(event);
		const parsed = caseloadTargetSchema.safeParse(form);
		if (!parsed.success) return fail(400, { action: 'target', id: null, values: form, errors: fieldErrors(parsed.error) });
		if (!(await setCaseloadTarget(db, grant, parsed.data.target))) notFound();
		back('target');
	},
	remove: async (event) => {
		const { db, grant, form } = await editing(event);
		const parsed = pointIdSchema.safeParse(form);
		if (!parsed.success || !(await removePoint(db, grant, parsed.data.id))) notFound();
		back('removed');
	}
};
