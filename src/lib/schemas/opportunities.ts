/**
 * The team's forms for the directory (/staff/opportunities/…): a partner, a person to call there,
 * an opportunity and its words in another language. Read at the edge; messages are keys in
 * `validation.*`. Checkboxes come as one field each ("weekday_2=on", "lang_so=on").
 */
import { z } from 'zod';
import {
	costPeriods,
	opportunityAges,
	opportunityKinds,
	opportunityTextMaxLength,
	opportunityTitleMaxLength,
	partnerKinds
} from '$lib/codes';
import { locales } from '$lib/i18n/locales';
import { isDay, isTime, minutesOf } from '$lib/time/zone';
import { uuidField } from './forms';

/** Languages one may say are spoken at an opportunity: the portal's, besides Danish. */
export const spokenLanguages: string[] = locales.map((l) => l.code).filter((c) => c !== 'da');
/** Languages an opportunity's words can be written in besides Danish (the same list). */
export const textLocales = spokenLanguages;

const clean = (s: string | undefined) => (s ?? '').replace(/\r\n?/g, '\n').trim();
const required = (max: number, empty: string, long: string) =>
	z.string().optional().transform(clean).pipe(z.string().min(1, empty).max(max, long));
const optional = (max: number, long: string) => z.string().optional().transform(clean).pipe(z.string().max(max, long));
const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on');
/** A whole number in a range; blank is null, or the `blank` message when one must be written. */
function whole(min: number, max: number, blank?: string) {
	return z
		.string()
		.optional()
		.transform((s, ctx) => {
			const t = (s ?? '').trim();
			if (!t) {
				if (blank) ctx.addIssue({ code: 'custom', message: blank });
				return blank ? z.NEVER : null;
			}
			const n = /^-?\d{1,9}$/.test(t) ? Number(t) : NaN;
			if (Number.isNaN(n)) ctx.addIssue({ code: 'custom', message: 'validation.numberInvalid' });
			else if (n < min || n > max) ctx.addIssue({ code: 'custom', message: 'validation.numberRange' });
			else return n;
			return z.NEVER;
		});
}
/** Blank is null; anything else must pass `schema` (its message is the field's). */
function blankOr<T>(schema: z.ZodType<T, string>) {
	return z
		.string()
		.optional()
		.transform((s, ctx) => {
			const t = (s ?? '').trim();
			if (!t) return null;
			const parsed = schema.safeParse(t);
			if (parsed.success) return parsed.data;
			ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'validation.invalid' });
			return z.NEVER;
		});
}

export const partnerForm = z.object({
	name: required(120, 'validation.nameRequired', 'validation.nameTooLong'),
	kind: z.enum(partnerKinds, { message: 'validation.chooseKind' }),
	area: required(60, 'validation.areaRequired', 'validation.areaTooLong'),
	notes: optional(opportunityTextMaxLength, 'validation.noteTooLong')
});
export type PartnerInput = z.infer<typeof partnerForm>;

/** Danish and most foreign numbers: digits, spaces, + ( ) - (at least 8 digits). */
export const phone = z
	.string()
	.max(30, 'validation.phoneInvalid')
	.refine((s) => /^\+?[\d\s()-]+$/.test(s) && s.replace(/\D/g, '').length >= 8, 'validation.phoneInvalid');
const email = z.string().max(254, 'validation.emailInvalid').email('validation.emailInvalid');

export const contactForm = z
	.object({
		name: required(120, 'validation.nameRequired', 'validation.nameTooLong'),
		role: optional(120, 'validation.noteTooLong'),
		phone: blankOr(phone),
		email: blankOr(email)
	})
	.refine((c) => c.phone !== null || c.email !== null, { path: ['phone'], message: 'validation.contactReachable' });
export type ContactInput = z.infer<typeof contactForm>;

export const contactIdForm = z.object({ contactId: uuidField });

const time = blankOr(z.string().refine(isTime, 'validation.timeInvalid'));
const day = z.string().refine((s) => isDay(s), 'validation.dateInvalid');

/** What the opportunity form sends; the result is what the service writes. */
export const opportunityForm = z
	.object({
		partnerId: uuidField,
		kind: z.enum(opportunityKinds, { message: 'validation.chooseKind' }),
		title: required(opportunityTitleMaxLength, 'validation.titleRequired', 'validation.titleTooLong'),
		description: required(opportunityTextMaxLength, 'validation.descriptionRequired', 'validation.noteTooLong'),
		area: required(60, 'validation.areaRequired', 'validation.areaTooLong'),
		address: optional(200, 'validation.addressTooLong'),
		minAge: whole(opportunityAges.min, opportunityAges.max, 'validation.agesRequired'),
		maxAge: whole(opportunityAges.min, opportunityAges.max, 'validation.agesRequired'),
		costDkk: whole(0, 100_000),
		costPeriod: z
			.union([z.literal(''), z.enum(costPeriods)], { message: 'validation.invalid' })
			.optional()
			.transform((v) => v || null),
		supportCovers: checkbox,
		...Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [`weekday_${d}`, checkbox])),
		startsAt: time,
		endsAt: time,
		...Object.fromEntries(spokenLanguages.map((l) => [`lang_${l}`, checkbox])),
		firstStep: required(opportunityTextMaxLength, 'validation.firstStepRequired', 'validation.noteTooLong'),
		companion: checkbox,
		placesLeft: whole(0, 10_000),
		activeFrom: day,
		activeUntil: blankOr(day)
	})
	.superRefine((v, ctx) => {
		if (v.maxAge !== null && v.minAge !== null && v.maxAge < v.minAge)
			ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'validation.agesOrder' });
		if ((v.costDkk ?? 0) > 0 && !v.costPeriod)
			ctx.addIssue({ code: 'custom', path: ['costPeriod'], message: 'validation.costPeriodChoose' });
		if (v.endsAt && !v.startsAt) ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'validation.startNeeded' });
		if (v.startsAt && v.endsAt && minutesOf(v.endsAt) <= minutesOf(v.startsAt))
			ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.endBeforeStart' });
		if (v.activeUntil && v.activeUntil < v.activeFrom)
			ctx.addIssue({ code: 'custom', path: ['activeUntil'], message: 'validation.untilBeforeFrom' });
	})
	.transform((v) => {
		const fields = v as unknown as Record<string, unknown>;
		const cost = v.costDkk ?? 0;
		return {
			partnerId: v.partnerId,
			kind: v.kind,
			title: v.title,
			description: v.description,
			area: v.area,
			address: v.address,
			minAge: v.minAge as number,
			maxAge: v.maxAge as number,
			costDkk: cost,
			costPeriod: cost > 0 ? v.costPeriod : null,
			supportCovers: v.supportCovers,
			weekdays: [1, 2, 3, 4, 5, 6, 7].filter((d) => fields[`weekday_${d}`] === true),
			startsAt: v.startsAt,
			endsAt: v.endsAt,
			languages: spokenLanguages.filter((l) => fields[`lang_${l}`] === true),
			firstStep: v.firstStep,
			companion: v.companion,
			placesLeft: v.placesLeft,
			activeFrom: v.activeFrom,
			activeUntil: v.activeUntil
		};
	});
export type OpportunityInput = z.output<typeof opportunityForm>;

/** An edit carries the version it was made from (its last change), so a colleague's change is never overwritten unseen. */
export const opportunityEditForm = z.object({ version: z.string().min(1).max(40) });

/** The opportunity's words in another language; all three blank removes that version. */
export const opportunityTextForm = z
	.object({
		locale: z.enum(textLocales as [string, ...string[]], { message: 'validation.invalid' }),
		title: optional(opportunityTitleMaxLength, 'validation.titleTooLong'),
		description: optional(opportunityTextMaxLength, 'validation.noteTooLong'),
		firstStep: optional(opportunityTextMaxLength, 'validation.noteTooLong')
	})
	.superRefine((v, ctx) => {
		const filled = [v.title, v.description, v.firstStep].filter(Boolean).length;
		if (filled === 0 || filled === 3) return;
		if (!v.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'validation.titleRequired' });
		if (!v.description) ctx.addIssue({ code: 'custom', path: ['description'], message: 'validation.descriptionRequired' });
		if (!v.firstStep) ctx.addIssue({ code: 'custom', path: ['firstStep'], message: 'validation.firstStepRequired' });
	});
export type OpportunityTextInput = z.infer<typeof opportunityTextForm>;
