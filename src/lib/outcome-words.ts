/**
 * A note about how things are going, in the reader's words (the staff page and the family's
 * /progress page say them alike): what it says, and from when.
 */
import { formatDate } from '$lib/i18n/format';
import type { I18n } from '$lib/i18n/context';
import type { LeisureStatus, OutcomeKind, WorkStatus } from '$lib/codes';

export interface NoteWords {
	kind: OutcomeKind;
	/** From this day; for school, the term's first day. */
	fromOn: string;
	work: WorkStatus | null;
	absencePercent: number | null;
	leisure: LeisureStatus | null;
	inEducation: boolean | null;
}

/** "12.5 %" as the reader writes per cent (Arabic digits and sign where the locale has them). */
export function percentText(value: number, i18n: Pick<I18n, 'locale'>): string {
	return new Intl.NumberFormat(i18n.locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** A term's name from its first day: "Autumn 2026". */
export function termText(firstDay: string, i18n: Pick<I18n, 't'>): string {
	const year = firstDay.slice(0, 4);
	return i18n.t(firstDay.slice(5, 7) === '08' ? 'outcomes.termAutumn' : 'outcomes.termSpring', { year });
}

/** What a note says. */
export function noteText(n: NoteWords, i18n: Pick<I18n, 't' | 'locale'>): string {
	if (n.kind === 'work') return i18n.t(`outcomes.work.${n.work}`);
	if (n.kind === 'school') return i18n.t('outcomes.absence', { percent: percentText(n.absencePercent ?? 0, i18n) });
	return i18n.t(`outcomes.leisure.${n.leisure}`) + ' · ' + i18n.t(n.inEducation ? 'outcomes.inEducation' : 'outcomes.notInEducation');
}

/** From when it holds: "from 3 March 2025", or the term. */
export function noteWhen(n: NoteWords, i18n: Pick<I18n, 't' | 'locale'>): string {
	return n.kind === 'school' ? termText(n.fromOn, i18n) : i18n.t('outcomes.from', { date: formatDate(n.fromOn, i18n.locale) });
}
