import { redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { invalidateSession } from '$lib/server/auth/session';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.sessionId) {
			const { db } = await getDatabase();
			await invalidateSession(db, locals.sessionId);
		}
		clearSessionCookie(cookies, url);
		redirect(303, '/login?signed-out');
	}
};
