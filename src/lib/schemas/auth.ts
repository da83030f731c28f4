import { z } from 'zod';
import { locales } from '$lib/i18n/locales';
import { parseLogin } from '$lib/login';
import { shortCodeLength } from '$lib/short-code';

const codes = locales.map((l) => l.code) as [string, ...string[]];

/** "E-mail or phone number", normalised ($lib/login): errors are message keys. */
export const login = z
	.string()
	.trim()
	.min(1, 'validation.loginRequired')
	.max(254, 'validation.loginInvalid')
	.transform((value, ctx) => {
		const parsed = parseLogin(value);
		if (!parsed) {
			ctx.addIssue({ code: 'custom', message: 'validation.loginInvalid' });
			return z.NEVER;
		}
		return parsed;
	});

const password = z.string().min(1, 'validation.passwordRequired').max(1024, 'validation.passwordTooLong');

export const signInSchema = z.object({
	// The field is named "email" for the forms and scripts that post here; it holds either.
	email: login,
	password
});

export const acceptInvitationSchema = z.object({
	email: login,
	password,
	locale: z.enum(codes, 'validation.localeRequired')
});

export const resetPasswordSchema = z.object({ password });

/** A typed short code: only its length is checked here; the service reads it ($lib/short-code). */
export const shortCodeSchema = z.object({
	code: z
		.string()
		.trim()
		.min(1, 'validation.codeRequired')
		.max(shortCodeLength * 3, 'validation.codeInvalid')
});

export const localeSchema = z.enum(codes);
