import type { FamilyOverview, StaffCard, TeamMember } from '$lib/types';
import type { LifeArea } from '$lib/codes';
import { and, asc, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { prepared, type Db } from './db';
import { absences, copenhagenToday, departments, families, familyMembers, familyStaff, memberHelp, staff, users } from './db/schema';
import { contactAwayToday, visibleItems, type FamilyGrant } from './access';
import { attackNoticeAt } from './auth/signin';

const contact = alias(staff, 'contact');
const standIn = alias(staff, 'stand_in');

const person = <T extends typeof staff | typeof contact | typeof standIn>(t: T) => ({
	id: t.id,
	name: t.name,
	department: sql<string>`(select ${departments.code} from ${departments} where ${departments.id} = ${t.departmentId})`,
	departmentName: sql<string>`(select ${departments.name} from ${departments} where ${departments.id} = ${t.departmentId})`,
	languages: t.languages,
	phone: t.phone,
	helpTopics: sql<LifeArea[]>`${t.helpTopics}`,
	helpText: t.helpText,
	photoPath: t.photoPath
});

export type { FamilyOverview, StaffCard } from '$lib/types';

/**
 * SQL: one column of the staff member's absence that covers today, or null. One person's
 * absences never overlap (0003), so there is at most one.
 */
function todaysAbsence<T>(column: AnyColumn, staffId: AnyColumn): SQL<T | null> {
	return sql<T | null>`(select ${column} from ${absences} where ${absences.staffId} = ${staffId}
		and ${absences.startsOn} <= ${copenhagenToday} and ${absences.endsOn} >= ${copenhagenToday} limit 1)`;
}

// Parents, other adults, then children oldest first (teenagers before younger children).
const roleOrder = sql`case ${familyMembers.role} when 'parent' then 0 when 'other_adult' then 1 else 2 end`;

/** A team member's row as the head statement's JSON gives it. */
type TeamRow = StaffCard & { topics: LifeArea[]; staffNote: string };
/** A family member's row as the head statement's JSON gives it. */
interface MemberRow {
	id: string;
	name: string;
	role: FamilyOverview['members'][number]['role'];
	birthYear: number | null;
	preferredLanguage: string;
	hasSignIn: boolean;
	failedSignIns: number;
}

function statements(db: Db) {
	const familyId = sql.placeholder('familyId');
	return {
		head: prepared(db, 'family_head', () =>
			db
				.select({
					id: families.id,
					name: families.name,
					area: families.area,
					status: families.status,
					enrolledOn: families.enrolledOn,
					contact: {
						...person(contact),
						away: contactAwayToday(contact.id),
						awayUntil: todaysAbsence<string>(absences.endsOn, contact.id)
					},
					standIn: person(standIn),
					// The team and the members in the same statement, as JSON (one round trip, not three).
					team: sql<TeamRow[]>`(select coalesce(json_agg(json_build_object(
						'id', ${staff.id}, 'name', ${staff.name},
						'department', ${departments.code}, 'departmentName', ${departments.name},
						'languages', ${staff.languages}, 'phone', ${staff.phone}, 'helpTopics', ${staff.helpTopics},
						'helpText', ${staff.helpText}, 'photoPath', ${staff.photoPath},
						'topics', ${familyStaff.topics}, 'staffNote', ${familyStaff.helpsWith}
					) order by ${staff.name}), '[]'::json)
					from ${familyStaff} join ${staff} on ${staff.id} = ${familyStaff.staffId}
					left join ${departments} on ${departments.id} = ${staff.departmentId}
					where ${familyStaff.familyId} = ${families.id} and ${familyStaff.staffId} <> ${families.contactPersonId})`,
					members: sql<MemberRow[]>`(select coalesce(json_agg(json_build_object(
						'id', ${familyMembers.id}, 'name', ${familyMembers.name}, 'role', ${familyMembers.role},
						'birthYear', ${familyMembers.birthYear}, 'preferredLanguage', ${familyMembers.preferredLanguage},
						'hasSignIn', ${users.id} is not null,
						'failedSignIns', case when ${users.lastFailedSignInAt} > now() - interval '24 hours' then ${users.failedSignIns} else 0 end
					) order by ${roleOrder}, ${familyMembers.birthYear}, ${familyMembers.name}), '[]'::json)
					from ${familyMembers} left join ${users} on ${users.familyMemberId} = ${familyMembers.id}
					where ${familyMembers.familyId} = ${families.id})`
				})
				.from(families)
				.innerJoin(contact, eq(contact.id, families.contactPersonId))
				// Whoever stands in on the absence that covers today.
				.leftJoin(standIn, eq(standIn.id, todaysAbsence<string>(absences.standInId, contact.id)))
				.where(eq(families.id, familyId))
				.prepare('family_head')
		)
	};
}

/** What a staff member helps one member with, as the overview's team cards list it. */
export interface MemberNoteRow {
	staffId: string;
	memberId: string;
	memberName: string;
	note: FamilyOverview['team'][number]['notes'][number]['note'];
}

/**
 * Which member notes the grant's actor may read: the same visibility rule as every
 * member-private item (access.ts), so a parent never learns what a teenager gets help with,
 * and the adults do learn it for a young child.
 */
function memberNotesWhere(grant: FamilyGrant): SQL {
	return and(
		eq(memberHelp.familyId, grant.familyId),
		visibleItems(grant.actor, { familyId: memberHelp.familyId, memberId: memberHelp.memberId, visibility: sql`'member_private'` })
	)!;
}

function memberNotes(db: Db, grant: FamilyGrant) {
	return db
		.select({ staffId: memberHelp.staffId, memberId: memberHelp.memberId, memberName: familyMembers.name, note: memberHelp.note })
		.from(memberHelp)
		.innerJoin(familyMembers, eq(familyMembers.id, memberHelp.memberId))
		.where(memberNotesWhere(grant))
		.orderBy(roleOrder, asc(familyMembers.birthYear));
}

/** The same notes as one JSON column, for a statement that carries more (the staff's family page). */
export function memberNotesJson(grant: FamilyGrant): SQL<MemberNoteRow[]> {
	return sql<
		MemberNoteRow[]
	>`coalesce((select json_agg(json_build_object('staffId', ${memberHelp.staffId}, 'memberId', ${memberHelp.memberId},
		'memberName', ${familyMembers.name}, 'note', ${memberHelp.note}) order by ${roleOrder}, ${familyMembers.birthYear})
		from ${memberHelp} join ${familyMembers} on ${familyMembers.id} = ${memberHelp.memberId}
		where ${memberNotesWhere(grant)}), '[]'::json)`;
}

/** The head statement: the family, its contact person (and stand-in), its team and members. */
export function familyHead(db: Db, familyId: string) {
	return statements(db).head.execute({ familyId });
}

type Head = Awaited<ReturnType<typeof familyHead>>[number];

/** The family, its contact person (and stand-in when away), its team and its members. */
export async function getFamilyOverview(db: Db, grant: FamilyGrant): Promise<FamilyOverview | null> {
	const [[head], notes] = await Promise.all([familyHead(db, grant.familyId), memberNotes(db, grant)]);
	return head ? overviewOf(head, notes, grant) : null;
}

/** The overview from the head and the member notes the grant's actor may read. */
export function overviewOf(head: Head, notes: MemberNoteRow[], grant: FamilyGrant): FamilyOverview {
	const { team, members } = head;
	const staffView = grant.actor.kind === 'staff';

	return {
		id: head.id,
		name: head.name,
		area: head.area,
		status: head.status,
		enrolledOn: head.enrolledOn,
		contactPerson: head.contact as FamilyOverview['contactPerson'], // inner join: never null
		standIn: head.contact.away && head.standIn?.id ? (head.standIn as StaffCard) : null,
		team: team
			.filter((m) => m.id !== head.contact.id)
			.map((m): TeamMember => ({
				...m,
				notes: notes.filter((n) => n.staffId === m.id).map(({ staffId: _, ...n }) => n),
				staffNote: staffView && m.staffNote ? m.staffNote : null
			})),
		members: members.map(({ failedSignIns, ...m }) => ({
			...m,
			signInAlert: grant.actor.kind === 'staff' && failedSignIns >= attackNoticeAt ? failedSignIns : null
		}))
	};
}

/** Just the family's name, for a sub-page's heading (the grant says the actor may see it). */
export async function getFamilyName(db: Db, grant: FamilyGrant): Promise<string | null> {
	const [row] = await db.select({ name: families.name }).from(families).where(eq(families.id, grant.familyId));
	return row?.name ?? null;
}
