/**
 * The team leader enrols a family in the team (issue 15 "enrolment and team"): its name and
 * area, the day it joined, its members, its one contact person and the colleagues involved with
 * what each helps with. All of it in one transaction with the history's first row ('enrolled')
 * and the audit line ('family.enrol'), so a family never exists half-made or unrecorded.
 *
 * There is no family yet to hold a relation to, so the right comes from the actor's own team
 * (access.ts teamGrant 'edit': the team leader) and the policy's 'family.enrol' ['leader']. The
 * database keeps the contact person and the involved staff inside that team (composite FKs):
 * a colleague of another team is refused by it, whatever the form sent.
 */
import { eq, sql } from 'drizzle-orm';
import { sqlState, type Db } from './db';
import { familyChanges, families, familyMembers, familyStaff, staff, teams } from './db/schema';
import { auditInsert } from './audit';
import { allows } from './policy';
import type { TeamGrant } from './access';
import type { EnrolInput } from '$lib/schemas/family-enrol';

export interface EnrolPage {
	/** The team's neighbourhood: a new family's area unless the leader writes another. */
	area: string;
	/** Everyone on the team: the contact person and the involved staff are chosen among them. */
	colleagues: { id: string; name: string }[];
}

function mayEnrol(grant: TeamGrant): boolean {
	return grant.mayEdit && grant.actor.role === 'team_leader' && allows('family.enrol', 'leader');
}

/** What the enrolment form offers: the team's area and its staff, in one statement. */
export async function enrolPage(db: Db, grant: TeamGrant): Promise<EnrolPage | null> {
	if (!mayEnrol(grant)) return null;
	const [row] = await db
		.select({
			area: teams.area,
			colleagues: sql<EnrolPage['colleagues']>`(select coalesce(json_agg(json_build_object('id', ${staff.id}, 'name', ${staff.name})
				order by ${staff.name}, ${staff.id}), '[]'::json) from ${staff} where ${staff.teamId} = "teams"."id")`
		})
		.from(teams)
		.where(eq(teams.id, grant.teamId));
	return row ?? null;
}

export type EnrolResult = { ok: true; familyId: string } | { ok: false; reason: 'notAllowed' | 'notOnTeam' };

/** Enrols the family with everything the form said, or nothing at all. */
export async function enrolFamily(db: Db, grant: TeamGrant, input: EnrolInput): Promise<EnrolResult> {
	if (!mayEnrol(grant)) return { ok: false, reason: 'notAllowed' };
	const actor = grant.actor;
	try {
		return await db.transaction(async (tx) => {
			const [family] = await tx
				.insert(families)
				.values({
					teamId: grant.teamId,
					name: input.name,
					area: input.area,
					enrolledOn: input.enrolledOn,
					contactPersonId: input.contactPersonId
				})
				.returning({ id: families.id });
			await tx.insert(familyMembers).values(input.members.map((m) => ({ familyId: family.id, ...m })));
			const involved = input.involved.filter((s) => s.staffId !== input.contactPersonId);
			if (involved.length)
				await tx
					.insert(familyStaff)
					.values(involved.map((s) => ({ familyId: family.id, teamId: grant.teamId, since: input.enrolledOn, ...s })));
			await tx
				.insert(familyChanges)
				.values({ familyId: family.id, kind: 'enrolled', toStaffId: input.contactPersonId, changedBy: actor.staffId });
			await tx.execute(
				auditInsert({
					actorUserId: actor.id,
					actorStaffId: actor.staffId,
					actorName: actor.name,
					action: 'family.enrol',
					familyId: family.id
				})
			);
			return { ok: true, familyId: family.id } as const;
		});
	} catch (e) {
		// A contact person or colleague who is not on the team, or no longer anywhere: *_in_team_fk / *_staff_team_fk.
		if (sqlState(e) === '23503') return { ok: false, reason: 'notOnTeam' };
		throw e;
	}
}
