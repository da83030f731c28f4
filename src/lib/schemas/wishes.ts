import { z } from 'zod';
import { lifeAreas, wishMaxLength, wishStatuses } from '$lib/codes';
import { uuidField } from './forms';

// Line breaks from a phone arrive as \r\n; one wish keeps its own words otherwise untouched.
const text = z
	.string()
	.transform((s) => s.replace(/\r\n?/g, '\n').trim())
	.pipe(z.string().min(1, 'validation.wishRequired').max(wishMaxLength, 'validation.wishTooLong'));

const lifeArea = z
	.union([z.literal(''), z.enum(lifeAreas)], { message: 'validation.invalid' })
	.optional()
	.transform((v) => v || null);

export const writeWishSchema = z.object({ text, lifeArea, formKey: uuidField });

export const editWishSchema = z.object({
	id: uuidField,
	version: z.coerce
		.number({ message: 'validation.invalid' })
		.int('validation.invalid')
		.min(1, 'validation.invalid')
		.max(2_000_000_000, 'validation.invalid'),
	text,
	lifeArea
});

export const wishStatusSchema = z.object({ id: uuidField, status: z.enum(wishStatuses, { message: 'validation.invalid' }) });

export const shareWishSchema = z.object({ id: uuidField, shared: z.enum(['yes', 'no'], { message: 'validation.invalid' }) });

export const pinWishSchema = z.object({ id: uuidField, pinned: z.enum(['yes', 'no'], { message: 'validation.invalid' }) });
