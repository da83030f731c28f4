/**
 * The two forms a sign-in link opens, shared by its pages (/invitation/[token], /reset/[token]
 * and /k/[code]): read and check the form, call the service, and turn its answer into the
 * page's messages; on success sign the person in here.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { clientAddress } from '$lib/server/http/address';
import { readForm } from '$lib/server/http/form';
import { rememberLanguage, speak } from '$lib/server/language';
import { acceptInvitation } from '$lib/server/auth/invitations';
import { resetPassword } from '$lib/server/auth/resets';
import { passwordProblem } from '$lib/server/auth/password';
import { signInHere, speakLinkLanguage } from '$lib/server/auth/link-pages';
import type { LinkRef } from '$lib/server/auth/links';
import { acceptInvitationSchema, resetPasswordSchema } from '$lib/schemas/auth';
import { fieldErrors } from '$lib/schemas/forms';
import type { Locale } from '$lib/i18n/locales';

/** The invitation form: an e-mail or phone number, a password and a language; then signed in. */
export async function acceptAction(event: RequestEvent, ref: LinkRef) {
	const form = await readForm(event.request);
	const values = { email: form.email ?? '', locale: form.locale ?? '' };
	const parsed = acceptInvitationSchema.safeParse(form);
	const errors = parsed.success ? {} : fieldErrors(parsed.error);
	if (parsed.success) {
		const login = parsed.data.email;
		const problem = passwordProblem(
			parsed.data.password,
			login.kind === 'email' ? login.value : undefined,
			login.kind === 'phone' ? login.value : undefined
		);
		if (problem) errors.password = `validation.password.${problem}`;
	}
	if (!parsed.success || Object.keys(errors).length) {
		await speakLinkLanguage(event, form.locale);
		return fail(400, { values, errors });
	}

	const { db } = await getDatabase();
	const input = {
		login: parsed.data.email.value,
		password: parsed.data.password,
		locale: parsed.data.locale,
		address: clientAddress(event)
	};
	const result = await acceptInvitation(db, ref, input);
	if (!result.ok) {
		speak(event.locals, parsed.data.locale as Locale);
		if (result.reason === 'loginUnavailable') return fail(400, { values, errors: { email: 'validation.loginUnavailable' } });
		if (result.reason === 'throttled') return fail(429, { values, errors: {}, retryAt: result.retryAt.toISOString() });
		return fail(410, { values, errors: {}, expired: true });
	}
	const locale = parsed.data.locale as Locale;
	rememberLanguage(event.cookies, event.url, locale);
	await signInHere(event, result.userId);
	redirect(303, '/home?welcome');
}

/** The reset form: a new password; every other session ends, and this device is signed in. */
export async function resetAction(event: RequestEvent, ref: LinkRef) {
	const form = await readForm(event.request);
	const parsed = resetPasswordSchema.safeParse(form);
	const errors = parsed.success ? {} : fieldErrors(parsed.error);
	const problem = parsed.success ? passwordProblem(parsed.data.password) : null;
	if (problem) errors.password = `validation.password.${problem}`;
	if (!parsed.success || problem) {
		await speakLinkLanguage(event);
		return fail(400, { errors });
	}
	const { db } = await getDatabase();
	const result = await resetPassword(db, ref, { password: parsed.data.password, address: clientAddress(event) });
	if (!result.ok) {
		if (result.reason === 'password') {
			await speakLinkLanguage(event);
			return fail(400, { errors: { password: `validation.password.${result.problem}` } });
		}
		if (result.reason === 'throttled') return fail(429, { errors: {}, retryAt: result.retryAt.toISOString() });
		return fail(410, { errors: {}, expired: true });
	}
	await signInHere(event, result.userId);
	redirect(303, '/account?new-password');
}
