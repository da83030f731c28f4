/**
 * Demo: the meetings each family has had with its contact person over the past year, about one
 * every four weeks (issue 15 "the team's figures"), so the dashboard shows meetings held by type
 * and the few that did not happen. Most are home visits and walks, the method's way of meeting;
 * every sixth was not held (nobody came) and every tenth was cancelled. All lie at least two
 * weeks back, clear of the demo's coming meetings (seed.ts), at an hour of the day that no other
 * family of the same contact person has, so no two overlap.
 */
import { randomUUID } from 'node:crypto';
import { asc } from 'drizzle-orm';
import type { Db } from '../db';
import { families, meetings } from '../db/schema';
import { addDays, copenhagenDate } from '../../i18n/format';
import { zonedInstant } from '../../time/zone';
import type { MeetingStatus, MeetingType } from '$lib/codes';

const types: MeetingType[] = ['home', 'walk', 'home', 'office', 'walk', 'phone', 'home', 'walk', 'video'];

function statusOf(n: number): MeetingStatus {
	if (n % 10 === 9) return 'cancelled';
	return n % 6 === 5 ? 'not_held' : 'held';
}

/** Saturday and Sunday move to the Monday after. */
function weekday(date: string): string {
	const day = new Date(`${date}T12:00:00Z`).getUTCDay();
	return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

export async function seedMeetingHistory(db: Db, today = copenhagenDate()): Promise<void> {
	const list = await db
		.select({
			id: families.id,
			teamId: families.teamId,
			staffId: families.contactPersonId,
			enrolledOn: families.enrolledOn,
			endedOn: families.endedOn
		})
		.from(families)
		.orderBy(asc(families.enrolledOn), asc(families.name));
	const hourOf = new Map<string, number>();
	const rows: (typeof meetings.$inferInsert)[] = [];
	list.forEach((f, i) => {
		// Each of a contact person's families has its own hour: 9, 10, 11, …
		const hour = 9 + (hourOf.get(f.staffId) ?? 0);
		hourOf.set(f.staffId, hour - 8);
		const last = f.endedOn && f.endedOn < addDays(today, -14) ? f.endedOn : addDays(today, -14);
		let day = [f.enrolledOn, addDays(today, -365)].sort()[1];
		day = addDays(day, i % 5);
		for (let n = 0; day <= last; n++, day = addDays(day, 28)) {
			const on = weekday(day);
			if (on > last) break;
			const type = types[(n + i) % types.length];
			const startsAt = zonedInstant(on, `${String(hour).padStart(2, '0')}:00`)!;
			const endsAt = new Date(startsAt.getTime() + (type === 'home' ? 60 : 45) * 60_000);
			rows.push({
				familyId: f.id,
				teamId: f.teamId,
				staffId: f.staffId,
				type,
				status: statusOf(n),
				startsAt,
				endsAt,
				blockedFrom: startsAt,
				blockedUntil: endsAt,
				formKey: randomUUID(),
				updatedAt: endsAt,
				createdAt: new Date(startsAt.getTime() - 7 * 86_400_000)
			});
		}
	});
	if (rows.length) await db.insert(meetings).values(rows);
}
