import { z } from 'zod';
import { checkinNoteMaxLength, lifeAreas, type CheckinScore, type LifeArea } from '$lib/codes';
import { uuidField } from './forms';

/**
 * The check-in form: per life area a step (`score.<area>`, "1"–"5", or none) and an optional
 * sentence (`note.<area>`); a teenager may tick `shared`. At least one area must be answered;
 * a sentence needs its area's step, so nothing typed is silently dropped.
 */
const score = z.union([z.literal(''), z.enum(['1', '2', '3', '4', '5'])], { message: 'validation.invalid' }).optional();
const note = z
	.string()
	.optional()
	.transform((s) => (s ?? '').replace(/\s+/g, ' ').trim())
	.pipe(z.string().max(checkinNoteMaxLength, 'validation.checkinNoteTooLong'));

const shape = Object.fromEntries(lifeAreas.flatMap((a) => [[`score.${a}`, score] as const, [`note.${a}`, note] as const]));

export const checkinSchema = z
	.object({ ...shape, shared: z.literal('yes', { message: 'validation.invalid' }).optional() })
	.superRefine((form, ctx) => {
		const f = form as Record<string, string | undefined>;
		if (!lifeAreas.some((a) => f[`score.${a}`])) ctx.addIssue({ code: 'custom', path: ['form'], message: 'validation.checkinNone' });
		for (const a of lifeAreas)
			if (f[`note.${a}`] && !f[`score.${a}`])
				ctx.addIssue({ code: 'custom', path: [`score.${a}`], message: 'validation.checkinNoteNeedsScore' });
	})
	.transform((form) => {
		const f = form as Record<string, string | undefined>;
		return {
			shared: form.shared === 'yes',
			entries: lifeAreas
				.filter((a) => f[`score.${a}`])
				.map((lifeArea: LifeArea) => ({
					lifeArea,
					score: Number(f[`score.${lifeArea}`]) as CheckinScore,
					note: f[`note.${lifeArea}`] || null
				}))
		};
	});

export const shareCheckinSchema = z.object({ id: uuidField, shared: z.enum(['yes', 'no'], { message: 'validation.invalid' }) });
