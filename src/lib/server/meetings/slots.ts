/**
 * Free times for a meeting with one staff member: a pure function of their weekly windows,
 * their rules (length, travel buffer, notice, horizon), what already holds their time and
 * when they are off. Slots are laid out in Copenhagen wall-clock time (zone.ts) and come out
 * as instants; the database stores them as timestamptz.
 *
 * A meeting "blocks" its own time and, for a home visit, the travel buffer before and after.
 * Two meetings conflict when their blocked ranges overlap: the same rule as the database's
 * exclusion constraint on meetings (schema/meetings.ts), which has the last word in a race.
 */
import type { MeetingType } from '$lib/codes';
import { addDays, isoWeekday, localDay, minutesOf, zonedInstant } from '$lib/time/zone';

export interface WeeklyWindow {
	/** ISO weekday, Monday 1 … Sunday 7. */
	weekday: number;
	/** 'HH:MM' local time. */
	startsAt: string;
	endsAt: string;
	types: readonly MeetingType[];
}

/** [from, to): from inclusive, to exclusive. */
export interface Range {
	from: Date;
	to: Date;
}

export interface SlotRules {
	/** The meeting's length. */
	minutes: number;
	/** Travel time blocked before and after (home visits), 0 otherwise. */
	bufferMinutes: number;
	/** No slot starts sooner than this after now. */
	noticeHours: number;
	/** Slots from today for this many days. */
	horizonDays: number;
	/** Slots start at the window's start and then every this many minutes. */
	stepMinutes: number;
}

export interface Slot {
	start: Date;
	end: Date;
	/** What the meeting would block: start − buffer … end + buffer. */
	blocked: Range;
}

export const slotStepMinutes = 30;

/** What a meeting of these rules starting at `start` blocks. */
export function blockedRange(start: Date, minutes: number, bufferMinutes: number): Range {
	return {
		from: new Date(start.getTime() - bufferMinutes * 60_000),
		to: new Date(start.getTime() + (minutes + bufferMinutes) * 60_000)
	};
}

/** Index of the first range in `sorted` (by `from`, not overlapping each other) that ends after `at`. */
function firstEndingAfter(sorted: readonly Range[], at: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (sorted[mid].to.getTime() <= at) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * The free slots of a meeting type, soonest first.
 * - `busy`: blocked ranges of the staff member's meetings that hold time (any order; they never
 *   overlap each other, the database sees to that).
 * - `off`: time off (hours, or whole absence days as ranges); a meeting may not touch it, its
 *   travel buffer may.
 */
export function freeSlots(input: {
	windows: readonly WeeklyWindow[];
	type: MeetingType;
	rules: SlotRules;
	busy: readonly Range[];
	off: readonly Range[];
	now: Date;
}): Slot[] {
	const { windows, type, rules, now } = input;
	const busy = [...input.busy].sort((a, b) => a.from.getTime() - b.from.getTime());
	const earliest = now.getTime() + rules.noticeHours * 3_600_000;
	const today = localDay(now);
	const seen = new Set<number>();
	const out: Slot[] = [];
	for (let d = 0; d < rules.horizonDays; d++) {
		const day = addDays(today, d);
		const weekday = isoWeekday(day);
		for (const w of windows) {
			if (w.weekday !== weekday || !w.types.includes(type)) continue;
			const from = zonedInstant(day, w.startsAt);
			// A window ending at midnight ends at the next day's start.
			const to = minutesOf(w.endsAt) === 0 ? zonedInstant(addDays(day, 1), '00:00') : zonedInstant(day, w.endsAt);
			if (!from || !to) continue;
			for (let s = from.getTime(); s + rules.minutes * 60_000 <= to.getTime(); s += rules.stepMinutes * 60_000) {
				if (s < earliest || seen.has(s)) continue;
				const start = new Date(s);
				const end = new Date(s + rules.minutes * 60_000);
				const blocked = blockedRange(start, rules.minutes, rules.bufferMinutes);
				const i = firstEndingAfter(busy, blocked.from.getTime());
				if (i < busy.length && busy[i].from.getTime() < blocked.to.getTime()) continue;
				if (input.off.some((o) => o.from.getTime() < end.getTime() && o.to.getTime() > s)) continue;
				seen.add(s);
				out.push({ start, end, blocked });
			}
		}
	}
	return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Whole days away (first and last day inclusive, local) as a range of instants. */
export function daysAsRange(startsOn: string, endsOn: string): Range {
	return { from: zonedInstant(startsOn, '00:00')!, to: zonedInstant(addDays(endsOn, 1), '00:00')! };
}
