/**
 * A meeting as the family's pages get it: times as ISO strings (the page formats them in the
 * reader's language), whether the family may still move or cancel it itself, and the words of
 * its .ics file in the reader's language.
 */
import type { Translate } from '$lib/i18n/translator';
import { languageName } from '$lib/i18n/locales';
import { languageNames } from '$lib/i18n/language-names';
import type { Locale } from '$lib/i18n/locales';
import { calendarFile } from './ics';
import { familyMayChange, type Meeting } from './meetings';
import type { MeetingView } from '$lib/types';

export type { MeetingView };

export function meetingView(m: Meeting, now = new Date()): MeetingView {
	return {
		id: m.id,
		type: m.type,
		status: m.status,
		startsAt: m.startsAt.toISOString(),
		endsAt: m.endsAt.toISOString(),
		place: m.place,
		topic: m.topic,
		goal: m.goal,
		interpreterLanguage: m.interpreterLanguage,
		interpreterStatus: m.interpreterStatus,
		changeNote: m.changeNote,
		staff: { name: m.staff.name, phone: m.staff.phone },
		members: m.members.map((x) => x.name),
		cutoff: m.cutoff.toISOString(),
		mayChange: familyMayChange(m, now)
	};
}

/**
 * The meeting's .ics in the reader's language: "Phone call with Mette Kjær", where, the
 * interpreter asked for, what the family wants to talk about, and where to move or cancel it.
 */
export function meetingCalendarFile(m: Meeting, reader: { t: Translate; locale: Locale }, url: string): string {
	const { t } = reader;
	const names = { locale: reader.locale, languageNames: languageNames[reader.locale] };
	const description = [
		m.interpreterLanguage ? t('meetings.icsInterpreter', { language: languageName(m.interpreterLanguage, names) }) : null,
		m.topic || null,
		t('meetings.icsChange', { url })
	].filter((line): line is string => line !== null);
	return calendarFile(t('app.name'), [
		{
			id: m.id,
			startsAt: m.startsAt,
			endsAt: m.endsAt,
			status: m.status,
			sequence: m.sequence,
			updatedAt: m.updatedAt,
			summary: t('meetings.icsSummary', { type: t(`meetingType.${m.type}`), name: m.staff.name }),
			description: description.join('\n\n'),
			location: m.place || t(`meetings.place.${m.type}`)
		}
	]);
}
