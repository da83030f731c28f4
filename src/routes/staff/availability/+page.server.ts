import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { staffGrant } from '$lib/server/access';
import {
	addTimeOff,
	addWindow,
	getAvailability,
	removeTimeOff,
	removeWindow,
	saveRules,
	teamStaff
} from '$lib/server/meetings/availability';
import { addAbsence, endAbsence, listAbsences } from '$lib/server/absences';
import { absenceSchema } from '$lib/schemas/absences';
import { readForm, type FormFields } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { fieldErrors, uuidField } from '$lib/schemas/forms';
import { idSchema, rulesSchema, timeOffSchema, windowSchema } from '$lib/schemas/staff-meetings';
import type { Actions, PageServerLoad } from './$types';

const doneKeys = ['windowAdded', 'windowRemoved', 'rulesSaved', 'timeOffAdded', 'timeOffRemoved', 'awayAdded', 'awayEnded'] as const;

export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const asked = uuidField.safeParse(event.url.searchParams.get('staff') ?? user.staffId);
	const grant = (asked.success && (await staffGrant(db, user, asked.data))) || notFound();
	const availability = (await getAvailability(db, grant)) ?? notFound();
	const team = await teamStaff(db, grant);
	return {
		availability: {
			...availability,
			timeOff: availability.timeOff.map((t) => ({ ...t, startsAt: t.startsAt.toISOString(), endsAt: t.endsAt.toISOString() }))
		},
		own: grant.staffId === user.staffId,
		team: user.role === 'team_leader' ? team : [],
		/** Who may stand in: the person's colleagues on the team. */
		colleagues: team.filter((s) => s.id !== grant.staffId),
		absences: await listAbsences(db, grant),
		done: doneKeys.find((k) => k === event.url.searchParams.get('done')) ?? null
	};
};

/** The grant for the staff member a form is about (its hidden `staff` field), or 404. */
async function grantFor(event: RequestEvent, form: FormFields) {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const staffId = uuidField.safeParse(form.staff ?? '');
	const grant = (staffId.success && (await staffGrant(db, user, staffId.data))) || notFound();
	return { db, grant };
}

function back(staffId: string, done: (typeof doneKeys)[number]): never {
	redirect(303, `/staff/availability?staff=${staffId}&done=${done}`);
}

export const actions: Actions = {
	addWindow: async (event) => {
		const form = await readForm(event.request);
		const { db, grant } = await grantFor(event, form);
		const parsed = windowSchema.safeParse(form);
		if (!parsed.success) return fail(400, { action: 'addWindow', values: form, errors: fieldErrors(parsed.error) });
		await addWindow(db, grant, parsed.data);
		back(grant.staffId, 'windowAdded');
	},
	removeWindow: async (event) => {
		const form = await readForm(event.request);
		const { db, grant } = await grantFor(event, form);
		const parsed = idSchema.safeParse(form);
		if (!parsed.success || !(await removeWindow(db, grant, parsed.data.id))) notFound();
		back(grant.staffId, 'windowRemoved');
	},
	saveRules: async (event) => {
		const form = await readForm(event.request);
		const { db, grant } = await grantFor(event, form);
		const parsed = rulesSchema.safeParse(form);
		if (!parsed.success) return fail(400, { action: 'saveRules', values: form, errors: fieldErrors(parsed.error) });
		await saveRules(db, grant, parsed.data);
		back(grant.staffId, 'rulesSaved');
	},
	addTimeOff: async (event) => {
		const form = await readForm(event.request);
		const { db, grant } = await grantFor(event, form);
		const parsed = timeOffSchema.safeParse(form);
		if (!parsed.success) return fail(400, { action: 'addTimeOff', values: form, errors: fieldErrors(parsed.error) });
		await addTimeOff(db, grant, parsed.data);
		back(grant.staffId, 'timeOffAdded');
	},
	removeTimeOff: async (event) => {
		const form = await readForm(event.request);
		const { db, grant } = await grantFor(event, form);
		const parsed = idSchema.safeParse(form);
		if (!parsed.success || !(await removeTimeOff(db, grant, parsed.data.id))) notFound();
		back(grant.staffId, 'timeOffRemoved');
	},
	away: async (event) => {
		const form = await readForm(event.request);
		const { db, grant } = await grantFor(event, form);
		const parsed = absenceSchema().safeParse(form);
		if (!parsed.success) return fail(400, { action: 'away', values: form, errors: fieldErrors(parsed.error) });
		const result = await addAbsence(db, grant, parsed.data);
		if (!result.ok) return fail(400, { action: 'away', values: form, errors: { [result.field]: result.error } });
		back(grant.staffId, 'awayAdded');
	},
	endAway: async (event) => {
		const form = await readForm(event.request);
		const { db, grant } = await grantFor(event, form);
		const parsed = idSchema.safeParse(form);
		if (!parsed.success || !(await endAbsence(db, grant, parsed.data.id))) notFound();
		back(grant.staffId, 'awayEnded');
	}
};
