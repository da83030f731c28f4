/**
 * The team leader's API tokens page (/staff/team/api), read at the edge. Each scope is its own
 * checkbox (readForm keeps one value per name): ticked ones arrive as "on".
 */
import { z } from 'zod';
import { apiScopes, apiTokenNameMaxLength, type ApiScope } from '$lib/codes';
import { isDay } from '$lib/time/zone';
import { copenhagenDate } from '$lib/i18n/format';
import { tokenIdField } from './forms';

/** A scope's checkbox name: `scope-outcomes-write` (no colon, so the id is a plain one too). */
export const scopeField = (scope: ApiScope) => `scope-${scope.replace(':', '-')}`;

export const createApiTokenForm = z
	.object({
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
		...Object.fromEntries(apiScopes.map((s) => [scopeField(s), z.string().optional()]))
	})
	.transform((f, ctx) => {
		const values = f as Record<string, string | undefined>;
		const scopes = apiScopes.filter((s) => values[scopeField(s)] !== undefined);
		if (scopes.length === 0) {
			ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'validation.scopesRequired' });
			return z.NEVER;
		}
		return { name: f.name, expires: f.expires, scopes };
	});
export type CreateApiTokenForm = z.output<typeof createApiTokenForm>;

export const revokeApiTokenForm = z.object({ id: tokenIdField });
