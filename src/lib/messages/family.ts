/**
 * What the family's message pages receive from the server (src/lib/server/messages/family-view.ts):
 * times already written in the reader's language, names and words as they are.
 */

/** One conversation in the family's list. */
export interface ConversationItem {
	id: string;
	subject: string;
	/** Seen by one member and the team only (a teenager's, or one a staff member wrote to one person). */
	private: boolean;
	/** Who on the team answers now. */
	staffName: string;
	/** When something was last written, ISO, and as the reader reads it. */
	at: string;
	when: string;
	unread: boolean;
	/** The newest message, shortened to one line. */
	last: { author: string; text: string } | null;
}

export interface LineView {
	id: string;
	kind: 'message' | 'handover';
	body: string;
	/** The language of the words, when the portal knows it (a quick reply sent in the reader's language). */
	lang: string | null;
	at: string;
	when: string;
	author: { name: string; staff: boolean; mine: boolean };
	/** A handover: the colleague who answers from here on. */
	handedTo: string | null;
	/** Under the family's newest message: who on the team has seen it, and when. */
	seenBy: { name: string; when: string }[];
}

export interface ThreadView {
	id: string;
	subject: string;
	private: boolean;
	staffName: string;
	/** Oldest first. */
	lines: LineView[];
	/** The cursor for the page of lines before these, when there is one. */
	earlier: string | null;
}
