import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { checkIn, listCheckinMembers, listCheckins, shareCheckin } from '$lib/server/checkins';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { fieldErrors, uuidField } from '$lib/schemas/forms';
import { checkinSchema, shareCheckinSchema } from '$lib/schemas/checkins';
import { copenhagenDate } from '$lib/i18n/format';
import type { Actions, PageServerLoad } from './$types';

/** What the page says after a change (?done=…): only these. */
const doneKeys = ['saved', 'shared', 'unshared'] as const;

export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const { db } = await getDatabase();
	const grant = ownFamily(user) ?? notFound();
	// Whose answers: one's own, or another member's that one may see (?member=). A member with
	// nothing visible — a teenager's private answers, a made-up id — is the same 404.
	const asked = event.url.searchParams.get('member');
	const memberId = asked === null ? user.memberId : uuidField.safeParse(asked).success ? asked : notFound();
	const [members, checkins] = await Promise.all([listCheckinMembers(db, grant), listCheckins(db, grant, memberId)]);
	const shown =
		memberId === user.memberId ? { id: user.memberId, name: user.name } : (members.find((m) => m.id === memberId) ?? notFound());
	return {
		members: members.filter((m) => m.id !== user.memberId),
		member: { ...shown, mine: shown.id === user.memberId },
		checkins,
		today: copenhagenDate(),
		teen: user.role === 'child',
		done: doneKeys.find((k) => k === event.url.searchParams.get('done')) ?? null
	};
};

export const actions: Actions = {
	save: async (event) => {
		const form = await readForm(event.request);
		const parsed = checkinSchema.safeParse(form);
		if (!parsed.success) return fail(400, { action: 'save', values: form, errors: fieldErrors(parsed.error) });
		const user = requireFamily(event);
		const { db } = await getDatabase();
		const result = await checkIn(db, ownFamily(user, 'checkin.write') ?? notFound(), parsed.data);
		if (!result.ok) notFound();
		redirect(303, '/checkin?done=saved');
	},
	share: async (event) => {
		const parsed = shareCheckinSchema.safeParse(await readForm(event.request));
		if (!parsed.success) notFound();
		const user = requireFamily(event);
		const { db } = await getDatabase();
		const shared = parsed.data.shared === 'yes';
		const result = await shareCheckin(db, ownFamily(user) ?? notFound(), { id: parsed.data.id, shared });
		if (!result.ok) notFound();
		redirect(303, `/checkin?done=${shared ? 'shared' : 'unshared'}`);
	}
};
