import { describe, expect, it } from 'vitest';
import { formatWhen } from '$lib/i18n/message-time';
import { conversationItems, oneLine, threadView, unreadFor } from './family-view';
import type { Line, Thread } from './thread';

const at = (iso: string) => new Date(iso);
const line = (id: string, when: string, author: Partial<Line['author']>, kind: Line['kind'] = 'message'): Line => ({
	id,
	kind,
	body: `words ${id}`,
	lang: null,
	bodyDa: null,
	createdAt: at(when),
	author: { id: author.id ?? 'x', name: author.name ?? 'X', staff: author.staff ?? false, mine: author.mine ?? false },
	handedTo: kind === 'handover' ? 'Jonas Holm' : null,
	files: []
});
const amina = { id: 'amina', name: 'Amina Hassan', staff: false };
const mette = { id: 'mette', name: 'Mette Kjær', staff: true };

function thread(lines: Line[], readers: Thread['readers']): Thread {
	return {
		id: 't',
		familyId: 'f',
		subject: 'Brev',
		private: false,
		memberId: null,
		status: 'open',
		staff: { id: 'mette', name: 'Mette Kjær' },
		language: 'ar',
		waitingSince: null,
		lines,
		earlier: null,
		readers,
		team: null
	};
}

describe("the family's view of conversations", () => {
	it('shortens the last message to one line, never inside a character', () => {
		expect(oneLine('Hej\n\nMette,   tak')).toBe('Hej Mette, tak');
		expect(oneLine('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
		// An emoji is two UTF-16 units: it stays whole.
		expect(oneLine('👍'.repeat(20), 5)).toBe('👍👍👍👍…');
	});

	it("writes times in Copenhagen, in the reader's language: the time today, the day this year, the year before", () => {
		const now = at('2026-11-30T12:00:00Z');
		expect(formatWhen(at('2026-11-30T13:02:00Z'), 'da', now)).toBe('14.02');
		expect(formatWhen(at('2026-03-03T13:02:00Z'), 'da', now)).toBe('3. mar., 14.02');
		expect(formatWhen(at('2025-03-03T13:02:00Z'), 'da', now)).toBe('3. mar. 2025, 14.02');
		// Summer time: 12:02 UTC is 14.02 in Copenhagen.
		expect(formatWhen(at('2026-07-01T12:02:00Z'), 'en', now)).toBe('Jul 1, 14:02');
		// Just after midnight in Copenhagen is already "today" there, though still yesterday in UTC.
		expect(formatWhen(at('2026-11-29T23:30:00Z'), 'da', now)).toBe('00.30');
	});

	it('lists conversations with their times written out', () => {
		const [item] = conversationItems(
			[
				{
					id: 'c',
					subject: 'Brev',
					private: false,
					status: 'open',
					staffName: 'Mette Kjær',
					lastMessageAt: at('2026-11-30T13:02:00Z'),
					unread: true,
					last: { body: 'Hej\nAmina', author: 'Mette Kjær', files: 0, photos: 0 }
				}
			],
			'da',
			at('2026-11-30T15:00:00Z')
		);
		expect(item).toEqual({
			id: 'c',
			subject: 'Brev',
			private: false,
			staffName: 'Mette Kjær',
			at: '2026-11-30T13:02:00.000Z',
			when: '14.02',
			unread: true,
			last: { author: 'Mette Kjær', text: 'Hej Amina', files: 0, photos: 0 }
		});
	});

	it("puts who on the team saw it under the family's newest message only, and never a note", () => {
		const lines = [
			line('1', '2026-11-30T10:00:00Z', { ...amina, mine: true }),
			line('2', '2026-11-30T10:30:00Z', mette),
			line('3', '2026-11-30T10:40:00Z', mette, 'note'),
			line('4', '2026-11-30T11:00:00Z', { ...amina, mine: true })
		];
		const view = threadView(
			thread(lines, [
				{ id: 'mette', name: 'Mette Kjær', staff: true, readUntil: at('2026-11-30T11:00:00Z'), seenAt: at('2026-11-30T13:02:00Z') },
				{ id: 'amina', name: 'Amina Hassan', staff: false, readUntil: at('2026-11-30T11:00:00Z'), seenAt: at('2026-11-30T11:00:00Z') }
			]),
			'da',
			at('2026-11-30T15:00:00Z')
		);
		expect(view.lines.map((l) => [l.id, l.seenBy])).toEqual([
			['1', []],
			['2', []],
			['4', [{ name: 'Mette Kjær', when: '14.02' }]]
		]);
	});

	it('knows whether the reader had something new from someone else', () => {
		const lines = [line('1', '2026-11-30T10:00:00Z', { ...amina, mine: true }), line('2', '2026-11-30T10:30:00Z', mette)];
		const read = (until: string) => [{ id: 'amina', name: 'Amina Hassan', staff: false, readUntil: at(until), seenAt: at(until) }];
		expect(unreadFor(thread(lines, read('2026-11-30T10:00:00Z')), 'amina')).toBe(true);
		expect(unreadFor(thread(lines, read('2026-11-30T10:30:00Z')), 'amina')).toBe(false);
		expect(unreadFor(thread(lines, []), 'amina')).toBe(true);
		// A handover is not news to read.
		expect(unreadFor(thread([lines[0], line('3', '2026-11-30T11:00:00Z', mette, 'handover')], read('2026-11-30T10:00:00Z')), 'amina')).toBe(
			false
		);
	});
});
