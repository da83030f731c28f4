/**
 * The booking rules that are one number each, and what each may be: the schema's bounds
 * (schemas/staff-meetings.ts) and the form's min and max (/staff/availability). No zod here, so
 * the page can import it without carrying the schema library to the browser.
 */
export const ruleRanges = {
	travelMinutes: { min: 0, max: 120 },
	noticeHours: { min: 0, max: 336 },
	horizonDays: { min: 1, max: 90 },
	cutoffHours: { min: 0, max: 168 }
} as const;
