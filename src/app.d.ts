import type { SessionUser } from '$lib/server/auth/session';
import type { Locale } from '$lib/i18n/locales';
import type { Translate } from '$lib/i18n/translator';
import type { LookUp } from '$lib/server/auth/links';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			sessionId: string | null;
			locale: Locale;
			t: Translate;
			/** On a sign-in link's page: the link, looked up once per request (auth/link-pages.ts). */
			signInLink?: Promise<LookUp>;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
