/**
 * How long a family has waited for the team's reply, as the inbox says it ("waiting 2 days",
 * "waiting 3 hours"): the largest whole unit, at least one minute. Worked out on the server,
 * so the page the browser hydrates says the same as the one the server wrote.
 */
export type Waited = { unit: 'minutes' | 'hours' | 'days'; count: number };

export function waitedFor(since: Date, now: Date): Waited {
	const minutes = Math.max(1, Math.floor((now.getTime() - since.getTime()) / 60_000));
	if (minutes < 60) return { unit: 'minutes', count: minutes };
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return { unit: 'hours', count: hours };
	return { unit: 'days', count: Math.floor(hours / 24) };
}

/** A person's initials for the round badge beside their name ("Amina Hassan" → "AH"). */
export function initials(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	const first = [...(words[0] ?? '')][0] ?? '';
	const last = words.length > 1 ? ([...words[words.length - 1]][0] ?? '') : '';
	return (first + last).toLocaleUpperCase();
}
