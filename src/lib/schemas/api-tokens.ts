/**
 * The team leader's API tokens page (/staff/team/api), read at the edge. Each scope is its own
 * checkbox (readForm keeps one value per name): ticked ones arrive as "on".
 */
import { z } from 'zod';
import { apiScopeField, apiScopes, apiTokenNameMaxLength } from '$lib/codes';
import { isDay } from '$lib/time/zone';
import { copenhagenDate } from '$lib/i18n/format';
import { tokenIdField } from './forms';

export const scopeField = apiScopeField;

/** The ticked scopes, gathered from their checkboxes before the form is checked (so every field's message shows at once). */
function withScopes(raw: unknown): unknown {
	if (typeof raw !== 'object' || raw === null) return raw;
	const fields = raw as Record<string, unknown>;
	return { ...fields, scopes: apiScopes.filter((s) => typeof fields[scopeField(s)] === 'string') };
}

export const createApiTokenForm = z.preprocess(
	withScopes,
	z.object({
		name: z
			.string()
			.optional()
			.transform((s) => (s ?? '').replace(/\s+/g, ' ').trim())
			.pipe(z.string().min(1, 'validation.nameRequired').max(apiTokenNameMaxLength, 'validation.nameTooLong')),
		/** Empty: no end. Otherwise the last day it works (it stops at midnight after, Copenhagen time). */
		expires: z
			.string()
			.optional()
			.transform((s) => (s ?? '').trim())
			.refine((s) => s === '' || isDay(s), 'validation.dateInvalid')
			.refine((s) => s === '' || s >= copenhagenDate(), 'validation.expiryPast')
			.transform((s) => s || null),
		scopes: z.array(z.enum(apiScopes)).min(1, 'validation.scopesRequired')
	})
);
export type CreateApiTokenForm = z.output<typeof createApiTokenForm>;

export const revokeApiTokenForm = z.object({ id: tokenIdField });
