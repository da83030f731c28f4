import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { acceptInvitation, findInvitation } from '$lib/server/auth/invitations';
import { passwordLength, passwordProblem } from '$lib/server/auth/password';
import { createSession, describeDevice } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { deviceSecret, rememberDevice, setDeviceCookie } from '$lib/server/auth/devices';
import { rememberLanguage } from '$lib/server/language';
import { readForm } from '$lib/server/http/form';
import { clientAddress } from '$lib/server/http/address';
import { acceptInvitationSchema } from '$lib/schemas/auth';
import { fieldErrors } from '$lib/schemas/forms';
import { isLocale } from '$lib/i18n/locales';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await getDatabase();
	const invitation = await findInvitation(db, params.token);
	if (!invitation) return { invitation: null };
	return {
		invitation: {
			name: invitation.memberName,
			invitedBy: invitation.invitedBy,
			// The language they were invited in, unless they already picked one here.
			language: isLocale(invitation.preferredLanguage) ? invitation.preferredLanguage : locals.locale
		},
		minLength: passwordLength.min
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { params, request, cookies, url } = event;
		const form = await readForm(request);
		const values = { email: form.email ?? '', locale: form.locale ?? '' };
		const parsed = acceptInvitationSchema.safeParse(form);
		const errors = parsed.success ? {} : fieldErrors(parsed.error);
		if (parsed.success) {
			const problem = passwordProblem(parsed.data.password, parsed.data.email);
			if (problem) errors.password = `validation.password.${problem}`;
		}
		if (!parsed.success || Object.keys(errors).length) return fail(400, { values, errors });

		const { db } = await getDatabase();
		const result = await acceptInvitation(db, params.token, { ...parsed.data, address: clientAddress(event) });
		if (!result.ok) {
			if (result.reason === 'emailUnavailable') return fail(400, { values, errors: { email: 'validation.emailUnavailable' } });
			if (result.reason === 'throttled') return fail(429, { values, errors: {}, retryAt: result.retryAt.toISOString() });
			return fail(410, { values, errors: {}, expired: true });
		}
		const locale = parsed.data.locale as App.Locals['locale'];
		rememberLanguage(cookies, url, locale);
		const device = deviceSecret(cookies, url);
		await rememberDevice(db, result.userId, device);
		setDeviceCookie(cookies, url, device);
		const session = await createSession(db, result.userId, 'family', describeDevice(request.headers.get('user-agent')));
		setSessionCookie(cookies, url, session.token, session.expiresAt);
		redirect(303, '/home?welcome');
	}
};
