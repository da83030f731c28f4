/**
 * A staff member's profile: what families see on the contact card (phone, languages, what they
 * help with, in their own words per language). Kept by that person (/staff/profile) and by the
 * team leader for anyone on the team (/staff/team/staff/[id]): both go through a StaffGrant
 * (access.ts), whose staff id comes from the session or a checked colleague, never trusted from
 * a form. A leader's change to someone else's profile is written in the audit log.
 */
import { eq } from 'drizzle-orm';
import type { LifeArea } from '$lib/codes';
import type { LocalizedText } from '$lib/localized';
import type { ProfileInput } from '$lib/schemas/staff-profile';
import type { Db } from './db';
import { staff } from './db/schema';
import { staffGrant, type Actor, type StaffActor, type StaffGrant } from './access';
import { auditInsert } from './audit';

export interface OwnProfile {
	name: string;
	phone: string | null;
	languages: string[];
	helpTopics: LifeArea[];
	helpText: LocalizedText;
}

/** A team leader's change to the team's staff, in the audit log ('staff.manage'; no family, no words typed). */
export async function auditStaffChange(db: Db, actor: StaffActor, detail: string): Promise<void> {
	await db.execute(
		auditInsert({ actorUserId: actor.id, actorStaffId: actor.staffId, actorName: actor.name, action: 'staff.manage', detail })
	);
}

/** The profile a grant is for. One statement. */
export async function getProfile(db: Db, grant: StaffGrant): Promise<OwnProfile | null> {
	const [row] = await db
		.select({ name: staff.name, phone: staff.phone, languages: staff.languages, helpTopics: staff.helpTopics, helpText: staff.helpText })
		.from(staff)
		.where(eq(staff.id, grant.staffId));
	return row ? { ...row, helpTopics: row.helpTopics as LifeArea[] } : null;
}

/** Saves the profile a grant is for; someone else's (the team leader's edit) with an audit entry in the same transaction. */
export async function saveProfile(db: Db, grant: StaffGrant, input: ProfileInput): Promise<boolean> {
	const { actor } = grant;
	return db.transaction(async (tx) => {
		const rows = await tx
			.update(staff)
			.set({ phone: input.phone, languages: input.languages, helpTopics: input.helpTopics, helpText: input.helpText })
			.where(eq(staff.id, grant.staffId))
			.returning({ id: staff.id });
		if (rows.length !== 1) return false;
		if (grant.staffId !== actor.staffId) await auditStaffChange(tx, actor, `profile ${grant.staffId}`);
		return true;
	});
}

/** The signed-in staff member's profile; null for anyone else. One statement (one's own grant needs none). */
export async function getOwnProfile(db: Db, actor: Actor): Promise<OwnProfile | null> {
	const grant = actor.kind === 'staff' ? await staffGrant(db, actor, actor.staffId) : null;
	return grant && getProfile(db, grant);
}

/** Saves the signed-in staff member's own profile. */
export async function saveOwnProfile(db: Db, actor: Actor, input: ProfileInput): Promise<boolean> {
	const grant = actor.kind === 'staff' ? await staffGrant(db, actor, actor.staffId) : null;
	return !!grant && saveProfile(db, grant, input);
}
