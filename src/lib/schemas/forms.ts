import type { z } from 'zod';

/** The first message key per field, e.g. { email: 'validation.emailInvalid' }. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		// Our schemas give message keys; zod's own English text never reaches a user.
		out[field] ??= issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
	}
	return out;
}

/** A form's text fields as a plain object (files and repeated names are not used here). */
export function formObject(data: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of data) if (typeof v === 'string') out[k] = v;
	return out;
}
