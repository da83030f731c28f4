import { sql } from 'drizzle-orm';
import { bigserial, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auditActions } from '../../policy';
import { oneOf } from '../../../codes';

/**
 * Who looked at or changed which family's data, and when. Append-only: the database refuses
 * UPDATE, TRUNCATE and any DELETE of a row younger than the retention floor (0003). The ids
 * have no foreign keys on purpose — deleting a family or a sign-in must never erase who saw
 * what — and the actor's name is kept as it was at the time.
 */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorUserId: uuid('actor_user_id'),
		actorStaffId: uuid('actor_staff_id'),
		actorName: text('actor_name'),
		action: text('action', { enum: auditActions }).notNull(),
		familyId: uuid('family_id'),
		detail: text('detail')
	},
	(t) => [
		index('audit_log_family_idx').on(t.familyId, t.at),
		index('audit_log_staff_idx').on(t.actorStaffId, t.at),
		index('audit_log_user_idx').on(t.actorUserId, t.at),
		index('audit_log_at_idx').on(t.at),
		check('audit_log_action', sql.raw(`action in (${oneOf(auditActions)})`))
	]
);
