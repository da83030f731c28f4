import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { editWish, listWishes, pinWish, setWishStatus, shareWish, writeWish, type Change } from '$lib/server/wishes';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { fieldErrors } from '$lib/schemas/forms';
import { editWishSchema, pinWishSchema, shareWishSchema, wishStatusSchema, writeWishSchema } from '$lib/schemas/wishes';
import type { Actions, PageServerLoad } from './$types';

/** What the page says after a change (?done=…): only these. */
const doneKeys = ['written', 'edited', 'came_true', 'let_go', 'open', 'shared', 'unshared', 'pinned', 'unpinned'] as const;

export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const { db } = await getDatabase();
	const wishes = await listWishes(db, ownFamily(user) ?? notFound());
	const edit = event.url.searchParams.get('edit');
	return {
		wishes: wishes.map((w) => ({ ...w, createdAt: w.createdAt.toISOString(), updatedAt: w.updatedAt.toISOString() })),
		// Only one's own wish opens for editing; any other id just shows the list.
		editing: wishes.find((w) => w.id === edit && w.mine)?.id ?? null,
		done: doneKeys.find((k) => k === event.url.searchParams.get('done')) ?? null,
		// A new one-time key per page view: the same form sent twice makes one wish.
		formKey: randomUUID()
	};
};

/** What the form had in it, sent back as typed. */
function typed(form: Record<string, string>) {
	return { text: form.text ?? '', lifeArea: form.lifeArea ?? '' };
}

async function grantOf(event: RequestEvent) {
	const user = requireFamily(event);
	const { db } = await getDatabase();
	return { db, user };
}

/** A change that found nothing (another's wish, a teenager's hidden one, none at all) is a 404. */
function after(result: Change<unknown>, done: string) {
	if (!result.ok) notFound();
	redirect(303, `/wishes?done=${done}`);
}

export const actions: Actions = {
	write: async (event) => {
		const form = await readForm(event.request);
		const parsed = writeWishSchema.safeParse(form);
		if (!parsed.success) return fail(400, { action: 'write', values: typed(form), errors: fieldErrors(parsed.error) });
		const { db, user } = await grantOf(event);
		const result = await writeWish(db, ownFamily(user, 'wish.write') ?? notFound(), parsed.data);
		if (!result.ok) notFound();
		redirect(303, '/wishes?done=written');
	},
	edit: async (event) => {
		const form = await readForm(event.request);
		const parsed = editWishSchema.safeParse(form);
		const id = typeof form.id === 'string' ? form.id : '';
		if (!parsed.success) {
			if (parsed.error.issues.some((i) => i.path[0] === 'id' || i.path[0] === 'version')) notFound();
			return fail(400, { action: 'edit', id, version: Number(form.version), values: typed(form), errors: fieldErrors(parsed.error) });
		}
		const { db, user } = await grantOf(event);
		const result = await editWish(db, ownFamily(user) ?? notFound(), parsed.data);
		if (!result.ok && result.reason === 'conflict') {
			// Both versions go back to the page: what is stored now, and what was typed.
			return fail(409, { action: 'edit', id, version: result.current.version, values: typed(form), errors: {}, conflict: result.current });
		}
		after(result, 'edited');
	},
	status: async (event) => {
		const parsed = wishStatusSchema.safeParse(await readForm(event.request));
		if (!parsed.success) notFound();
		const { db, user } = await grantOf(event);
		after(await setWishStatus(db, ownFamily(user) ?? notFound(), parsed.data), parsed.data.status);
	},
	pin: async (event) => {
		const parsed = pinWishSchema.safeParse(await readForm(event.request));
		if (!parsed.success) notFound();
		const { db, user } = await grantOf(event);
		const pinned = parsed.data.pinned === 'yes';
		const result = await pinWish(db, ownFamily(user) ?? notFound(), { id: parsed.data.id, pinned });
		if (!result.ok && result.reason === 'tooMany')
			return fail(409, { action: 'pin', id: parsed.data.id, pinError: 'wishes.tooManyPinned' });
		after(result, pinned ? 'pinned' : 'unpinned');
	},
	share: async (event) => {
		const parsed = shareWishSchema.safeParse(await readForm(event.request));
		if (!parsed.success) notFound();
		const { db, user } = await grantOf(event);
		const shared = parsed.data.shared === 'yes';
		after(await shareWish(db, ownFamily(user) ?? notFound(), { id: parsed.data.id, shared }), shared ? 'shared' : 'unshared');
	}
};
