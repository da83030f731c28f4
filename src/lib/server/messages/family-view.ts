/**
 * Conversations as the family's pages get them: times written in the reader's language and
 * Copenhagen time, the list's last line shortened, and "seen by" under the family's newest
 * message (the team's read marks, seenBy in thread.ts).
 */
import type { Locale } from '$lib/i18n/locales';
import { formatWhen } from '$lib/i18n/message-time';
import type { ConversationItem, ThreadView } from '$lib/messages/family';
import type { ConversationRow } from './conversations';
import { seenBy, type Thread } from './thread';

/** Characters of the last message a list shows (on one or two lines of a phone). */
const lastLength = 90;

/** One line of words: line breaks and runs of spaces as one space, cut at `max` characters (never inside one). */
export function oneLine(text: string, max = lastLength): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	const chars = [...flat];
	return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

export function conversationItems(rows: ConversationRow[], locale: Locale, now = new Date()): ConversationItem[] {
	return rows.map((r) => ({
		id: r.id,
		subject: r.subject,
		private: r.private,
		staffName: r.staffName,
		at: r.lastMessageAt.toISOString(),
		when: formatWhen(r.lastMessageAt, locale, now),
		unread: r.unread,
		last: r.last ? { author: r.last.author, text: oneLine(r.last.body), files: r.last.files, photos: r.last.photos } : null
	}));
}

/** Whether the reader had not read the newest message someone else wrote (before this view marks it read). */
export function unreadFor(thread: Thread, memberId: string): boolean {
	const mine = thread.readers.find((r) => !r.staff && r.id === memberId);
	return thread.lines.some((l) => l.kind === 'message' && !l.author.mine && (!mine || l.createdAt > mine.readUntil));
}

export function threadView(thread: Thread, locale: Locale, now = new Date()): ThreadView {
	// "Seen by" goes under the family's newest message, when it is on this page.
	const newestFromFamily = thread.lines.findLast((l) => l.kind === 'message' && !l.author.staff);
	return {
		id: thread.id,
		subject: thread.subject,
		private: thread.private,
		staffName: thread.staff.name,
		earlier: thread.earlier,
		lines: thread.lines
			.filter((l) => l.kind !== 'note')
			.map((l) => ({
				id: l.id,
				kind: l.kind === 'handover' ? 'handover' : 'message',
				body: l.body,
				lang: l.lang,
				at: l.createdAt.toISOString(),
				when: formatWhen(l.createdAt, locale, now),
				author: { name: l.author.name, staff: l.author.staff, mine: l.author.mine },
				handedTo: l.handedTo,
				files: l.files,
				seenBy:
					l === newestFromFamily ? seenBy(thread, l, true).map((r) => ({ name: r.name, when: formatWhen(r.seenAt, locale, now) })) : []
			}))
	};
}
