import { z } from 'zod';

/** How many months one view may span: three years of figures fit on a phone's screen. */
export const maxPeriodMonths = 36;

const month = z.string().regex(/^(20\d\d)-(0[1-9]|1[0-2])$/, 'validation.monthInvalid');

/** Months between two YYYY-MM, counting both ends ('2026-01'…'2026-06' → 6). */
export function monthsBetween(from: string, to: string): number {
	const [fy, fm] = from.split('-').map(Number);
	const [ty, tm] = to.split('-').map(Number);
	return (ty - fy) * 12 + (tm - fm) + 1;
}

/** A month a number of months away ('2026-01', -1 → '2025-12'). */
export function shiftMonth(value: string, by: number): string {
	const [y, m] = value.split('-').map(Number);
	const index = y * 12 + (m - 1) + by;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The period the team's figures count (/staff/dashboard?from=2026-01&to=2026-06): whole months,
 * the first before the last, at most three years, ending no later than this month.
 */
export function periodQuery(thisMonth: string) {
	return z
		.object({ from: month, to: month })
		.refine((p) => p.from <= p.to, { message: 'validation.periodOrder', path: ['to'] })
		.refine((p) => p.to <= thisMonth, { message: 'validation.periodFuture', path: ['to'] })
		.refine((p) => monthsBetween(p.from, p.to) <= maxPeriodMonths, { message: 'validation.periodTooLong', path: ['from'] });
}

/** The evaluators' export's file format (/staff/export?format=csv); CSV when none is asked for. */
export const exportQuery = z.object({ format: z.enum(['csv', 'json'], 'dashboard.export.badFormat').default('csv') });
