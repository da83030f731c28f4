/**
 * The team leader keeps the families' time with the team (issue 15 "enrolment and team"): who a
 * family's contact person is, ending its time with the team (a date and why) and beginning it
 * again. Each change is a row in family_changes, in the same transaction, so the history is
 * never behind; each is made through an audited grant for 'family.manage' (the team leader's,
 * access.ts). The family sees the new contact person at once: it reads families.contact_person_id.
 * The leader also adds a colleague to the staff involved with the family (with the topics the
 * family sees and the team's own words) or takes one off; the family's team list reads
 * family_staff, so it changes at once too.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { sqlState, type Db } from './db';
import { familyChanges, families, familyStaff, staff } from './db/schema';
import type { FamilyGrant } from './access';
import type { Involvement } from '$lib/schemas/family-enrol';
import type { EndReason, FamilyChangeKind, FamilyStatus, LifeArea } from '$lib/codes';

export interface FamilyChange {
	id: string;
	kind: FamilyChangeKind;
	from: string | null;
	to: string | null;
	endedReason: EndReason | null;
	note: string;
	by: string | null;
	at: Date;
}

export interface ManageView {
	name: string;
	status: FamilyStatus;
	enrolledOn: string;
	endedOn: string | null;
	endedReason: EndReason | null;
	contactPersonId: string;
	/** The team's staff, who may become the contact person. */
	colleagues: { id: string; name: string }[];
	/** The colleagues involved with the family besides its contact person, with what each helps with. */
	involved: { id: string; name: string; topics: LifeArea[]; helpsWith: string }[];
	history: FamilyChange[];
}

const fromStaff = alias(staff, 'from_staff');
const toStaff = alias(staff, 'to_staff');
const byStaff = alias(staff, 'by_staff');

function mayManage(grant: FamilyGrant): grant is FamilyGrant & { actor: { kind: 'staff'; staffId: string; teamId: string } } {
	return grant.action === 'family.manage' && grant.actor.kind === 'staff';
}

/** What the team leader's page shows: the family's name and state, the team to choose from, and the history (newest first). */
export async function manageView(db: Db, grant: FamilyGrant): Promise<ManageView | null> {
	if (!mayManage(grant)) return null;
	// The family and its history side by side: two statements, one round trip's wait.
	const [[family], history] = await Promise.all([
		db
			.select({
				name: families.name,
				status: families.status,
				enrolledOn: families.enrolledOn,
				endedOn: families.endedOn,
				endedReason: families.endedReason,
				contactPersonId: families.contactPersonId,
				colleagues: sql<
					{ id: string; name: string }[]
				>`(select coalesce(json_agg(json_build_object('id', ${staff.id}, 'name', ${staff.name})
				order by ${staff.name}), '[]'::json) from ${staff} where ${staff.teamId} = "families"."team_id")`,
				involved: sql<ManageView['involved']>`(select coalesce(json_agg(json_build_object('id', ${staff.id}, 'name', ${staff.name},
					'topics', ${familyStaff.topics}, 'helpsWith', ${familyStaff.helpsWith}) order by ${staff.name}), '[]'::json)
				from ${familyStaff} join ${staff} on ${staff.id} = ${familyStaff.staffId}
				where ${familyStaff.familyId} = "families"."id" and ${familyStaff.staffId} <> "families"."contact_person_id")`
			})
			.from(families)
			.where(eq(families.id, grant.familyId)),
		db
			.select({
				id: familyChanges.id,
				kind: familyChanges.kind,
				from: fromStaff.name,
				to: toStaff.name,
				endedReason: familyChanges.endedReason,
				note: familyChanges.note,
				by: byStaff.name,
				at: familyChanges.at
			})
			.from(familyChanges)
			.leftJoin(fromStaff, eq(fromStaff.id, familyChanges.fromStaffId))
			.leftJoin(toStaff, eq(toStaff.id, familyChanges.toStaffId))
			.leftJoin(byStaff, eq(byStaff.id, familyChanges.changedBy))
			.where(eq(familyChanges.familyId, grant.familyId))
			.orderBy(desc(familyChanges.at), asc(familyChanges.id))
	]);
	if (!family) return null;
	return { ...family, history };
}

type Result =
	| { ok: true }
	| {
			ok: false;
			reason: 'notAllowed' | 'same' | 'notOnTeam' | 'ended' | 'notEnded' | 'beforeStart' | 'isContact' | 'already' | 'notInvolved';
	  };

/** A new contact person from the family's own team (the database keeps it so), with the team's words on why. */
export async function changeContact(db: Db, grant: FamilyGrant, input: { staffId: string; note: string }): Promise<Result> {
	if (!mayManage(grant)) return { ok: false, reason: 'notAllowed' };
	const actor = grant.actor;
	try {
		return await db.transaction(async (tx) => {
			const [before] = await tx
				.select({ contact: families.contactPersonId })
				.from(families)
				.where(eq(families.id, grant.familyId))
				.for('update');
			if (!before) return { ok: false, reason: 'notAllowed' } as const;
			if (before.contact === input.staffId) return { ok: false, reason: 'same' } as const;
			await tx.update(families).set({ contactPersonId: input.staffId }).where(eq(families.id, grant.familyId));
			await tx.insert(familyChanges).values({
				familyId: grant.familyId,
				kind: 'contact',
				fromStaffId: before.contact,
				toStaffId: input.staffId,
				note: input.note,
				changedBy: actor.staffId
			});
			return { ok: true } as const;
		});
	} catch (e) {
		// Someone of another team, or nobody: families_contact_in_team_fk.
		if (sqlState(e) === '23503') return { ok: false, reason: 'notOnTeam' };
		throw e;
	}
}

/** Ends the family's time with the team on a day that has come (not before it began), and why. */
export async function endParticipation(
	db: Db,
	grant: FamilyGrant,
	input: { on: string; reason: EndReason; note: string }
): Promise<Result> {
	if (!mayManage(grant)) return { ok: false, reason: 'notAllowed' };
	const actor = grant.actor;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(families)
			.set({ status: 'ended', endedOn: input.on, endedReason: input.reason })
			.where(and(eq(families.id, grant.familyId), eq(families.status, 'active'), sql`${families.enrolledOn} <= ${input.on}::date`))
			.returning({ id: families.id });
		if (!row) {
			const [family] = await tx.select({ status: families.status }).from(families).where(eq(families.id, grant.familyId));
			return { ok: false, reason: family?.status === 'ended' ? 'ended' : 'beforeStart' } as const;
		}
		await tx.insert(familyChanges).values({
			familyId: grant.familyId,
			kind: 'ended',
			endedReason: input.reason,
			note: input.note,
			changedBy: actor.staffId
		});
		return { ok: true } as const;
	});
}

/** Begins an ended family's time with the team again (its enrolment date stays; the history keeps the gap). */
export async function reopenParticipation(db: Db, grant: FamilyGrant, input: { note: string }): Promise<Result> {
	if (!mayManage(grant)) return { ok: false, reason: 'notAllowed' };
	const actor = grant.actor;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(families)
			.set({ status: 'active', endedOn: null, endedReason: null })
			.where(and(eq(families.id, grant.familyId), eq(families.status, 'ended')))
			.returning({ id: families.id });
		if (!row) return { ok: false, reason: 'notEnded' } as const;
		await tx.insert(familyChanges).values({ familyId: grant.familyId, kind: 'reopened', note: input.note, changedBy: actor.staffId });
		return { ok: true } as const;
	});
}

/** A colleague from the family's team joins the staff involved with it (not its contact person, not twice). */
export async function addInvolved(db: Db, grant: FamilyGrant, input: Involvement): Promise<Result> {
	if (!mayManage(grant)) return { ok: false, reason: 'notAllowed' };
	const actor = grant.actor;
	try {
		return await db.transaction(async (tx) => {
			const [family] = await tx
				.select({ contact: families.contactPersonId, teamId: families.teamId })
				.from(families)
				.where(eq(families.id, grant.familyId))
				.for('update');
			if (!family) return { ok: false, reason: 'notAllowed' } as const;
			if (family.contact === input.staffId) return { ok: false, reason: 'isContact' } as const;
			const [row] = await tx
				.insert(familyStaff)
				.values({ familyId: grant.familyId, teamId: family.teamId, ...input })
				.onConflictDoNothing()
				.returning({ id: familyStaff.staffId });
			if (!row) return { ok: false, reason: 'already' } as const;
			await tx
				.insert(familyChanges)
				.values({ familyId: grant.familyId, kind: 'staff_added', toStaffId: input.staffId, changedBy: actor.staffId });
			return { ok: true } as const;
		});
	} catch (e) {
		// Someone of another team, or nobody: family_staff_staff_team_fk.
		if (sqlState(e) === '23503') return { ok: false, reason: 'notOnTeam' };
		throw e;
	}
}

/** A colleague leaves the staff involved with the family (what they helped single members with goes with them). */
export async function removeInvolved(db: Db, grant: FamilyGrant, input: { staffId: string }): Promise<Result> {
	if (!mayManage(grant)) return { ok: false, reason: 'notAllowed' };
	const actor = grant.actor;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.delete(familyStaff)
			.where(and(eq(familyStaff.familyId, grant.familyId), eq(familyStaff.staffId, input.staffId)))
			.returning({ id: familyStaff.staffId });
		if (!row) return { ok: false, reason: 'notInvolved' } as const;
		await tx
			.insert(familyChanges)
			.values({ familyId: grant.familyId, kind: 'staff_removed', fromStaffId: input.staffId, changedBy: actor.staffId });
		return { ok: true } as const;
	});
}
