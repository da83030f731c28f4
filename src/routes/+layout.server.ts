import { dirOf } from '$lib/i18n/locales';
import { languageNames } from '$lib/i18n/language-names';
import { messagesFor } from '$lib/server/i18n';
import { getDatabase } from '$lib/server/db';
import { getOrganisationFrame } from '$lib/server/organisation';
import { unreadCount } from '$lib/server/messages/conversations';
import type { LayoutServerLoad } from './$types';

/**
 * Only the copy this page uses (i18n-areas.ts), the reader's names of languages (a few
 * hundred bytes of the data the portal ships, language-names.ts, never all eight locales'),
 * and the municipality's frame for the header and footer. Reading `route.id` makes this load
 * run again on every client-side navigation to another route, so the new page's copy arrives
 * in the same __data.json as its data; the frame is kept in memory for a minute
 * (organisation.ts), so that costs no query either. A signed-in reader's unread conversations
 * (the header's figure) are one statement, run beside the page's own.
 */
export const load: LayoutServerLoad = async ({ locals, route }) => {
	const { db } = await getDatabase();
	const [organisation, unread] = await Promise.all([getOrganisationFrame(db), locals.user ? unreadCount(db, locals.user) : 0]);
	return {
		locale: locals.locale,
		dir: dirOf(locals.locale),
		messages: messagesFor(locals.locale, route.id),
		languageNames: languageNames[locals.locale],
		user: locals.user ? { kind: locals.user.kind, name: locals.user.name, unread } : null,
		organisation
	};
};
