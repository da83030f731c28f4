import { dirOf } from '$lib/i18n/locales';
import { languageNames } from '$lib/i18n/language-names';
import { messagesFor } from '$lib/server/i18n';
import type { LayoutServerLoad } from './$types';

/**
 * Only the copy this page uses (i18n-areas.ts), and the reader's names of languages: a few
 * hundred bytes of the data the portal ships (language-names.ts), never all eight locales'.
 * Reading `route.id` makes this load run again on every client-side navigation to another
 * route, so the new page's copy arrives in the same __data.json as its data; it reads nothing
 * but locals, so that costs no query.
 */
export const load: LayoutServerLoad = ({ locals, route }) => ({
	locale: locals.locale,
	dir: dirOf(locals.locale),
	messages: messagesFor(locals.locale, route.id),
	languageNames: languageNames[locals.locale],
	user: locals.user ? { kind: locals.user.kind, name: locals.user.name } : null
});
