/**
 * The evaluators' export (issue 15): the team's families, their members and the outcome notes
 * over time, pseudonymised. No names, e-mails, phone numbers, ids or free text leave the
 * portal: each family gets a random key made fresh for this export and never stored
 * ("F-" + 8 base32 characters), each person a key within it ("F-…-P1", in the order the members
 * were added, then by id). So the keys hold within one export and cannot link two exports. Kept:
 * area, dates, status and reason for ending, role, birth year, preferred language, and the
 * notes' coded values (outcomes have no free text, schema/outcomes.ts).
 *
 * Only the team leader (access.ts teamGrant 'edit', policy 'team.export'); the families are
 * visibleFamilies(actor) and the notes those the actor may read (staffItemVisibility), so the
 * export can hold nothing the leader's own pages would not show. One audit line per export
 * says how many families and people, not who.
 */
import { randomBytes } from 'node:crypto';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { and, asc, inArray, sql } from 'drizzle-orm';
import type { Db } from './db';
import { families, familyMembers, outcomes } from './db/schema';
import { staffItemVisibility, visibleFamilies, type TeamGrant } from './access';
import { writeAudit } from './audit';
import { allows } from './policy';
import type { EndReason, FamilyStatus, LeisureStatus, MemberRole, OutcomeKind, WorkStatus } from '$lib/codes';
import type { Translate } from '$lib/i18n/translator';
import { toCsv, type CsvValue } from './csv';
import { noteColumns } from './outcomes';

export interface ExportOutcome {
	kind: OutcomeKind;
	fromOn: string;
	work: WorkStatus | null;
	absencePercent: number | null;
	leisure: LeisureStatus | null;
	inEducation: boolean | null;
	source: 'staff' | 'api';
}

export interface ExportMember {
	key: string;
	role: MemberRole;
	birthYear: number | null;
	language: string;
	outcomes: ExportOutcome[];
}

export interface ExportFamily {
	key: string;
	area: string;
	enrolledOn: string;
	endedOn: string | null;
	endedReason: EndReason | null;
	status: FamilyStatus;
	members: ExportMember[];
}

export interface EvaluationExport {
	exportedAt: string;
	families: ExportFamily[];
}

function mayExport(grant: TeamGrant): boolean {
	return grant.mayEdit && grant.actor.role === 'team_leader' && allows('team.export', 'leader');
}

/** A family key for one export: "F-" and 8 base32 characters (40 random bits), none twice. */
function familyKeys(count: number): string[] {
	const keys = new Set<string>();
	while (keys.size < count) keys.add(`F-${encodeBase32UpperCaseNoPadding(randomBytes(5))}`);
	return [...keys];
}

/**
 * The team's families with their members and notes, under fresh keys, in the keys' (random)
 * order; null for anyone but the team leader. Writes the audit line.
 */
export async function evaluationExport(db: Db, grant: TeamGrant, now = new Date()): Promise<EvaluationExport | null> {
	if (!mayExport(grant)) return null;
	const actor = grant.actor;
	const familyRows = await db
		.select({
			id: families.id,
			area: families.area,
			enrolledOn: families.enrolledOn,
			endedOn: families.endedOn,
			endedReason: families.endedReason,
			status: families.status
		})
		.from(families)
		.where(sql`${families.id} in ${visibleFamilies(actor)}`);
	const ids = familyRows.map((f) => f.id);
	const memberRows = ids.length
		? await db
				.select({
					id: familyMembers.id,
					familyId: familyMembers.familyId,
					role: familyMembers.role,
					birthYear: familyMembers.birthYear,
					language: familyMembers.preferredLanguage
				})
				.from(familyMembers)
				.where(inArray(familyMembers.familyId, ids))
				.orderBy(asc(familyMembers.createdAt), asc(familyMembers.id))
		: [];
	const noteRows = ids.length
		? await db
				.select({
					memberId: outcomes.memberId,
					...noteColumns,
					source: outcomes.source
				})
				.from(outcomes)
				.where(and(inArray(outcomes.familyId, ids), staffItemVisibility(actor, outcomes.visibility)))
				.orderBy(asc(outcomes.kind), asc(outcomes.fromOn))
		: [];

	const notesOf = new Map<string, ExportOutcome[]>();
	for (const { memberId, ...note } of noteRows) {
		const list = notesOf.get(memberId) ?? [];
		list.push(note);
		notesOf.set(memberId, list);
	}
	const keys = familyKeys(familyRows.length);
	const result: ExportFamily[] = familyRows.map(({ id, ...family }, i) => {
		const key = keys[i];
		const members = memberRows
			.filter((m) => m.familyId === id)
			.map((m, n) => ({
				key: `${key}-P${n + 1}`,
				role: m.role,
				birthYear: m.birthYear,
				language: m.language,
				outcomes: notesOf.get(m.id) ?? []
			}));
		return { key, ...family, members };
	});
	result.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

	const people = result.reduce((sum, f) => sum + f.members.length, 0);
	await writeAudit(
		db,
		{
			actorUserId: actor.id,
			actorStaffId: actor.staffId,
			actorName: actor.name,
			action: 'team.export',
			detail: `families=${result.length} people=${people} notes=${noteRows.length}`
		},
		now
	);
	return { exportedAt: now.toISOString(), families: result };
}

/** The CSV's columns: the family's, the person's, the note's. */
export const exportColumns = [
	'family_key',
	'area',
	'enrolled_on',
	'ended_on',
	'ended_reason',
	'status',
	'person_key',
	'role',
	'birth_year',
	'language',
	'outcome_kind',
	'from_on',
	'work',
	'absence_percent',
	'leisure',
	'in_education',
	'source'
] as const;

/**
 * One row per note, with its family's and person's columns; a person without notes is one row
 * with the note's columns empty (and a family without members one row with only its own).
 */
export function exportCsv(data: EvaluationExport): string {
	const rows: CsvValue[][] = [];
	for (const f of data.families) {
		const family = [f.key, f.area, f.enrolledOn, f.endedOn, f.endedReason, f.status];
		if (f.members.length === 0) rows.push([...family, ...Array(11).fill(null)]);
		for (const m of f.members) {
			const person = [m.key, m.role, m.birthYear, m.language];
			if (m.outcomes.length === 0) rows.push([...family, ...person, ...Array(7).fill(null)]);
			for (const o of m.outcomes)
				rows.push([...family, ...person, o.kind, o.fromOn, o.work, o.absencePercent, o.leisure, o.inEducation, o.source]);
		}
	}
	return toCsv(exportColumns, rows);
}

/** What a format that is neither CSV nor JSON answers (400, plain text), in the reader's language. */
export function badFormatText(locals: { t: Translate }): string {
	return locals.t('dashboard.export.badFormat');
}
