/**
 * The words of a notification, in the recipient's language and direction: one sentence that
 * says what happened and who it is from, and a link. Never the message's text, a meeting's
 * topic or place, a goal's words, or a family's name: a phone's lock screen is not private.
 */
import type { NotificationKind } from '$lib/codes';
import { dirOf, timeZone, type Locale } from '$lib/i18n/locales';
import { dateTimeFormat } from '$lib/i18n/date-names';
import { translatorFor } from '../i18n';

export interface Rendered {
	subject: string;
	text: string;
	html: string;
	/** A text message: the sentence and the link. */
	sms: string;
	link: string;
}

export interface Renderable {
	kind: NotificationKind;
	subjectId: string;
	familyId: string | null;
	fromName: string;
	meetingAt: Date | null;
	/** Whether the recipient is on the team (their link and words differ). */
	staff: boolean;
	locale: Locale;
}

const whenFormats = new Map<Locale, { format(d: Date): string }>();
function when(at: Date, locale: Locale): string {
	let f = whenFormats.get(locale);
	if (!f) {
		f = dateTimeFormat(locale, {
			weekday: 'long',
			day: 'numeric',
			month: 'long',
			hour: '2-digit',
			minute: '2-digit',
			timeZone,
			calendar: 'gregory'
		});
		whenFormats.set(locale, f);
	}
	return f.format(at);
}

/** The page the notification is about, for this recipient. */
export function linkPath(n: Pick<Renderable, 'kind' | 'subjectId' | 'familyId' | 'staff'>): string {
	const meeting = n.kind.startsWith('meeting_') || n.kind.startsWith('reminder_');
	if (n.kind.startsWith('interest_')) return n.staff ? '/staff/interests' : '/activities';
	if (n.staff) {
		if (n.kind === 'message') return `/staff/families/${n.familyId}/messages/${n.subjectId}`;
		return meeting ? `/staff/families/${n.familyId}/meetings` : `/staff/families/${n.familyId}`;
	}
	if (n.kind === 'message') return `/messages/${n.subjectId}`;
	if (meeting) return `/meetings/${n.subjectId}`;
	if (n.kind === 'goal_proposed') return `/goals/${n.subjectId}`;
	return '/home';
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function render(n: Renderable, origin: string): Rendered {
	const t = translatorFor(n.locale);
	const sentence = t(`notify.${n.staff ? 'staff' : 'family'}.${n.kind}`, {
		name: n.fromName || t('notify.someone'),
		when: n.meetingAt ? when(n.meetingAt, n.locale) : ''
	});
	const link = `${origin}${linkPath(n)}`;
	const open = t('notify.open');
	const why = t('notify.why');
	const dir = dirOf(n.locale);
	const text = `${sentence}\n\n${open}: ${link}\n\n-- \n${why}\n`;
	const html = `<!doctype html>
<html lang="${n.locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escape(sentence)}</title></head>
<body style="font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.5; max-width: 36em; margin: 0 auto; padding: 1em">
<p>${escape(sentence)}</p>
<p><a href="${escape(link)}" style="display: inline-block; padding: 0.6em 1.2em; background: #004993; color: #fff; text-decoration: none; border-radius: 4px">${escape(open)}</a></p>
<p style="color: #555; font-size: 15px">${escape(why)}</p>
</body></html>
`;
	return { subject: sentence, text, html, sms: `${sentence} ${link}`, link };
}
