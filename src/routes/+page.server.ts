import { redirect } from '@sveltejs/kit';
import { homeOf } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	redirect(303, locals.user ? homeOf(locals.user) : '/login');
};
