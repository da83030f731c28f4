import { z } from 'zod';
import { tokenPartPattern, uuidPattern } from '$lib/shapes';

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

/** Ids and tokens are checked by shape before any query (a malformed one is "not found"). */
export const uuidField = z.string().regex(uuidPattern, 'validation.invalid');
export const tokenIdField = z.string().regex(tokenPartPattern, 'validation.invalid');
