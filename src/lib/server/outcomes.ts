/**
 * What the team notes about how things are going: an adult's work or education from a date, a
 * school child's absence per term, a teenager's leisure job or activity and education. Staff
 * write them (a grant for 'outcome.record', audited where it is made, access.ts); the family
 * reads them on /progress. Who reads a row is its visibility (schema/outcomes.ts), asked of
 * visibleItems, so a teenager's school absence is never among a parent's rows.
 *
 * Each row holds from when it is true; what is true now is the latest row that has begun
 * (currentOutcomes). Writing the same person, kind and day again corrects that row.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from './db';
import { familyMembers, outcomes, staff } from './db/schema';
import { visibleItems, type FamilyGrant } from './access';
import { memberKind, type MemberKind } from '$lib/roles';
import type { MemberRole, OutcomeKind } from '$lib/codes';
import type { NoteWords } from '$lib/outcome-words';
import type { RecordOutcomeForm } from '$lib/schemas/outcomes';

const cols = { familyId: outcomes.familyId, memberId: outcomes.memberId, visibility: outcomes.visibility };

/** What a note says (its words, outcome-words.ts): the columns every reader of notes selects — the staff page, the API, the export. */
export const noteColumns = {
	kind: outcomes.kind,
	fromOn: outcomes.fromOn,
	work: outcomes.work,
	absencePercent: outcomes.absencePercent,
	leisure: outcomes.leisure,
	inEducation: outcomes.inEducation
};

/** A note as the pages say it (outcome-words.ts), with who it is about and who wrote it down. */
export interface Outcome extends NoteWords {
	id: string;
	memberId: string;
	memberName: string;
	/** The staff member who wrote it down, or null (another system, or someone who left). */
	recordedBy: string | null;
	recordedAt: Date;
}

/** Which notes fit whom: work for adults, school for every child, leisure for teenagers. */
export function outcomeKindsFor(kind: MemberKind): OutcomeKind[] {
	if (kind === 'parent' || kind === 'other_adult') return ['work'];
	return kind === 'teenager' ? ['school', 'youth'] : ['school'];
}

/**
 * The family's members and what may be noted about each (the staff page's sections), in the
 * order the family was written down. A member is named whatever the reader may see of them.
 */
export async function outcomeMembers(
	db: Db,
	grant: FamilyGrant
): Promise<{ id: string; name: string; kind: MemberKind; kinds: OutcomeKind[] }[]> {
	const rows = await db
		.select({ id: familyMembers.id, name: familyMembers.name, role: familyMembers.role, birthYear: familyMembers.birthYear })
		.from(familyMembers)
		.where(eq(familyMembers.familyId, grant.familyId))
		.orderBy(asc(familyMembers.createdAt), asc(familyMembers.name));
	return rows.map((r) => {
		const kind = memberKind(r);
		return { id: r.id, name: r.name, kind, kinds: outcomeKindsFor(kind) };
	});
}

/** The notes about a family the grant's actor may read, newest first within each person and kind. */
export async function listOutcomes(db: Db, grant: FamilyGrant): Promise<Outcome[]> {
	const rows = await db
		.select({
			id: outcomes.id,
			memberId: outcomes.memberId,
			memberName: familyMembers.name,
			...noteColumns,
			recordedBy: staff.name,
			recordedAt: outcomes.recordedAt
		})
		.from(outcomes)
		.innerJoin(familyMembers, eq(familyMembers.id, outcomes.memberId))
		.leftJoin(staff, eq(staff.id, outcomes.recordedBy))
		.where(and(eq(outcomes.familyId, grant.familyId), visibleItems(grant.actor, cols)))
		.orderBy(asc(familyMembers.createdAt), asc(familyMembers.name), asc(outcomes.kind), desc(outcomes.fromOn));
	return rows;
}

/** The school terms a note can be about: this one and the three before it, newest first ("2026-08-01"). */
export function recentTerms(today: string): string[] {
	let year = Number(today.slice(0, 4));
	let autumn = today.slice(5) >= '08-01';
	const terms: string[] = [];
	for (let i = 0; i < 4; i++) {
		terms.push(`${year}-${autumn ? '08' : '01'}-01`);
		if (!autumn) year--;
		autumn = !autumn;
	}
	return terms;
}

/** Of a list (newest first per person and kind), what is true on `today`: the latest row that has begun. */
export function currentOutcomes(rows: Outcome[], today: string): Outcome[] {
	const seen = new Set<string>();
	return rows.filter((r) => {
		const key = `${r.memberId}:${r.kind}`;
		if (seen.has(key) || r.fromOn > today) return false;
		seen.add(key);
		return true;
	});
}

export type RecordResult = { ok: true; id: string } | { ok: false; reason: 'notAllowed' | 'wrongMember' };

/**
 * Notes one thing about one member (a grant for 'outcome.record'). The member must be of the
 * grant's family and the note must fit them (outcomeKindsFor): 'wrongMember' otherwise, the
 * same answer as for a member who does not exist.
 */
export async function recordOutcome(
	db: Db,
	grant: FamilyGrant,
	input: RecordOutcomeForm,
	source: 'staff' | 'api' = 'staff'
): Promise<RecordResult> {
	if (grant.action !== 'outcome.record' || grant.actor.kind !== 'staff') return { ok: false, reason: 'notAllowed' };
	const [member] = await db
		.select({ role: familyMembers.role, birthYear: familyMembers.birthYear })
		.from(familyMembers)
		.where(and(eq(familyMembers.id, input.member), eq(familyMembers.familyId, grant.familyId)));
	if (!member || !outcomeKindsFor(memberKind(member as { role: MemberRole; birthYear: number | null })).includes(input.kind))
		return { ok: false, reason: 'wrongMember' };
	const fromOn = input.kind === 'school' ? input.term : input.from;
	const values = {
		familyId: grant.familyId,
		memberId: input.member,
		kind: input.kind,
		visibility: input.kind === 'work' ? ('adults' as const) : ('member_private' as const),
		fromOn,
		work: input.kind === 'work' ? input.work : null,
		absencePercent: input.kind === 'school' ? input.absence : null,
		leisure: input.kind === 'youth' ? input.leisure : null,
		inEducation: input.kind === 'youth' ? input.education : null,
		source,
		// Another system (an API token, access.ts apiActor) is no staff member: nobody wrote it down here.
		recordedBy: source === 'api' ? null : grant.actor.staffId
	};
	const [row] = await db
		.insert(outcomes)
		.values(values)
		.onConflictDoUpdate({
			target: [outcomes.memberId, outcomes.kind, outcomes.fromOn],
			set: {
				work: values.work,
				absencePercent: values.absencePercent,
				leisure: values.leisure,
				inEducation: values.inEducation,
				source,
				recordedBy: values.recordedBy,
				recordedAt: sql`now()`
			}
		})
		.returning({ id: outcomes.id });
	return { ok: true, id: row.id };
}

/** Takes back a note written by mistake (a grant for 'outcome.record'); false when there is none to see. */
export async function removeOutcome(db: Db, grant: FamilyGrant, id: string): Promise<boolean> {
	if (grant.action !== 'outcome.record' || grant.actor.kind !== 'staff') return false;
	const rows = await db
		.delete(outcomes)
		.where(and(eq(outcomes.id, id), eq(outcomes.familyId, grant.familyId), visibleItems(grant.actor, cols)))
		.returning({ id: outcomes.id });
	return rows.length > 0;
}
