/**
 * The team leader keeps the team's staff (issue "staff profiles"): the list with who is away and
 * how many families each works with, a new colleague, and the caseload the team aims at. Every
 * read and write takes a TeamGrant for 'edit' (access.ts: the team leader of this team only);
 * a colleague's profile is kept through staff-profile.ts with a StaffGrant, one code path with
 * the person's own. Changes are written in the audit log ('staff.manage', no family).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { sqlState, type Db } from './db';
import { absences, copenhagenToday, departments, families, familyStaff, staff, teams, users } from './db/schema';
import type { TeamGrant } from './access';
import { auditStaffChange } from './staff-profile';
import { caseloadTargetDefault, type StaffRole } from '$lib/codes';
import type { NewColleague } from '$lib/schemas/staff-admin';

export interface TeamMember {
	id: string;
	name: string;
	role: StaffRole;
	department: string;
	departmentName: string;
	languages: string[];
	phone: string | null;
	/** Today's absence, if any: back after `awayUntil` (inclusive), with who stands in. */
	awayUntil: string | null;
	standIn: string | null;
	/** Active families this person is contact person for, and involved with. */
	contactFor: number;
	involvedWith: number;
}

export interface Department {
	id: string;
	code: string;
	name: string;
}

/**
 * The team's staff with their caseloads, in one statement: the counts grouped per person in
 * subqueries (a family counts while it is active), today's absence by a lateral join.
 */
export async function teamMembers(db: Db, grant: TeamGrant): Promise<TeamMember[]> {
	if (!grant.mayEdit) return [];
	const contacts = db
		.select({ staffId: families.contactPersonId, n: sql<number>`count(*)::int`.as('contact_n') })
		.from(families)
		.where(and(eq(families.teamId, grant.teamId), eq(families.status, 'active')))
		.groupBy(families.contactPersonId)
		.as('contacts');
	const involved = db
		.select({ staffId: familyStaff.staffId, n: sql<number>`count(*)::int`.as('involved_n') })
		.from(familyStaff)
		.innerJoin(families, eq(families.id, familyStaff.familyId))
		.where(and(eq(familyStaff.teamId, grant.teamId), eq(families.status, 'active')))
		.groupBy(familyStaff.staffId)
		.as('involved');
	const rows = await db
		.select({
			id: staff.id,
			name: staff.name,
			role: staff.role,
			department: departments.code,
			departmentName: departments.name,
			languages: staff.languages,
			phone: staff.phone,
			awayUntil: sql<string | null>`away.ends_on`,
			standIn: sql<string | null>`away.stand_in`,
			contactFor: sql<number>`coalesce(${contacts.n}, 0)`,
			involvedWith: sql<number>`coalesce(${involved.n}, 0)`
		})
		.from(staff)
		.innerJoin(departments, eq(departments.id, staff.departmentId))
		.leftJoin(contacts, eq(contacts.staffId, staff.id))
		.leftJoin(involved, eq(involved.staffId, staff.id))
		.leftJoin(
			sql`lateral (select ${absences.endsOn} as ends_on, (select s.name from ${staff} s where s.id = ${absences.standInId}) as stand_in
				from ${absences} where ${absences.staffId} = "staff"."id"
				and ${absences.startsOn} <= ${copenhagenToday} and ${absences.endsOn} >= ${copenhagenToday}
				order by ${absences.endsOn} desc limit 1) away`,
			sql`true`
		)
		.where(eq(staff.teamId, grant.teamId))
		.orderBy(asc(staff.name), asc(staff.id));
	return rows.map((r) => ({ ...r, contactFor: Number(r.contactFor), involvedWith: Number(r.involvedWith) }));
}

/** The departments of the team's organisation, for a new colleague. */
export async function teamDepartments(db: Db, grant: TeamGrant): Promise<Department[]> {
	if (!grant.mayEdit) return [];
	return db
		.select({ id: departments.id, code: departments.code, name: departments.name })
		.from(departments)
		.innerJoin(teams, eq(teams.organisationId, departments.organisationId))
		.where(eq(teams.id, grant.teamId))
		.orderBy(asc(departments.name));
}

export type AddResult = { ok: true; staffId: string } | { ok: false; reason: 'emailTaken' | 'department' | 'notFound' };

/**
 * A new colleague on the leader's team: the staff row and a sign-in for the e-mail, in one
 * transaction. The sign-in has no password yet ('!' is no argon2 hash: it never verifies) until
 * the colleague sets one; an e-mail already in use (users_email_key) is answered as such.
 */
export async function addColleague(db: Db, grant: TeamGrant, input: NewColleague): Promise<AddResult> {
	if (!grant.mayEdit) return { ok: false, reason: 'notFound' };
	const { actor } = grant;
	try {
		return await db.transaction(async (tx) => {
			const [department] = await tx
				.select({ id: departments.id })
				.from(departments)
				.innerJoin(teams, eq(teams.organisationId, departments.organisationId))
				.where(and(eq(teams.id, grant.teamId), eq(departments.id, input.departmentId)));
			if (!department) return { ok: false, reason: 'department' } as const;
			const [row] = await tx
				.insert(staff)
				.values({ teamId: grant.teamId, name: input.name, departmentId: department.id, role: input.role, languages: ['da'] })
				.returning({ id: staff.id });
			await tx.insert(users).values({ email: input.email, passwordHash: '!', locale: 'da', staffId: row.id });
			await auditStaffChange(tx, actor, `added ${row.id}`);
			return { ok: true, staffId: row.id } as const;
		});
	} catch (e) {
		if (sqlState(e) === '23505') return { ok: false, reason: 'emailTaken' };
		throw e;
	}
}

/** Families per staff member the team aims at (teams.caseload_target); the method's 35 for an unknown team. */
export async function caseloadTarget(db: Db, teamId: string): Promise<number> {
	const [row] = await db.select({ target: teams.caseloadTarget }).from(teams).where(eq(teams.id, teamId));
	return row?.target ?? caseloadTargetDefault;
}

/** The team leader sets the target; the database keeps it within 1–200 (teams_caseload_target_range). */
export async function setCaseloadTarget(db: Db, grant: TeamGrant, target: number): Promise<boolean> {
	if (!grant.mayEdit) return false;
	const rows = await db.update(teams).set({ caseloadTarget: target }).where(eq(teams.id, grant.teamId)).returning({ id: teams.id });
	return rows.length === 1;
}
