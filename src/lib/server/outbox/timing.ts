/**
 * When a notification may go (the outbox's clock). Nothing between 21:00 and 08:00 Copenhagen
 * time — it waits until 08:00 — except a change to a meeting that happens today or before the
 * morning is two hours old, which a parent must hear about at once. Messages wait a short
 * gathering pause, so a burst of lines is one notification. Reminders come the day before at
 * the meeting's own wall-clock time (so 09:00 stays 09:00 across a clock change) and two hours
 * before.
 */
import type { NotificationKind } from '$lib/codes';
import { addDays, localDay, localTime, minutesOf, zonedInstant } from '$lib/time/zone';

export interface Quiet {
	/** Minutes after midnight, local: quiet from … until (across midnight when from > until). */
	from: number;
	until: number;
}

/** NOTIFY_QUIET_HOURS: "21:00-08:00" (the default) or "off". */
export function quietHours(setting = process.env.NOTIFY_QUIET_HOURS): Quiet | null {
	const value = setting?.trim() || '21:00-08:00';
	if (value === 'off') return null;
	const m = /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(value);
	if (!m) throw new Error(`NOTIFY_QUIET_HOURS must look like 21:00-08:00, or be off (got ${JSON.stringify(value)})`);
	return { from: minutesOf(m[1]), until: minutesOf(m[2]) };
}

/** Seconds a message's notification waits for more lines (NOTIFY_GATHER_SECONDS, default 120). */
export function gatherSeconds(setting = process.env.NOTIFY_GATHER_SECONDS): number {
	const n = Number(setting ?? 120);
	if (!Number.isInteger(n) || n < 0) throw new Error('NOTIFY_GATHER_SECONDS must be a whole number of seconds');
	return n;
}

function isQuiet(at: Date, quiet: Quiet): boolean {
	const m = minutesOf(localTime(at));
	return quiet.from > quiet.until ? m >= quiet.from || m < quiet.until : m >= quiet.from && m < quiet.until;
}

/** `at`, or the end of the quiet hours it falls in. */
export function afterQuiet(at: Date, quiet: Quiet | null = quietHours()): Date {
	if (!quiet || !isQuiet(at, quiet)) return at;
	const until = `${String(Math.floor(quiet.until / 60)).padStart(2, '0')}:${String(quiet.until % 60).padStart(2, '0')}`;
	const today = localDay(at);
	// Before midnight the quiet hours end tomorrow morning; after midnight, this morning.
	const day = quiet.from > quiet.until && minutesOf(localTime(at)) >= quiet.from ? addDays(today, 1) : today;
	return zonedInstant(day, until) ?? at;
}

const meetingChanges: NotificationKind[] = ['meeting_booked', 'meeting_moved', 'meeting_cancelled'];

/**
 * A change to a meeting that cannot wait for the morning: the meeting (at its old or new time)
 * is today, or starts less than two hours after the quiet hours end.
 */
export function urgent(kind: NotificationKind, meetingTimes: Date[], now: Date, quiet: Quiet | null = quietHours()): boolean {
	if (!meetingChanges.includes(kind)) return false;
	const morning = afterQuiet(now, quiet).getTime() + 2 * 3600_000;
	return meetingTimes.some((t) => t.getTime() > now.getTime() && (localDay(t) === localDay(now) || t.getTime() < morning));
}

/** When a notification made now may first go. */
export function deliverAt(
	kind: NotificationKind,
	now: Date,
	options: { meetingTimes?: Date[]; quiet?: Quiet | null; gather?: number } = {}
): Date {
	const quiet = options.quiet === undefined ? quietHours() : options.quiet;
	if (urgent(kind, options.meetingTimes ?? [], now, quiet)) return now;
	const wait = kind === 'message' ? (options.gather ?? gatherSeconds()) * 1000 : 0;
	return afterQuiet(new Date(now.getTime() + wait), quiet);
}

/**
 * A meeting's reminders: the day before at the same wall-clock time and two hours before, each
 * moved out of the quiet hours; one that would then come after the meeting has started, or has
 * already passed, is left out.
 */
export function reminderTimes(
	start: Date,
	now: Date,
	quiet: Quiet | null = quietHours()
): { kind: 'reminder_day' | 'reminder_hours'; at: Date }[] {
	const dayBefore = zonedInstant(addDays(localDay(start), -1), localTime(start)) ?? new Date(start.getTime() - 86_400_000);
	const twoHours = new Date(start.getTime() - 2 * 3600_000);
	return [
		{ kind: 'reminder_day' as const, at: afterQuiet(dayBefore, quiet) },
		{ kind: 'reminder_hours' as const, at: afterQuiet(twoHours, quiet) }
	].filter((r) => r.at.getTime() > now.getTime() && r.at.getTime() < start.getTime());
}
