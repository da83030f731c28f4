import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { familyGrant, grantAllows } from '$lib/server/access';
import { staffFamilyPage } from '$lib/server/staff-family';
import { listWishes } from '$lib/server/wishes';
import { createInvitation } from '$lib/server/auth/invitations';
import { createReset } from '$lib/server/auth/resets';
import { flashNewLink, takeNewLink } from '$lib/server/auth/link-flash';
import { slipFor } from '$lib/server/slip';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { uuidField } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const grant = (await familyGrant(db, user, event.params.id, 'family.view')) ?? notFound();
	// The same grant (audited above): staff read every wish, a teenager's private ones too.
	const [page, wishes] = await Promise.all([staffFamilyPage(db, grant), listWishes(db, grant)]);
	const { family, openLinks, waiting, interests, activeNow } = page ?? notFound();
	// A link made just now is shown once (link-flash.ts); a reload shows only that it is open.
	const flash = takeNewLink(event.cookies, event.url, event.params.id);
	return {
		family,
		waiting,
		interests,
		activeNow,
		relation: grant.relation,
		mayInvite: grantAllows(grant, 'invitation.create'),
		mayReset: grantAllows(grant, 'signIn.reset'),
		mayManage: grantAllows(grant, 'family.manage'),
		// Just enrolled (/staff/families/new): say so, and that sign-ins are made from here.
		enrolledNow: event.url.searchParams.get('done') === 'enrolled',
		newLink: flash ? await slipFor(db, family.id, flash, event.url.origin) : null,
		openLinks: openLinks.map((l) => ({ ...l, createdAt: l.createdAt.toISOString(), expiresAt: l.expiresAt.toISOString() })),
		viewer: user.staffId,
		wishes: wishes.map((w) => ({ ...w, createdAt: w.createdAt.toISOString(), updatedAt: w.updatedAt.toISOString() }))
	};
};

/** Makes a link through the service, then shows it from the page's own GET (never as the POST's answer). */
async function makeLink(event: RequestEvent<{ id: string }>, kind: 'invite' | 'reset') {
	const user = requireStaff(event);
	const member = uuidField.safeParse((await readForm(event.request)).member);
	if (!member.success) return fail(404, { inviteError: 'staffFamily.inviteError.notFound' });
	const { db } = await getDatabase();
	const action = kind === 'invite' ? 'invitation.create' : 'signIn.reset';
	const grant = (await familyGrant(db, user, event.params.id, action)) ?? notFound();
	const result = kind === 'invite' ? await createInvitation(db, grant, member.data) : await createReset(db, grant, member.data);
	if (!result.ok) {
		return fail(result.reason === 'notFound' ? 404 : 409, { inviteError: `staffFamily.inviteError.${result.reason}` });
	}
	flashNewLink(event.cookies, event.url, event.params.id, { memberId: member.data, token: result.token, code: result.code });
	redirect(303, `/staff/families/${event.params.id}`);
}

export const actions: Actions = {
	invite: (event) => makeLink(event, 'invite'),
	reset: (event) => makeLink(event, 'reset')
};
