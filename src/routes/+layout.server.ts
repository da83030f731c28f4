import { dirOf } from '$lib/i18n/locales';
import { messagesFor } from '$lib/server/i18n';
import type { LayoutServerLoad } from './$types';

/**
 * Only the copy this page uses (i18n-areas.ts). Reading `route.id` makes this load run again
 * on every client-side navigation to another route, so the new page's copy arrives in the
 * same __data.json as its data; it reads nothing but locals, so that costs no query.
 */
export const load: LayoutServerLoad = ({ locals, route }) => ({
	locale: locals.locale,
	dir: dirOf(locals.locale),
	messages: messagesFor(locals.locale, route.id),
	user: locals.user ? { kind: locals.user.kind, name: locals.user.name } : null
});
