import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { addContact, getPartner, removeContact, updatePartner } from '$lib/server/activities/manage';
import { contactForm, contactIdForm, partnerForm } from '$lib/schemas/opportunities';
import { fieldErrors } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

const doneKeys = ['partnerCreated', 'saved', 'contactAdded', 'contactRemoved'] as const;

/** A partner as the team keeps it: name, kind, area, notes for the team, and the people to call. */
export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const partner = (await getPartner(db, user, event.params.id)) ?? notFound();
	return { partner, done: doneKeys.find((k) => k === event.url.searchParams.get('done')) ?? null };
};

const back = (id: string, done: (typeof doneKeys)[number], anchor = ''): never =>
	redirect(303, `/staff/opportunities/partners/${id}?done=${done}${anchor}`);

export const actions: Actions = {
	save: async (event) => {
		const user = requireStaff(event);
		const form = await readForm(event.request);
		const parsed = partnerForm.safeParse(form);
		if (!parsed.success) return fail(400, { action: 'partner', values: form, errors: fieldErrors(parsed.error) });
		const { db } = await getDatabase();
		if (!(await updatePartner(db, user, event.params.id, parsed.data))) notFound();
		back(event.params.id, 'saved');
	},
	addContact: async (event) => {
		const user = requireStaff(event);
		const form = await readForm(event.request);
		const parsed = contactForm.safeParse(form);
		if (!parsed.success) return fail(400, { action: 'contact', values: form, errors: fieldErrors(parsed.error) });
		const { db } = await getDatabase();
		if (!(await addContact(db, user, event.params.id, parsed.data))) notFound();
		back(event.params.id, 'contactAdded', '#contacts-title');
	},
	removeContact: async (event) => {
		const user = requireStaff(event);
		const parsed = contactIdForm.safeParse(await readForm(event.request));
		if (!parsed.success) notFound();
		const { db } = await getDatabase();
		if (!(await removeContact(db, user, event.params.id, parsed.data.contactId))) notFound();
		back(event.params.id, 'contactRemoved', '#contacts-title');
	}
};
