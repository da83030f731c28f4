/**
 * Free times one week at a time (a cheap phone shows three weeks of times as a very long
 * page): the days with free times grouped by Copenhagen week, Monday first, and which week a
 * page shows with the weeks before and after it. Plain functions, for the server and the
 * browser alike (the move page changes week without a trip to the database).
 */
import { addDays, isDay, isoWeekday } from '$lib/time/zone';

export interface SlotDay {
	/** The Copenhagen day, 'YYYY-MM-DD'. */
	day: string;
	slots: { start: string; end: string }[];
}

export interface SlotWeek {
	/** Its Monday, 'YYYY-MM-DD'. */
	monday: string;
	days: SlotDay[];
}

const mondayOf = (day: string) => addDays(day, 1 - isoWeekday(day));

/**
 * Days (soonest first) by week, from the first week that has a free time to the last; a week
 * between them without any is there, empty, so the page can say so.
 */
export function slotWeeks(days: readonly SlotDay[]): SlotWeek[] {
	if (!days.length) return [];
	const weeks: SlotWeek[] = [];
	const last = mondayOf(days.at(-1)!.day);
	for (let monday = mondayOf(days[0].day); monday <= last; monday = addDays(monday, 7))
		weeks.push({ monday, days: days.filter((d) => mondayOf(d.day) === monday) });
	return weeks;
}

export interface WeekPage {
	week: SlotWeek;
	/** The Mondays of the weeks before and after, where there are any. */
	earlier: string | null;
	later: string | null;
	/** Its last day (Sunday), for "from … to …". */
	sunday: string;
}

/** The asked week (any day in it), when it is one of them; else the first week with a free time. Null: no free times at all. */
export function weekPage(weeks: readonly SlotWeek[], asked: string | null | undefined): WeekPage | null {
	if (!weeks.length) return null;
	const monday = asked && isDay(asked) ? mondayOf(asked) : null;
	const i = Math.max(
		0,
		weeks.findIndex((w) => w.monday === monday)
	);
	return {
		week: weeks[i],
		earlier: weeks[i - 1]?.monday ?? null,
		later: weeks[i + 1]?.monday ?? null,
		sunday: addDays(weeks[i].monday, 6)
	};
}
