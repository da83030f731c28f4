import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { signIn } from '$lib/server/auth/signin';
import { createSession, describeDevice } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { homeOf, safeNext } from '$lib/server/auth/guards';
import { fieldErrors, formObject } from '$lib/schemas/forms';
import { signInSchema } from '$lib/schemas/auth';
import { formatDateTime } from '$lib/i18n/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, homeOf(locals.user));
	return { signedOut: url.searchParams.has('signed-out') };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = formObject(await request.formData());
		// Never echo the password back.
		const values = { email: form.email ?? '' };
		const parsed = signInSchema.safeParse(form);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });

		const { db } = await getDatabase();
		const result = await signIn(db, parsed.data.email, parsed.data.password, getClientAddress());
		if (!result.ok) {
			const message =
				result.reason === 'throttled'
					? locals.t('login.throttled', { time: formatDateTime(result.retryAt, locals.locale) })
					: locals.t('login.wrong');
			return fail(result.reason === 'throttled' ? 429 : 400, { values, errors: {}, message });
		}
		const device = describeDevice(request.headers.get('user-agent'));
		const session = await createSession(db, result.userId, result.kind, device);
		setSessionCookie(cookies, url, session.token, session.expiresAt);
		redirect(303, safeNext(url.searchParams.get('next'), result.kind === 'staff' ? '/staff' : '/home'));
	}
};
