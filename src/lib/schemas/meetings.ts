/**
 * The family's booking, moving and cancelling, read at the edge. The booking steps carry their
 * choices in the query string (GET forms, so the back link and "change" links keep them):
 * `readChoices` reads each one on its own, and a step that lacks an earlier choice sends the
 * reader back to that step. The topic and the walk's meeting point are typed on the confirm
 * page, which POSTs: they never travel in a URL.
 */
import { z } from 'zod';
import {
	interpreterLanguages,
	meetingPlaceMaxLength,
	meetingReasonMaxLength,
	meetingTopicMaxLength,
	meetingTypes,
	type MeetingType
} from '$lib/codes';
import { uuidPattern } from '$lib/shapes';
import { uuidField } from './forms';

/** A slot's start as the pages write it: an instant on the half or whole hour (Date.toISOString). */
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/;
const start = z
	.string()
	.regex(instantPattern, 'validation.invalid')
	.transform((s) => new Date(s))
	.refine((d) => !Number.isNaN(d.getTime()), 'validation.invalid');

const type = z.enum(meetingTypes, { message: 'validation.invalid' });
/** 'none', or the language an interpreter is wanted for. */
const interpreter = z.union([z.literal('none'), z.enum(interpreterLanguages)], { message: 'validation.chooseInterpreter' });
const members = z.array(z.string().regex(uuidPattern)).min(1).max(20);

/** Line breaks from a phone arrive as \r\n. */
const words = (max: number, tooLong: string) =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').replace(/\r\n?/g, '\n').trim())
		.pipe(z.string().max(max, tooLong));

export interface Choices {
	staffId: string;
	type: MeetingType;
	start: Date;
	memberIds: string[];
	interpreter: 'none' | (typeof interpreterLanguages)[number];
}

/**
 * The choices made so far; a missing or broken one is left out. Step 1's radios send
 * `with=<staff id>~<type>` (one radio group across every person's fieldset).
 */
export function readChoices(params: URLSearchParams): Partial<Choices> {
	const out: Partial<Choices> = {};
	const [withStaff, withType] = (params.get('with') ?? '').split('~');
	const staffId = params.get('staff') ?? withStaff;
	if (uuidField.safeParse(staffId).success) out.staffId = staffId;
	const t = type.safeParse(params.get('type') ?? withType);
	if (t.success) out.type = t.data;
	const s = start.safeParse(params.get('start'));
	if (s.success) out.start = s.data;
	const m = members.safeParse([...new Set(params.getAll('member').flatMap((v) => v.split(',')))].filter(Boolean));
	if (m.success) out.memberIds = m.data;
	const i = interpreter.safeParse(params.get('interpreter'));
	if (i.success) out.interpreter = i.data;
	return out;
}

/** The steps in order, each with the choices it needs before it. */
export const bookingSteps = [
	{ path: '/meetings/book', needs: [] },
	{ path: '/meetings/book/time', needs: ['staffId', 'type'] },
	{ path: '/meetings/book/who', needs: ['staffId', 'type', 'start'] },
	{ path: '/meetings/book/interpreter', needs: ['staffId', 'type', 'start', 'memberIds'] },
	{ path: '/meetings/book/confirm', needs: ['staffId', 'type', 'start', 'memberIds', 'interpreter'] }
] as const satisfies readonly { path: string; needs: readonly (keyof Choices)[] }[];

/** The query string of some choices (the ones given), for links and redirects. */
export function choicesQuery(c: Partial<Choices>): string {
	const q = new URLSearchParams();
	if (c.staffId) q.set('staff', c.staffId);
	if (c.type) q.set('type', c.type);
	if (c.start) q.set('start', c.start.toISOString());
	for (const m of c.memberIds ?? []) q.append('member', m);
	if (c.interpreter) q.set('interpreter', c.interpreter);
	const s = q.toString();
	return s ? `?${s}` : '';
}

/** The path and query of step n (1-based) with the choices given. */
export function stepHref(n: number, c: Partial<Choices>): string {
	return bookingSteps[n - 1].path + choicesQuery(c);
}

/**
 * The first step whose choice is missing for step n (1-based), or null when step n has all it
 * needs: the page redirects there, keeping what was chosen.
 */
export function missingStep(n: number, c: Partial<Choices>): number | null {
	for (let i = 1; i < n; i++) {
		const needed = (bookingSteps[i].needs as readonly (keyof Choices)[]).filter(
			(k) => !(bookingSteps[i - 1].needs as readonly string[]).includes(k)
		);
		if (needed.some((k) => c[k] === undefined)) return i;
	}
	return null;
}

/** A walk's meeting point: one of the team's (its id), somewhere else ('other'), or none chosen. */
export const pointField = z
	.union([uuidField, z.literal('other'), z.literal('')], { message: 'validation.invalid' })
	.optional()
	.transform((v) => (v && v !== 'other' ? v : null));

/** One of the family's goals (its id), or none. */
const goalField = z
	.union([uuidField, z.literal('')], { message: 'validation.invalid' })
	.optional()
	.transform((v) => v || null);

/**
 * A point from the list and words of one's own at once: which one was meant? Asked, not guessed,
 * so nothing typed is dropped without a word.
 */
export function onePlace(v: { point: string | null; place: string }, ctx: z.RefinementCtx): void {
	if (v.point && v.place) ctx.addIssue({ code: 'custom', path: ['place'], message: 'validation.placeOneOnly' });
}

/** The confirm page's POST: every choice again (hidden fields), what to talk about, where to meet. */
export const bookSchema = z
	.object({
		staff: uuidField,
		type,
		start,
		/** Comma-separated member ids (a form field keeps one value). */
		members: z
			.string()
			.transform((s) => s.split(','))
			.pipe(members),
		interpreter,
		topic: words(meetingTopicMaxLength, 'validation.topicTooLong'),
		goal: goalField,
		place: words(meetingPlaceMaxLength, 'validation.placeTooLong'),
		point: pointField,
		formKey: uuidField
	})
	.superRefine(onePlace);

export const moveSchema = z.object({ start, reason: words(meetingReasonMaxLength, 'validation.reasonTooLong') });

/** The move page's "earlier/later times": a day of the week wanted (its Monday). */
export const weekSchema = z.object({ week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.invalid') });

export const cancelSchema = z.object({ reason: words(meetingReasonMaxLength, 'validation.reasonTooLong') });

/** The family's yes or no to a proposed time; a no may carry a reason. */
export const answerSchema = z.object({
	answer: z.enum(['yes', 'no'], { message: 'validation.invalid' }),
	reason: words(meetingReasonMaxLength, 'validation.reasonTooLong')
});

/** Step n with the choices kept and a word that its choice is missing (the page says so). */
export function missingHref(n: number, c: Partial<Choices>): string {
	const href = stepHref(n, c);
	return `${href}${href.includes('?') ? '&' : '?'}missing=1`;
}

/**
 * For step n's load: the choices it needs, or a redirect (303) to the first step whose choice
 * is missing or broken.
 */
export function choicesFor(n: number, params: URLSearchParams): { chosen: Partial<Choices> } | { redirect: string } {
	const chosen = readChoices(params);
	const missing = missingStep(n, chosen);
	return missing === null ? { chosen } : { redirect: missingHref(missing, chosen) };
}
