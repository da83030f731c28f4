import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { teamGrant } from '$lib/server/access';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/api-tokens';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { fieldErrors } from '$lib/schemas/forms';
import { createApiTokenForm, revokeApiTokenForm } from '$lib/schemas/api-tokens';
import { copenhagenDate } from '$lib/i18n/format';
import { apiScopeField, apiScopes, apiTokenNameMaxLength } from '$lib/codes';
import type { Actions, PageServerLoad } from './$types';

/**
 * The team's API tokens for its other systems: the team leader makes, sees and revokes them
 * (access.ts teamGrant 'edit'); anyone else finds nothing here. A new token is in the action's
 * answer only, shown once, never stored or sent again.
 */
export const load: PageServerLoad = async (event) => {
	const grant = teamGrant(requireStaff(event), 'edit') ?? notFound();
	const { db } = await getDatabase();
	return {
		tokens: await listApiTokens(db, grant),
		today: copenhagenDate(),
		revoked: event.url.searchParams.get('done') === 'revoked',
		// From the server, so the codes stay out of every other page's JavaScript.
		scopes: apiScopes.map((code) => ({ code, field: apiScopeField(code) })),
		nameMaxLength: apiTokenNameMaxLength
	};
};

async function editing(event: RequestEvent) {
	const grant = teamGrant(requireStaff(event), 'edit') ?? notFound();
	const { db } = await getDatabase();
	return { db, grant, form: await readForm(event.request) };
}

export const actions: Actions = {
	create: async (event) => {
		const { db, grant, form } = await editing(event);
		const parsed = createApiTokenForm.safeParse(form);
		if (!parsed.success) return fail(400, { values: form, errors: fieldErrors(parsed.error) });
		const made = (await createApiToken(db, grant, parsed.data)) ?? notFound();
		return { created: { name: parsed.data.name, token: made.token } };
	},
	revoke: async (event) => {
		const { db, grant, form } = await editing(event);
		const parsed = revokeApiTokenForm.safeParse(form);
		if (!parsed.success || !(await revokeApiToken(db, grant, parsed.data.id))) notFound();
		redirect(303, '/staff/team/api?done=revoked');
	}
};
