/**
 * "Away": whole days a staff member is not at work (absences), with who stands in. Kept by that
 * person on /staff/availability, and by the team leader for anyone on the team: both through a
 * StaffGrant (access.ts), so every statement is scoped to the grant's staff member and team.
 * A leader's change to someone else's absence is written in the audit log ('staff.manage').
 *
 * The database guards the rest: one person's absences never overlap (exclusion constraint,
 * 23P01), the stand-in is on the same team (absences_stand_in_in_team_fk, 23503) and is not the
 * person (absences_not_own_stand_in, 23514). Those answers come back as message keys.
 *
 * Ending an absence means "I am back today": one that has not begun yet, or began today, is
 * removed; one that began earlier ends yesterday (its days so far stay, as families saw them).
 */
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { AbsenceKind } from '$lib/codes';
import type { AbsenceInput } from '$lib/schemas/absences';
import { sqlConstraint, sqlState, type Db } from './db';
import { absences, copenhagenToday, staff } from './db/schema';
import type { StaffGrant } from './access';
import { auditStaffChange } from './staff-profile';

export interface Absence {
	id: string;
	startsOn: string;
	endsOn: string;
	kind: AbsenceKind;
	standInName: string | null;
	/** Begun already (today or earlier): ending it means "back today". */
	running: boolean;
}

export type AbsenceResult = { ok: true } | { ok: false; field: 'startsOn' | 'endsOn' | 'standIn'; error: string };

/** The grant's current and coming absences, soonest first (the latest last). One statement. */
export async function listAbsences(db: Db, grant: StaffGrant): Promise<Absence[]> {
	const rows = await db
		.select({
			id: absences.id,
			startsOn: absences.startsOn,
			endsOn: absences.endsOn,
			kind: absences.kind,
			standInName: staff.name,
			running: sql<boolean>`${absences.startsOn} <= ${copenhagenToday}`
		})
		.from(absences)
		.leftJoin(staff, eq(staff.id, absences.standInId))
		.where(and(eq(absences.staffId, grant.staffId), gte(absences.endsOn, copenhagenToday)))
		.orderBy(asc(absences.startsOn));
	return rows.map((r) => ({ ...r, running: !!r.running }));
}

/** A new absence for the grant's staff member. The dates were read at the edge (absenceSchema). */
export async function addAbsence(db: Db, grant: StaffGrant, input: AbsenceInput): Promise<AbsenceResult> {
	try {
		await db.transaction(async (tx) => {
			await tx.insert(absences).values({
				staffId: grant.staffId,
				teamId: grant.teamId,
				startsOn: input.startsOn,
				endsOn: input.endsOn,
				kind: input.kind,
				standInId: input.standIn
			});
			if (grant.staffId !== grant.actor.staffId) await auditStaffChange(tx, grant.actor, `absence added ${grant.staffId}`);
		});
		return { ok: true };
	} catch (e) {
		const code = sqlState(e);
		if (code === '23P01') return { ok: false, field: 'startsOn', error: 'validation.absenceOverlap' };
		// Longer than a year (absences_length); the schema says so first, this is the last guard.
		if (code === '23514' && sqlConstraint(e) === 'absences_length')
			return { ok: false, field: 'endsOn', error: 'validation.absenceTooLong' };
		// A stand-in from another team, or gone (23503); the person themself (23514).
		if (code === '23503' || code === '23514') return { ok: false, field: 'standIn', error: 'validation.standInTeam' };
		throw e;
	}
}

/**
 * Ends one of the grant's current or coming absences ("back today", see above). False when there
 * is no such absence (someone else's id, or one already over): the caller answers 404.
 */
export async function endAbsence(db: Db, grant: StaffGrant, id: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const mine = and(eq(absences.id, id), eq(absences.staffId, grant.staffId), gte(absences.endsOn, copenhagenToday));
		const shortened = await tx
			.update(absences)
			.set({ endsOn: sql`${copenhagenToday} - 1` })
			.where(and(mine, sql`${absences.startsOn} < ${copenhagenToday}`))
			.returning({ id: absences.id });
		const removed = shortened.length
			? []
			: await tx
					.delete(absences)
					.where(and(mine, sql`${absences.startsOn} >= ${copenhagenToday}`))
					.returning({ id: absences.id });
		const done = shortened.length + removed.length > 0;
		if (done && grant.staffId !== grant.actor.staffId) await auditStaffChange(tx, grant.actor, `absence ended ${grant.staffId}`);
		return done;
	});
}
