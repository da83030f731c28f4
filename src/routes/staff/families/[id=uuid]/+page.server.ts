import { fail } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { familyGrant, grantAllows } from '$lib/server/access';
import { getFamilyOverview } from '$lib/server/families';
import { createInvitation } from '$lib/server/auth/invitations';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { uuidField } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const grant = (await familyGrant(db, user, event.params.id, 'family.view')) ?? notFound();
	const family = (await getFamilyOverview(db, grant)) ?? notFound();
	return { family, relation: grant.relation, mayInvite: grantAllows(grant, 'invitation.create'), viewer: user.staffId };
};

export const actions: Actions = {
	invite: async (event) => {
		const user = requireStaff(event);
		const member = uuidField.safeParse((await readForm(event.request)).member);
		if (!member.success) return fail(404, { inviteError: 'staffFamily.inviteError.notFound' });
		const memberId = member.data;
		const { db } = await getDatabase();
		const grant = (await familyGrant(db, user, event.params.id, 'invitation.create')) ?? notFound();
		const result = await createInvitation(db, grant, memberId);
		if (!result.ok) {
			return fail(result.reason === 'notFound' ? 404 : 409, { inviteError: `staffFamily.inviteError.${result.reason}` });
		}
		const link = new URL(`/invitation/${result.token}`, event.url.origin).href;
		const qr = await QRCode.toString(link, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
		// The link is secret: hooks.server.ts marks this response (a signed-in page) no-store.
		return { invitation: { memberId, memberName: result.memberName, link, qr, expiresAt: result.expiresAt.toISOString() } };
	}
};
