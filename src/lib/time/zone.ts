/**
 * Wall-clock time where the families live (Europe/Copenhagen) and instants (`Date`), both ways,
 * right across the two daylight-saving changes. No library: the runtime's own time-zone data
 * (Intl) answers "what is the local time at this instant"; the other way is found from it.
 *
 * Days are plain 'YYYY-MM-DD' strings and times 'HH:MM', as forms and the database's `date`
 * and `time` columns give them.
 */
export const familyZone = 'Europe/Copenhagen';

export interface LocalParts {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
	let f = formatters.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric'
		});
		formatters.set(zone, f);
	}
	return f;
}

/** The wall clock in `zone` at an instant. */
export function localParts(at: Date, zone = familyZone): LocalParts {
	const parts: Record<string, number> = {};
	for (const p of formatter(zone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
	return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

/** Minutes the wall clock in `zone` is ahead of UTC at an instant (Copenhagen: 60 or 120). */
export function offsetMinutes(at: number, zone = familyZone): number {
	const p = localParts(new Date(at), zone);
	const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
	return Math.round((wall - Math.floor(at / 60_000) * 60_000) / 60_000);
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)(?::00)?$/;

export function isDay(s: string): boolean {
	const m = dayPattern.exec(s);
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function isTime(s: string): boolean {
	return timePattern.test(s);
}

/** Minutes after midnight of 'HH:MM' (or 'HH:MM:00', as PostgreSQL's `time` reads). */
export function minutesOf(time: string): number {
	const m = timePattern.exec(time);
	if (!m) throw new Error(`not a time: ${time}`);
	return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * The instant a wall-clock time on a day happens in `zone`, or null when the clock skips it
 * (the spring change: 02:00–02:59 does not exist). When the clock repeats it (the autumn
 * change: 02:00–02:59 happens twice) the first time counts.
 */
export function zonedInstant(day: string, time: string, zone = familyZone): Date | null {
	const m = dayPattern.exec(day);
	if (!m || !isDay(day)) throw new Error(`not a day: ${day}`);
	const minutes = minutesOf(time);
	const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], Math.floor(minutes / 60), minutes % 60);
	// The offsets a day either side cover both sides of any change that day.
	const candidates = [...new Set([offsetMinutes(wall - 86_400_000, zone), offsetMinutes(wall + 86_400_000, zone)])]
		.map((offset) => wall - offset * 60_000)
		.filter((t) => {
			const p = localParts(new Date(t), zone);
			return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wall;
		});
	return candidates.length ? new Date(Math.min(...candidates)) : null;
}

/** The local day of an instant, 'YYYY-MM-DD'. */
export function localDay(at: Date, zone = familyZone): string {
	const p = localParts(at, zone);
	return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The local time of an instant, 'HH:MM'. */
export function localTime(at: Date, zone = familyZone): string {
	const p = localParts(at, zone);
	return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** A day plus n days (calendar days: no time zone involved). */
export function addDays(day: string, n: number): string {
	const m = dayPattern.exec(day)!;
	return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + n)).toISOString().slice(0, 10);
}

/** ISO weekday of a day: Monday 1 … Sunday 7. */
export function isoWeekday(day: string): number {
	const m = dayPattern.exec(day)!;
	return ((new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDay() + 6) % 7) + 1;
}
