/**
 * The staff's meeting forms, read at the edge: availability windows, booking rules, hours off,
 * and what staff do to a meeting. Messages are keys in `validation.*`.
 */
import { z } from 'zod';
import { absenceKinds, interpreterStatuses, meetingTypes } from '$lib/codes';
import { isDay, isTime, minutesOf, zonedInstant } from '$lib/time/zone';
import { ruleRanges } from '$lib/booking-rules';
import { uuidField } from './forms';
import { onePlace, pointField } from './meetings';

const time = z.string().refine(isTime, 'validation.timeInvalid');
const day = z.string().refine(isDay, 'validation.dateInvalid');
const whole = (min: number, max: number) =>
	z.coerce
		.number({ message: 'validation.numberInvalid' })
		.int('validation.numberInvalid')
		.min(min, 'validation.numberRange')
		.max(max, 'validation.numberRange');

/** A new weekly window. The kinds come as one field per kind ("type_home=on"), as checkboxes send them. */
export const windowSchema = z
	.object({
		weekday: z.coerce
			.number({ message: 'validation.invalid' })
			.int('validation.invalid')
			.min(1, 'validation.invalid')
			.max(7, 'validation.invalid'),
		startsAt: time,
		endsAt: time,
		type_home: z.string().optional(),
		type_office: z.string().optional(),
		type_walk: z.string().optional(),
		type_phone: z.string().optional(),
		type_video: z.string().optional()
	})
	.transform((v) => ({ weekday: v.weekday, startsAt: v.startsAt, endsAt: v.endsAt, types: meetingTypes.filter((t) => v[`type_${t}`]) }))
	.superRefine((v, ctx) => {
		if (v.types.length === 0) ctx.addIssue({ code: 'custom', path: ['types'], message: 'validation.typesRequired' });
		if (isTime(v.startsAt) && isTime(v.endsAt) && minutesOf(v.endsAt) <= minutesOf(v.startsAt))
			ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.endBeforeStart' });
	});

const ranged = (r: { min: number; max: number }) => whole(r.min, r.max);

export const rulesSchema = z
	.object({
		home: whole(10, 240),
		office: whole(10, 240),
		walk: whole(10, 240),
		phone: whole(10, 240),
		video: whole(10, 240),
		travelMinutes: ranged(ruleRanges.travelMinutes),
		noticeHours: ranged(ruleRanges.noticeHours),
		horizonDays: ranged(ruleRanges.horizonDays),
		cutoffHours: ranged(ruleRanges.cutoffHours)
	})
	.transform(({ home, office, walk, phone, video, ...rest }) => ({ minutes: { home, office, walk, phone, video }, ...rest }));

/** Hours off on one day (Copenhagen time). */
export const timeOffSchema = z
	.object({ day, startsAt: time, endsAt: time, kind: z.enum(absenceKinds, { message: 'validation.invalid' }) })
	.superRefine((v, ctx) => {
		if (isTime(v.startsAt) && isTime(v.endsAt) && minutesOf(v.endsAt) <= minutesOf(v.startsAt))
			ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.endBeforeStart' });
	})
	.transform((v, ctx) => {
		const startsAt = zonedInstant(v.day, v.startsAt);
		const endsAt = zonedInstant(v.day, v.endsAt);
		if (!startsAt || !endsAt) {
			ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'validation.timeInvalid' });
			return z.NEVER;
		}
		return { startsAt, endsAt, kind: v.kind };
	});

export const idSchema = z.object({ id: uuidField });

export const interpreterSchema = z.object({ id: uuidField, status: z.enum(interpreterStatuses, { message: 'validation.invalid' }) });

export const heldSchema = z.object({ id: uuidField, held: z.enum(['yes', 'no'], { message: 'validation.invalid' }) });

const note = z
	.string()
	.optional()
	.transform((s) => (s ?? '').replace(/\r\n?/g, '\n').trim())
	.pipe(z.string().max(1000, 'validation.noteTooLong'));

export const staffCancelSchema = z.object({ id: uuidField, note });

/** An instant as the slot buttons send it (ISO 8601 with a zone). */
export const instant = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'validation.timeInvalid')
	.transform((s) => new Date(s))
	.refine((d) => !Number.isNaN(d.getTime()), 'validation.timeInvalid');

export const staffMoveSchema = z.object({ id: uuidField, start: instant, note });

/**
 * A staff member books (or proposes) a meeting for a family: the time chosen among the free
 * ones; for a walk, one of the team's meeting points or words of their own, as families choose.
 */
export const staffBookSchema = z
	.object({
		staffId: uuidField,
		type: z.enum(meetingTypes, { message: 'validation.invalid' }),
		start: instant,
		interpreter: z
			.string()
			.optional()
			.transform((s) => s || null)
			.pipe(
				z
					.string()
					.regex(/^[a-z]{2,3}$/, 'validation.invalid')
					.nullable()
			),
		place: z
			.string()
			.optional()
			.transform((s) => (s ?? '').trim())
			.pipe(z.string().max(300, 'validation.placeTooLong')),
		point: pointField,
		topic: note.pipe(z.string().max(1000, 'validation.noteTooLong')),
		propose: z.enum(['yes', 'no']).optional(),
		formKey: uuidField
	})
	.superRefine(onePlace);
