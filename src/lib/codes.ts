/**
 * Every fixed list of codes, defined once: the database's CHECK constraints, zod schemas and
 * the UI (message keys such as `absenceKind.<code>`) all read these. Adding a code is one
 * line here, one migration (drizzle generates the new CHECK) and one message per locale.
 */

/** Why a staff member is away; the family is only told "not at work" and who stands in. */
export const absenceKinds = ['holiday', 'sick', 'leave', 'course', 'other'] as const;
export type AbsenceKind = (typeof absenceKinds)[number];

/** SQL for "column is one of these codes", for a CHECK constraint. */
export function oneOf(codes: readonly string[]): string {
	return codes.map((c) => `'${c.replace(/'/g, "''")}'`).join(', ');
}
