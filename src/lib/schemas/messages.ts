import { z } from 'zod';
import { messageMaxLength, subjectMaxLength } from '$lib/codes';
import { uuidPattern } from '$lib/shapes';
import { uuidField } from './forms';

// Line breaks from a phone arrive as \r\n; the words are otherwise the writer's own.
const body = z
	.string({ message: 'validation.messageRequired' })
	.transform((s) => s.replace(/\r\n?/g, '\n').trim())
	.pipe(z.string().min(1, 'validation.messageRequired').max(messageMaxLength, 'validation.messageTooLong'));

/** The words of a message that has files: it may have none (the database keeps "words or files"). */
const bodyWithFiles = z
	.string()
	.optional()
	.transform((s) => (s ?? '').replace(/\r\n?/g, '\n').trim())
	.pipe(z.string().max(messageMaxLength, 'validation.messageTooLong'));

const subject = z
	.string({ message: 'validation.subjectRequired' })
	.transform((s) => s.replace(/\s+/g, ' ').trim())
	.pipe(z.string().min(1, 'validation.subjectRequired').max(subjectMaxLength, 'validation.subjectTooLong'));

/** A family member starts a conversation: to the contact person (the form's default) or someone involved. */
export const startConversationSchema = z.object({ subject, body, staff: uuidField, formKey: uuidField });

/** A staff member starts one: with the family's adults (`member` empty) or with one member. */
export const staffStartSchema = z.object({
	subject,
	body,
	member: z
		.union([z.literal(''), uuidField])
		.optional()
		.transform((v) => v || null),
	formKey: uuidField
});

/** A reply in a conversation (a staff member's may be a note for the team only). */
export const replySchema = z.object({ body, formKey: uuidField });

/** The same forms when files came with them: the words may then be left out. */
export const startWithFilesSchema = startConversationSchema.extend({ body: bodyWithFiles });
export const staffStartWithFilesSchema = staffStartSchema.extend({ body: bodyWithFiles });
export const replyWithFilesSchema = replySchema.extend({ body: bodyWithFiles });

/** A choice from a list the page offers (a missing one is the reader's to make, so it says what to do). */
const choice = (message: string) => z.string({ message }).regex(uuidPattern, message);

/** A quick reply the team keeps, sent in the family's language. */
export const quickReplySchema = z.object({ reply: choice('validation.quickReplyRequired'), formKey: uuidField });

export const handOverSchema = z.object({ staff: choice('validation.colleagueRequired'), formKey: uuidField });

export const statusSchema = z.object({ status: z.enum(['open', 'done'], { message: 'validation.invalid' }) });
