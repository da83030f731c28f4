/**
 * The team page's forms (/staff/team), read at the edge: the office's address and the walk
 * meeting points. Messages are keys in `validation.*`; the database CHECKs agree on lengths.
 */
import { z } from 'zod';
import { meetingPointDescriptionMaxLength, meetingPointNameMaxLength, officeAddressMaxLength } from '$lib/codes';
import { uuidField } from './forms';

/** One line of text: spaces trimmed, line breaks (from a paste) made spaces. */
const line = (max: number, tooLong: string) =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').replace(/\s+/g, ' ').trim())
		.pipe(z.string().max(max, tooLong));

/** Empty: the organisation's address is used again. */
export const officeSchema = z.object({
	address: line(officeAddressMaxLength, 'validation.addressTooLong').transform((s) => s || null)
});

const pointFields = {
	name: line(meetingPointNameMaxLength, 'validation.pointNameTooLong').pipe(z.string().min(1, 'validation.pointNameRequired')),
	description: line(meetingPointDescriptionMaxLength, 'validation.pointDescriptionTooLong')
};

export const addPointSchema = z.object(pointFields);

/** `active` is a checkbox: sent ("on") when ticked, missing when not. */
export const editPointSchema = z
	.object({ id: uuidField, ...pointFields, active: z.string().optional() })
	.transform(({ active, ...v }) => ({ ...v, active: active !== undefined }));

export const movePointSchema = z.object({ id: uuidField, direction: z.enum(['up', 'down'], { message: 'validation.invalid' }) });

export const pointIdSchema = z.object({ id: uuidField });
