import { loadLinkPage } from '$lib/server/auth/link-pages';
import { acceptAction, resetAction } from '../../link-forms.server';
import type { Actions, PageServerLoad } from './$types';

/** A short code typed into the address bar (/k/K7QX-M4PD) or sent on from /k: the same page as its long link. */
export const load: PageServerLoad = (event) => loadLinkPage(event);

export const actions: Actions = {
	accept: (event) => acceptAction(event, { code: event.params.code }),
	reset: (event) => resetAction(event, { code: event.params.code })
};
