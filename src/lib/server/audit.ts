import type { Db } from './db';
import { auditLog } from './db/schema';

export interface AuditEntry {
	actorUserId: string;
	actorStaffId?: string | null;
	action: string;
	familyId?: string | null;
	detail?: string | null;
}

/** Appends one line to the audit log. Never holds message text or secrets. */
export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
	await db.insert(auditLog).values(entry);
}
