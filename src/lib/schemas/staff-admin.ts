/**
 * The team leader's staff forms (/staff/team/staff and the target on /staff/team), read at the
 * edge. Messages are keys in `validation.*`; the database agrees (users_email_key,
 * teams_caseload_target_range).
 */
import { z } from 'zod';
import { caseloadTargetRange, staffNameMaxLength, staffRoles } from '$lib/codes';
import { normaliseEmail } from '$lib/login';
import { uuidPattern } from '$lib/shapes';

export const newColleagueSchema = z.object({
	name: z
		.string()
		.optional()
		.transform((s) => (s ?? '').replace(/\s+/g, ' ').trim())
		.pipe(z.string().min(1, 'validation.nameRequired').max(staffNameMaxLength, 'validation.nameTooLong')),
	email: z
		.string()
		.optional()
		.transform((s) => normaliseEmail(s ?? ''))
		.pipe(z.email('validation.emailInvalid').max(254, 'validation.emailInvalid')),
	departmentId: z.string({ message: 'validation.departmentChoose' }).regex(uuidPattern, 'validation.departmentChoose'),
	role: z.enum(staffRoles, { message: 'validation.staffRoleChoose' })
});
export type NewColleague = z.output<typeof newColleagueSchema>;

export const caseloadTargetSchema = z.object({
	target: z
		.string({ message: 'validation.numberInvalid' })
		.trim()
		.regex(/^\d{1,9}$/, 'validation.numberInvalid')
		.transform(Number)
		.pipe(z.number().min(caseloadTargetRange.min, 'validation.caseloadRange').max(caseloadTargetRange.max, 'validation.caseloadRange'))
});
