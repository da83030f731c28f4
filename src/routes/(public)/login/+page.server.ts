import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { signIn } from '$lib/server/auth/signin';
import { createSession, describeDevice } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { deviceSecret, setDeviceCookie } from '$lib/server/auth/devices';
import { homeOf } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/form';
import { clientAddress } from '$lib/server/http/address';
import { safeRedirectTarget } from '$lib/server/http/redirect';
import { fieldErrors } from '$lib/schemas/forms';
import { signInSchema } from '$lib/schemas/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, homeOf(locals.user));
	return { signedOut: url.searchParams.has('signed-out') };
};

/** What the page says above the form: a message key and its values (translated by the page). */
type Message = { key: string; count?: number; time?: string };

export const actions: Actions = {
	default: async (event) => {
		const { cookies, url, request } = event;
		const form = await readForm(request);
		// Never echo the password back.
		const values = { email: form.email ?? '' };
		const parsed = signInSchema.safeParse(form);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });

		const { db } = await getDatabase();
		const device = deviceSecret(cookies, url);
		const result = await signIn(db, {
			login: parsed.data.email.value,
			password: parsed.data.password,
			address: clientAddress(event),
			device
		});
		if (!result.ok) {
			if (result.reason === 'wrongCredentials') return fail(400, { values, errors: {}, message: { key: 'login.wrong' } as Message });
			const seconds = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 1000));
			// A short wait is said in seconds; a block in the time it ends.
			const message: Message =
				seconds <= 60 ? { key: 'login.wait', count: seconds } : { key: 'login.throttled', time: result.retryAt.toISOString() };
			return fail(429, { values, errors: {}, message });
		}
		setDeviceCookie(cookies, url, device);
		const session = await createSession(db, result.userId, result.kind, describeDevice(request.headers.get('user-agent')));
		setSessionCookie(cookies, url, session.token, session.expiresAt);
		redirect(303, safeRedirectTarget(url.searchParams.get('next'), url.origin, result.kind === 'staff' ? '/staff' : '/home'));
	}
};
