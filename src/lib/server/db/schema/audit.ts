import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { families, staff } from './people';
import { users } from './auth';

/** Who looked at or changed which family's data, and when. Append-only. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
		actorStaffId: uuid('actor_staff_id').references(() => staff.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		familyId: uuid('family_id').references(() => families.id, { onDelete: 'set null' }),
		detail: text('detail')
	},
	(t) => [index('audit_log_family_idx').on(t.familyId, t.at), index('audit_log_staff_idx').on(t.actorStaffId, t.at)]
);
