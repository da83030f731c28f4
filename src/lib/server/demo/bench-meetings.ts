/**
 * For `npm run bench` only (OPGANG_BENCH_MEETINGS=n with the demo): n more meetings for the
 * demo parent Amina's contact person, spread round the clock over the next 90 days without
 * overlapping, so the free-times page is measured against a full calendar. Never in production.
 */
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { families, familyMembers, meetings, users } from '../db/schema';

export async function seedBenchMeetings(db: Db, n: number): Promise<void> {
	const [amina] = await db
		.select({ familyId: families.id, teamId: families.teamId, staffId: families.contactPersonId })
		.from(users)
		.innerJoin(familyMembers, eq(familyMembers.id, users.familyMemberId))
		.innerJoin(families, eq(families.id, familyMembers.familyId))
		.where(and(eq(users.email, 'amina@example.org')));
	if (!amina) return;
	const existing = await db
		.select({ from: meetings.blockedFrom, to: meetings.blockedUntil })
		.from(meetings)
		.where(eq(meetings.staffId, amina.staffId));
	const step = Math.floor((90 * 24 * 60) / n) * 60_000;
	const start = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 86_400_000;
	const rows = [];
	for (let i = 0; i < n; i++) {
		const from = new Date(start + i * step);
		const to = new Date(from.getTime() + 30 * 60_000);
		if (existing.some((e) => e.from < to && from < e.to)) continue;
		rows.push({
			familyId: amina.familyId,
			teamId: amina.teamId,
			staffId: amina.staffId,
			type: 'phone' as const,
			status: 'booked' as const,
			startsAt: from,
			endsAt: to,
			blockedFrom: from,
			blockedUntil: to,
			formKey: randomUUID()
		});
	}
	for (let i = 0; i < rows.length; i += 100) await db.insert(meetings).values(rows.slice(i, i + 100));
}
