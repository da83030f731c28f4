import { loadLinkPage } from '$lib/server/auth/link-pages';
import { resetAction } from '../../link-forms.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadLinkPage(event, 'reset');

export const actions: Actions = {
	default: (event) => resetAction(event, { token: event.params.token })
};
