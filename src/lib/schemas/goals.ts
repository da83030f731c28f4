import { z } from 'zod';
import { declineReasonMaxLength, goalMaxLength, goalNoteMaxLength } from '$lib/codes';
import { uuidField } from './forms';

/** Own words: phone line breaks as \n, trimmed, within limits (each error a message key). */
const words = (max: number, required: string, tooLong: string) =>
	z
		.string({ message: required })
		.transform((s) => s.replace(/\r\n?/g, '\n').trim())
		.pipe(z.string().min(1, required).max(max, tooLong));

const goalText = words(goalMaxLength, 'validation.goalRequired', 'validation.goalTooLong');

export const version = z.coerce
	.number({ message: 'validation.invalid' })
	.int('validation.invalid')
	.min(1, 'validation.invalid')
	.max(2_000_000_000, 'validation.invalid');

export const writeGoalSchema = z.object({ wishId: uuidField, text: goalText, formKey: uuidField });
export const editGoalSchema = z.object({ id: uuidField, version, text: goalText });
export const declineGoalSchema = z.object({
	id: uuidField,
	reason: z
		.string()
		.optional()
		.transform((s) => (s ?? '').replace(/\r\n?/g, '\n').trim())
		.pipe(z.string().max(declineReasonMaxLength, 'validation.reasonTooLong'))
		.transform((s) => s || null)
});
export const reachGoalSchema = z.object({ id: uuidField, reached: z.enum(['yes', 'no'], { message: 'validation.invalid' }) });

/** "me", "together", "member:<uuid>" or "staff:<uuid>" (a select's value). */
const who = z
	.string({ message: 'validation.whoInvalid' })
	.regex(/^(me|together|(member|staff):[0-9a-f-]{36})$/i, 'validation.whoInvalid')
	.transform((v) => {
		const [kind, id] = v.split(':') as ['me' | 'together' | 'member' | 'staff', string | undefined];
		return kind === 'me' || kind === 'together' ? { kind } : { kind, id: id!.toLowerCase() };
	});

/** yyyy-mm-dd as a date input sends it, a real day, or nothing. */
const dueOn = z
	.string()
	.optional()
	.transform((s) => (s ?? '').trim())
	.refine(
		(s) =>
			s === '' ||
			(/^\d{4}-\d{2}-\d{2}$/.test(s) &&
				!Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
				new Date(`${s}T00:00:00Z`).toISOString().startsWith(s) &&
				s >= '2000-01-01' &&
				s <= '2100-12-31'),
		'validation.dateInvalid'
	)
	.transform((s) => s || null);

export const addStepSchema = z.object({
	goalId: uuidField,
	text: words(goalMaxLength, 'validation.stepRequired', 'validation.stepTooLong'),
	who: z
		.string()
		.optional()
		.transform((v) => v || 'me')
		.pipe(who),
	dueOn,
	formKey: uuidField
});
export const stepDoneSchema = z.object({ id: uuidField, done: z.enum(['yes', 'no'], { message: 'validation.invalid' }) });
export const noteSchema = z.object({
	goalId: uuidField,
	text: words(goalNoteMaxLength, 'validation.noteRequired', 'validation.noteTooLong')
});
