import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { setUserLocale } from '$lib/server/auth/signin';
import { rememberLanguage } from '$lib/server/language';
import { readForm } from '$lib/server/http/form';
import { safeRedirectTarget } from '$lib/server/http/redirect';
import { localeSchema } from '$lib/schemas/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ next: safeRedirectTarget(url.searchParams.get('next'), url.origin, '/') });

export const actions: Actions = {
	/** Saves the language: in a cookie always, and on the sign-in when someone is signed in. */
	default: async ({ request, cookies, url, locals }) => {
		const form = await readForm(request);
		const parsed = localeSchema.safeParse(form.locale);
		if (!parsed.success) return fail(400, { error: 'validation.localeRequired' });
		const locale = parsed.data as App.Locals['locale'];
		rememberLanguage(cookies, url, locale);
		if (locals.user) {
			const { db } = await getDatabase();
			await setUserLocale(db, locals.user.id, locale);
		}
		redirect(303, safeRedirectTarget(form.next, url.origin, '/'));
	}
};
