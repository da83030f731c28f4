/**
 * The audit log: who looked at or changed which family's data. Rows are only ever added; the
 * database refuses updates and any delete of a row younger than 180 days (0003), and the
 * hourly housekeeping deletes rows older than the retention period (AUDIT_RETENTION_DAYS,
 * default 183 ≈ 6 months, never under the 180-day floor) — the only delete there is.
 */
import { lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from './db';
import { auditLog } from './db/schema';
import type { Action } from './policy';

export interface AuditEntry {
	/** The sign-in that acted; null for one of the team's systems (an API token, named in actorName). */
	actorUserId: string | null;
	actorStaffId?: string | null;
	/** The actor's name at the time: kept even if the sign-in is deleted later. */
	actorName?: string | null;
	action: Action;
	familyId?: string | null;
	detail?: string | null;
}

/**
 * A view repeated within this window (a tap's preload followed by the navigation, a reload)
 * is one view, written once.
 */
export const viewDedupeMs = 30_000;
const floorDays = 180;

/** Appends one line to the audit log. Never holds message text or secrets. */
export async function writeAudit(db: Db, entry: AuditEntry, now = new Date()): Promise<void> {
	await db.execute(auditInsert(entry, now));
}

/**
 * The statement that appends one line, for writeAudit and for access.ts, which runs it in the
 * same statement as the access check (a CTE): `when` is an SQL condition that must hold too.
 * A view is written unless the same person viewed the same family just now.
 */
export function auditInsert(entry: AuditEntry, now = new Date(), when: SQL = sql`true`): SQL {
	const isView = entry.action.endsWith('.view') && !!entry.familyId;
	const since = new Date(now.getTime() - viewDedupeMs).toISOString();
	const recent = isView
		? sql`and not exists (select 1 from ${auditLog} where ${auditLog.actorUserId} = ${entry.actorUserId}::uuid
				and ${auditLog.familyId} = ${entry.familyId}::uuid and ${auditLog.action} = ${entry.action}
				and ${auditLog.at} > ${since}::timestamptz)`
		: sql``;
	return sql`insert into ${auditLog} (actor_user_id, actor_staff_id, actor_name, action, family_id, detail, at)
		select ${entry.actorUserId}::uuid, ${entry.actorStaffId ?? null}::uuid, ${entry.actorName ?? null}, ${entry.action},
			${entry.familyId ?? null}::uuid, ${entry.detail ?? null}, ${now.toISOString()}::timestamptz
		where ${when} ${recent}`;
}

/** Retention in days from the environment; never below the database's floor. */
export function retentionDays(env = process.env.AUDIT_RETENTION_DAYS): number {
	const days = env ? Number(env) : 183;
	if (!Number.isInteger(days) || days < floorDays) {
		throw new Error(`AUDIT_RETENTION_DAYS must be a whole number of days, at least ${floorDays} (got "${env}")`);
	}
	return days;
}

/** Housekeeping: deletes rows older than the retention period. Returns how many. */
export async function deleteExpiredAudit(db: Db, days = retentionDays(), now = new Date()): Promise<number> {
	const before = new Date(now.getTime() - days * 24 * 3600_000);
	const deleted = await db.delete(auditLog).where(lt(auditLog.at, before)).returning({ id: auditLog.id });
	return deleted.length;
}
