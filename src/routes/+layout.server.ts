import { dirOf } from '$lib/i18n/locales';
import { messages } from '$lib/server/i18n';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	dir: dirOf(locals.locale),
	messages: messages[locals.locale],
	user: locals.user ? { kind: locals.user.kind, name: locals.user.name } : null
});
