/**
 * "Away": whole days a staff member is not at work, with who stands in. Read at the edge;
 * messages are keys in `validation.*`. Whether the stand-in is on the team, and whether the
 * days meet another absence, the database decides (absences.ts maps its answers).
 */
import { z } from 'zod';
import { absenceKinds } from '$lib/codes';
import { addDays, isDay, localDay } from '$lib/time/zone';
import { uuidField } from './forms';

const day = z.string().refine(isDay, 'validation.dateInvalid');

/** The longest absence, first and last day included: a year (the database's absences_length). */
export const maxAbsenceDays = 366;

/** A new absence. `standIn` is a colleague's id, or empty for "someone else from the team". */
export const absenceSchema = (now = new Date()) =>
	z
		.object({
			startsOn: day,
			endsOn: day,
			kind: z.enum(absenceKinds, { message: 'validation.invalid' }),
			standIn: z
				.string()
				.optional()
				.transform((s) => s || null)
				.pipe(uuidField.nullable())
		})
		.superRefine((v, ctx) => {
			if (!isDay(v.startsOn) || !isDay(v.endsOn)) return;
			if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'validation.absenceUntilBeforeFrom' });
			else if (v.endsOn > addDays(v.startsOn, maxAbsenceDays - 1))
				ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'validation.absenceTooLong' });
			else if (v.endsOn < localDay(now)) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'validation.expiryPast' });
		});

export type AbsenceInput = z.output<ReturnType<typeof absenceSchema>>;
