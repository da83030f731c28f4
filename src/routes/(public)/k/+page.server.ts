import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { lookUpLink } from '$lib/server/auth/links';
import { readForm } from '$lib/server/http/form';
import { clientAddress } from '$lib/server/http/address';
import { shortCodeSchema } from '$lib/schemas/auth';
import { fieldErrors } from '$lib/schemas/forms';
import { normaliseShortCode } from '$lib/short-code';
import type { Actions } from './$types';

export const actions: Actions = {
	/** A typed code: checked (and throttled) here, then its page at /k/CODE. */
	default: async (event) => {
		const form = await readForm(event.request);
		const parsed = shortCodeSchema.safeParse(form);
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const code = normaliseShortCode(parsed.data.code);
		// The code is not echoed back: it is a secret for a while, like a password.
		if (!code) return fail(400, { errors: { code: 'validation.codeInvalid' } });
		const { db } = await getDatabase();
		const found = await lookUpLink(db, { code }, clientAddress(event));
		if (found.ok) redirect(303, `/k/${code}`);
		if (found.reason === 'throttled') return fail(429, { errors: {}, retryAt: found.retryAt.toISOString() });
		return fail(400, { errors: { code: 'validation.codeUnknown' } });
	}
};
