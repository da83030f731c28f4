/** Small factories for test data: each call makes new rows with unique names. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/lib/server/db';
import { and, eq } from 'drizzle-orm';
import type { LifeArea, StandardDepartment } from '../../src/lib/codes';
import type { LocalizedText } from '../../src/lib/localized';
import {
	absences,
	departments,
	familyMembers,
	families,
	familyStaff,
	invitations,
	memberHelp,
	organisations,
	staff,
	teams,
	users
} from '../../src/lib/server/db/schema';
import { addDays, copenhagenDate } from '../../src/lib/i18n/format';
import { newToken } from '../../src/lib/server/auth/tokens';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { familyGrant, type Action, type FamilyGrant } from '../../src/lib/server/access';

const uid = () => randomBytes(4).toString('hex');

export async function makeTeam(db: Db) {
	const [org] = await db
		.insert(organisations)
		.values({ name: `Kommune ${uid()}` })
		.returning();
	const [team] = await db
		.insert(teams)
		.values({ organisationId: org.id, name: `Team ${uid()}`, area: 'Gellerup' })
		.returning();
	return team;
}

/** The id of a department of the team's organisation, made on first use. */
export async function departmentOf(db: Db, teamId: string, code: StandardDepartment = 'employment'): Promise<string> {
	const [team] = await db.select({ organisationId: teams.organisationId }).from(teams).where(eq(teams.id, teamId));
	await db
		.insert(departments)
		.values({ organisationId: team.organisationId, code, name: `Afdeling ${code}` })
		.onConflictDoNothing();
	const [row] = await db
		.select({ id: departments.id })
		.from(departments)
		.where(and(eq(departments.organisationId, team.organisationId), eq(departments.code, code)));
	return row.id;
}

type StaffOver = Partial<Omit<typeof staff.$inferInsert, 'departmentId'>> & { department?: StandardDepartment };

export async function makeStaff(db: Db, teamId: string, { department, ...over }: StaffOver = {}) {
	const departmentId = await departmentOf(db, teamId, department);
	const [row] = await db
		.insert(staff)
		.values({ teamId, name: `Medarbejder ${uid()}`, departmentId, languages: ['da'], ...over })
		.returning();
	return { ...row, department: department ?? 'employment' };
}

export async function makeFamily(
	db: Db,
	teamId: string,
	contactPersonId: string,
	members: Partial<typeof familyMembers.$inferInsert>[] = [{ role: 'parent' }]
) {
	const [family] = await db
		.insert(families)
		.values({ teamId, contactPersonId, name: `Familie ${uid()}`, area: 'Gellerup' })
		.returning();
	const rows = [];
	for (const m of members) {
		const [row] = await db
			.insert(familyMembers)
			// A child needs a birth year (the database says so); 2016 unless the test gives one.
			.values({
				familyId: family.id,
				name: `Person ${uid()}`,
				role: 'parent',
				...m,
				birthYear: m.birthYear ?? (m.role === 'child' ? 2016 : null)
			})
			.returning();
		rows.push(row);
	}
	return { family, members: rows };
}

/** Puts a staff member on a family's team: topics the family sees, and the team's own note. */
export async function involve(db: Db, familyId: string, staffId: string, helpsWith = 'Fritidsjob', topics: LifeArea[] = ['leisure']) {
	const [family] = await db.select({ teamId: families.teamId }).from(families).where(eq(families.id, familyId));
	await db.insert(familyStaff).values({ familyId, staffId, teamId: family.teamId, helpsWith, topics });
}

/** What an involved staff member helps one member with (private to that member). */
export async function helpMember(db: Db, familyId: string, staffId: string, memberId: string, note: LocalizedText) {
	await db.insert(memberHelp).values({ familyId, staffId, memberId, note });
}

/** An absence of a staff member, in days relative to today in Copenhagen (0 = today). */
export async function absence(db: Db, s: { id: string; teamId: string }, from: number, to: number, standInId: string | null) {
	const today = copenhagenDate();
	const [row] = await db
		.insert(absences)
		.values({ staffId: s.id, teamId: s.teamId, startsOn: addDays(today, from), endsOn: addDays(today, to), kind: 'holiday', standInId })
		.returning();
	return row;
}

/** A sign-in with a new e-mail. */
export async function makeUser(db: Db, owner: { familyMemberId?: string; staffId?: string }, passwordHash = 'x') {
	const [row] = await db
		.insert(users)
		.values({ email: `u-${uid()}@example.org`, passwordHash, ...owner })
		.returning();
	return { ...row, email: row.email! };
}

let phones = Math.floor(Math.random() * 500_000);
/** A new Danish phone number, normalised ("+4520xxxxxx"), different at every call. */
export function newPhone(): string {
	return `+4520${String(++phones).padStart(6, '0')}`;
}

/** A sign-in with a phone number and no e-mail (a grandmother without e-mail). */
export async function makePhoneUser(db: Db, owner: { familyMemberId?: string; staffId?: string }, passwordHash = 'x', phone = newPhone()) {
	const [row] = await db
		.insert(users)
		.values({ phone, passwordHash, ...owner })
		.returning();
	return { ...row, phone: row.phone! };
}

/** An open invitation row, written directly (bypassing the service's rules on purpose). */
export async function openInvitation(db: Db, familyMemberId: string, createdByStaffId: string) {
	const t = newToken();
	await db.insert(invitations).values({
		id: t.id,
		secretHash: t.secretHash,
		familyMemberId,
		createdByStaffId,
		expiresAt: new Date(Date.now() + 3600_000)
	});
	return t;
}

/** The acting user, shaped as the session layer makes it. */
export function staffActor(s: typeof staff.$inferSelect, userId: string): Extract<SessionUser, { kind: 'staff' }> {
	return {
		kind: 'staff',
		id: userId,
		email: 'x@example.org',
		phone: null,
		locale: 'da',
		staffId: s.id,
		teamId: s.teamId,
		name: s.name,
		role: s.role
	};
}

export function familyActor(m: typeof familyMembers.$inferSelect, userId: string): Extract<SessionUser, { kind: 'family' }> {
	return {
		kind: 'family',
		id: userId,
		email: 'x@example.org',
		phone: null,
		locale: 'da',
		memberId: m.id,
		familyId: m.familyId,
		name: m.name,
		role: m.role
	};
}

/** A grant that must exist (the test fails here otherwise). */
export async function grantFor(db: Db, actor: SessionUser, familyId: string, action: Action = 'family.view'): Promise<FamilyGrant> {
	const grant = await familyGrant(db, actor, familyId, action);
	if (!grant) throw new Error(`expected ${actor.kind} ${actor.name} to be granted ${action} on ${familyId}`);
	return grant;
}
