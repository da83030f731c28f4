import { loadLinkPage } from '$lib/server/auth/link-pages';
import { acceptAction } from '../../link-forms.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadLinkPage(event, 'invite');

export const actions: Actions = {
	default: (event) => acceptAction(event, { token: event.params.token })
};
