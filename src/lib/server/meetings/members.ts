/**
 * Who from the family can take part in a meeting, with the language each prefers (the
 * interpreter step is prefilled from it). One statement, scoped to the grant's family.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { familyMembers } from '../db/schema';
import type { FamilyGrant } from '../access';
import type { Slot } from './slots';
import { localDay } from '$lib/time/zone';

export interface BookingMember {
	id: string;
	name: string;
	preferredLanguage: string;
}

/** The grant's family's members, the signed-in member first, then by name. */
export async function bookingMembers(db: Db, grant: FamilyGrant): Promise<BookingMember[]> {
	const rows = await db
		.select({ id: familyMembers.id, name: familyMembers.name, preferredLanguage: familyMembers.preferredLanguage })
		.from(familyMembers)
		.where(eq(familyMembers.familyId, grant.familyId))
		.orderBy(asc(familyMembers.name));
	const me = grant.actor.kind === 'family' ? grant.actor.memberId : null;
	return [...rows.filter((r) => r.id === me), ...rows.filter((r) => r.id !== me)];
}

/** Free times as the pages show them: by Copenhagen day, soonest first, as ISO strings. */
export function slotsByDay(slots: readonly Slot[]): { day: string; slots: { start: string; end: string }[] }[] {
	const days: { day: string; slots: { start: string; end: string }[] }[] = [];
	for (const s of slots) {
		const day = localDay(s.start);
		if (days.at(-1)?.day !== day) days.push({ day, slots: [] });
		days.at(-1)!.slots.push({ start: s.start.toISOString(), end: s.end.toISOString() });
	}
	return days;
}
