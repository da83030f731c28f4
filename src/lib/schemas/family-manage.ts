/**
 * The team leader's forms on a family's time with the team (/staff/families/[id]/manage): a new
 * contact person, ending (a day that has come and why), beginning again; each with the team's
 * own words on why, up to 300 characters.
 */
import { z } from 'zod';
import { endReasons, familyChangeNoteMaxLength } from '$lib/codes';
import { uuidField } from './forms';
import { pastDay } from './outcomes';

const note = z
	.string()
	.default('')
	.transform((s) => s.replace(/\r\n?/g, '\n').trim())
	.refine((s) => s.length <= familyChangeNoteMaxLength, 'validation.noteTooLong');

export const changeContactForm = z.object({ staff: z.string().regex(/./, 'validation.colleagueRequired').pipe(uuidField), note });
export const endForm = z.object({ on: pastDay, reason: z.enum(endReasons, { message: 'validation.endReasonChoose' }), note });
export const reopenForm = z.object({ note });
