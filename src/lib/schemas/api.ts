/**
 * The API's shapes (/api/v1), defined once: the endpoints parse requests with them, and the
 * OpenAPI document (server/api/openapi.ts) is generated from the very same schemas with zod's
 * own JSON Schema output. Descriptions are English: the readers are other systems' developers.
 *
 * What the API carries is what a municipal system needs to work with the family alongside the
 * team: ids, names, roles, birth years, preferred languages, the contact person, outcomes, when
 * and how meetings are and whether they were held, and where goals stand. Never sign-in data,
 * never words the family wrote (wishes, goals' and messages' text), never the team's own notes.
 */
import { z } from 'zod';
import {
	apiScopes,
	familyStatuses,
	goalStatuses,
	leisureStatuses,
	meetingStatuses,
	meetingTypes,
	memberRoles,
	outcomeKinds,
	workStatuses
} from '$lib/codes';
import { uuidField } from './forms';
import { pastDay, termField } from './outcomes';

/** The named schemas of the OpenAPI document's components. */
export const apiComponents = z.registry<{ id: string }>();

const id = z.string().meta({ format: 'uuid' });
const day = z.string().meta({ format: 'date', examples: ['2026-08-01'] });
const instant = z.string().meta({ format: 'date-time' });

export const scopeSchema = z.enum(apiScopes);

/** `?limit=&cursor=`: at most 100 per page (50 if not said); the cursor is the previous page's `next`. */
export const pageQuery = z.object({
	limit: z.coerce.number().int().min(1).max(100).default(50).meta({ description: 'Items per page, 1–100 (default 50).' }),
	cursor: z
		.string()
		.regex(/^[A-Za-z0-9_-]{1,200}$/)
		.optional()
		.meta({ description: 'Opaque: the `next` cursor of the previous page.' })
});
export type PageQuery = z.output<typeof pageQuery>;

const page = <T extends z.ZodType>(item: T) =>
	z.object({
		data: z.array(item),
		next: z.string().nullable().meta({ description: 'The URL of the next page, or null on the last one.' })
	});

export const contactPersonSchema = z.object({ id, name: z.string() }).register(apiComponents, { id: 'ContactPerson' });

export const familySchema = z
	.object({
		id,
		name: z.string().meta({ description: 'How the family is named, usually its surname.' }),
		area: z.string(),
		status: z.enum(familyStatuses),
		enrolledOn: day,
		endedOn: day.nullable(),
		contactPerson: contactPersonSchema
	})
	.register(apiComponents, { id: 'Family' });
export const familyPage = page(familySchema).register(apiComponents, { id: 'FamilyPage' });

export const memberSchema = z
	.object({
		id,
		name: z.string(),
		role: z.enum(memberRoles),
		birthYear: z.number().int().nullable(),
		preferredLanguage: z.string().meta({ description: 'A language code such as "da", "ar", "so".' })
	})
	.register(apiComponents, { id: 'Member' });
export const familyDetailSchema = familySchema.extend({ members: z.array(memberSchema) }).register(apiComponents, { id: 'FamilyDetail' });

export const outcomeSchema = z
	.object({
		id,
		memberId: id,
		kind: z.enum(outcomeKinds),
		fromOn: day.meta({ description: 'From when it is true; a school term starts on 1 January or 1 August.' }),
		work: z.enum(workStatuses).nullable(),
		absencePercent: z.number().nullable(),
		leisure: z.enum(leisureStatuses).nullable(),
		inEducation: z.boolean().nullable(),
		source: z.enum(['staff', 'api']),
		recordedAt: instant
	})
	.register(apiComponents, { id: 'Outcome' });
export const outcomePage = page(outcomeSchema).register(apiComponents, { id: 'OutcomePage' });

/**
 * An outcome to record (outcomes:write): the staff page's form (schemas/outcomes.ts) in JSON —
 * a number for the absence, a boolean for education. The same person, kind and day again
 * corrects that outcome.
 */
export const outcomeBody = z
	.discriminatedUnion(
		'kind',
		[
			z.object({
				kind: z.literal('work'),
				member: uuidField,
				work: z.enum(workStatuses),
				from: pastDay.meta({ format: 'date', description: 'A day that has come, from 2000-01-01.' })
			}),
			z.object({
				kind: z.literal('school'),
				member: uuidField,
				term: termField.meta({ format: 'date', description: "A term's first day: YYYY-01-01 or YYYY-08-01, not in the future." }),
				absence: z.number().min(0).max(100).meta({ description: 'Absence in per cent, 0–100.' })
			}),
			z.object({
				kind: z.literal('youth'),
				member: uuidField,
				leisure: z.enum(leisureStatuses),
				education: z.boolean(),
				from: pastDay.meta({ format: 'date', description: 'A day that has come, from 2000-01-01.' })
			})
		],
		{ message: 'validation.invalid' }
	)
	.register(apiComponents, { id: 'OutcomeInput' });
export type OutcomeBody = z.output<typeof outcomeBody>;
export const createdSchema = z.object({ id }).register(apiComponents, { id: 'Created' });

export const meetingSchema = z
	.object({
		id,
		type: z.enum(meetingTypes),
		status: z.enum(meetingStatuses),
		startsAt: instant,
		endsAt: instant,
		staffId: id.meta({ description: 'The staff member the family meets.' })
	})
	.register(apiComponents, { id: 'Meeting' });
export const meetingPage = page(meetingSchema).register(apiComponents, { id: 'MeetingPage' });

export const goalSchema = z
	.object({
		id,
		status: z.enum(goalStatuses),
		proposedBy: z.enum(['family', 'team']),
		createdAt: instant,
		updatedAt: instant
	})
	.register(apiComponents, { id: 'Goal' });
export const goalPage = page(goalSchema).register(apiComponents, { id: 'GoalPage' });

/** RFC 9457 problem details; `errors` lists a request body's invalid fields. */
export const problemSchema = z
	.object({
		type: z.string(),
		title: z.string(),
		status: z.number().int(),
		detail: z.string().optional(),
		errors: z.array(z.object({ field: z.string(), message: z.string() })).optional()
	})
	.register(apiComponents, { id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;
