import { z } from 'zod';
import { opportunityKinds } from '$lib/codes';
import { uuidField } from './forms';

/** Empty or missing is "any": a filter form sends every field, most of them blank. */
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);

/**
 * The directory's filters as they arrive in the address (/activities?kind=club&free=1 …).
 * A filter that is not understood is dropped, never an error: the list shows, less narrowed.
 */
export const directoryQuery = z.object({
	q: z.preprocess(blank, z.string().trim().max(100).optional()).catch(undefined),
	kind: z.preprocess(blank, z.enum(opportunityKinds).optional()).catch(undefined),
	free: z.preprocess(blank, z.literal('1').optional()).catch(undefined),
	area: z.preprocess(blank, z.string().trim().max(60).optional()).catch(undefined),
	weekday: z.preprocess(blank, z.coerce.number().int().min(1).max(7).optional()).catch(undefined),
	language: z
		.preprocess(
			blank,
			z
				.string()
				.regex(/^[a-z]{2,3}$/)
				.optional()
		)
		.catch(undefined),
	/** "Fits my age" is on unless the form says all=1 (a checkbox cannot send "off"). */
	all: z.preprocess(blank, z.literal('1').optional()).catch(undefined),
	/** A parent looks for one of their children (a member id); default: the person themself. */
	for: z.preprocess(blank, z.string().uuid().optional()).catch(undefined),
	/** Only what the reader saved for later. */
	saved: z.preprocess(blank, z.literal('1').optional()).catch(undefined)
});
export type DirectoryQuery = z.infer<typeof directoryQuery>;

export function readDirectoryQuery(params: URLSearchParams): DirectoryQuery {
	return directoryQuery.parse(Object.fromEntries(params));
}

const words = (max: number, key: string) =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').replace(/\r\n?/g, '\n').trim())
		.pipe(z.string().max(max, key));

/** "I'm interested": an optional sentence, "come with me", (a parent) for which child, and a goal it is part of. */
export const interestedForm = z.object({
	note: words(500, 'validation.interestNoteTooLong'),
	companion: z
		.literal('on', { message: 'validation.invalid' })
		.optional()
		.transform((v) => v === 'on'),
	for: z
		.union([z.literal(''), uuidField])
		.optional()
		.transform((v) => v || null),
	/** One of the goals offered; empty is "no goal". */
	goal: z
		.union([z.literal(''), uuidField], { message: 'validation.interestGoal' })
		.optional()
		.transform((v) => v || null),
	formKey: uuidField
});

/** "Save for later" (on=1) or take it away (on=0). */
export const saveOpportunityForm = z.object({
	on: z.enum(['1', '0'], { message: 'validation.invalid' }).transform((v) => v === '1')
});

export const shareInterestForm = z.object({ id: uuidField });

export const stillGoingForm = z.object({
	id: uuidField,
	answer: z.enum(['yes', 'no', 'help'], { message: 'validation.stillGoingChoose' }),
	words: words(500, 'validation.interestNoteTooLong')
});

/** The team moves an interest along: to a next status, with a note the family sees (a reason, to stop). */
export const moveInterestForm = z
	.object({
		id: uuidField,
		familyId: uuidField,
		to: z.enum(['contacted', 'started', 'still_going', 'stopped'], { message: 'validation.invalid' }),
		note: words(500, 'validation.interestNoteTooLong')
	})
	.refine((f) => f.to !== 'stopped' || f.note.length > 0, { path: ['note'], message: 'validation.stopNeedsReason' });
