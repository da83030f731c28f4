import type { SessionUser } from '$lib/server/auth/session';
import type { Locale } from '$lib/i18n/locales';
import type { Translate } from '$lib/i18n/translator';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			sessionId: string | null;
			locale: Locale;
			t: Translate;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
