/**
 * What the team notes about how things are going (/staff/families/[id]/outcomes), read at the
 * edge. Each member's section posts one small form: its kind says which fields it has. The
 * same shapes are the API's request bodies (outcomes:write).
 */
import { z } from 'zod';
import { leisureStatuses, workStatuses } from '$lib/codes';
import { isDay } from '$lib/time/zone';
import { copenhagenDate } from '$lib/i18n/format';
import { uuidField } from './forms';

/** A day that has come (notes are about what happened), from the year 2000. The team leader's end date too. */
export const pastDay = z
	.string()
	.trim()
	.refine((s) => isDay(s) && s >= '2000-01-01', 'validation.dateInvalid')
	.refine((s) => s <= copenhagenDate(), 'validation.dateFuture');

/** A term's first day: 1 January (spring) or 1 August (autumn). */
export const termField = z
	.string()
	.regex(/^(20\d\d)-(01|08)-01$/, 'validation.termChoose')
	.refine((s) => s <= copenhagenDate(), 'validation.termChoose');

/** "12", "12.5" or "12,5" (a Danish comma) per cent, 0–100. */
export const percentField = z
	.string()
	.trim()
	.transform((s, ctx) => {
		if (!/^\d{1,3}([.,]\d)?$/.test(s)) {
			ctx.addIssue({ code: 'custom', message: s ? 'validation.percentInvalid' : 'validation.percentRequired' });
			return z.NEVER;
		}
		const n = Number(s.replace(',', '.'));
		if (n > 100) {
			ctx.addIssue({ code: 'custom', message: 'validation.percentInvalid' });
			return z.NEVER;
		}
		return n;
	});

export const recordOutcomeForm = z.discriminatedUnion(
	'kind',
	[
		z.object({
			kind: z.literal('work'),
			member: uuidField,
			work: z.enum(workStatuses, { message: 'validation.workChoose' }),
			from: pastDay
		}),
		z.object({ kind: z.literal('school'), member: uuidField, term: termField, absence: percentField }),
		z.object({
			kind: z.literal('youth'),
			member: uuidField,
			leisure: z.enum(leisureStatuses, { message: 'validation.leisureChoose' }),
			education: z.enum(['yes', 'no'], { message: 'validation.educationChoose' }).transform((v) => v === 'yes'),
			from: pastDay
		})
	],
	{ message: 'validation.invalid' }
);
export type RecordOutcomeForm = z.output<typeof recordOutcomeForm>;

export const removeOutcomeForm = z.object({ id: uuidField });
