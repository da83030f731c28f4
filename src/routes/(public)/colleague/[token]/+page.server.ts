import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { clientAddress } from '$lib/server/http/address';
import { readForm } from '$lib/server/http/form';
import { findStaffLink, useStaffLink } from '$lib/server/auth/staff-links';
import { passwordLength, passwordProblem } from '$lib/server/auth/password';
import { signInHere } from '$lib/server/auth/link-pages';
import { resetPasswordSchema } from '$lib/schemas/auth';
import { fieldErrors } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

/** A colleague's sign-in link (auth/staff-links.ts): their first name only, or that it cannot be used. */
export const load: PageServerLoad = async ({ params }) => {
	const { db } = await getDatabase();
	const link = await findStaffLink(db, params.token);
	return { name: link?.firstName ?? null, minLength: passwordLength.min };
};

export const actions: Actions = {
	/** The colleague's password: set, every other session ended, and signed in here. */
	default: async (event) => {
		const form = await readForm(event.request);
		const parsed = resetPasswordSchema.safeParse(form);
		const errors = parsed.success ? {} : fieldErrors(parsed.error);
		const problem = parsed.success ? passwordProblem(parsed.data.password) : null;
		if (problem) errors.password = `validation.password.${problem}`;
		if (!parsed.success || problem) return fail(400, { errors });
		const { db } = await getDatabase();
		const result = await useStaffLink(db, event.params.token, { password: parsed.data.password, address: clientAddress(event) });
		if (!result.ok) {
			if (result.reason === 'password') return fail(400, { errors: { password: `validation.password.${result.problem}` } });
			if (result.reason === 'throttled') return fail(429, { errors: {}, retryAt: result.retryAt.toISOString() });
			return fail(410, { errors: {}, expired: true });
		}
		await signInHere(event, result.userId, 'staff');
		redirect(303, '/staff');
	}
};
