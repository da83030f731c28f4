import { z } from 'zod';
import { locales } from '$lib/i18n/locales';

const codes = locales.map((l) => l.code) as [string, ...string[]];

export const email = z
	.string()
	.trim()
	.min(1, 'validation.emailRequired')
	.max(254, 'validation.emailInvalid')
	.pipe(z.email('validation.emailInvalid'));

export const signInSchema = z.object({
	email,
	password: z.string().min(1, 'validation.passwordRequired').max(1024, 'validation.passwordTooLong')
});

export const acceptInvitationSchema = z.object({
	email,
	password: z.string().min(1, 'validation.passwordRequired'),
	locale: z.enum(codes, 'validation.localeRequired')
});

export const localeSchema = z.enum(codes);
