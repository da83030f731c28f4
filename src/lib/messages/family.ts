/**
 * What the family's message pages receive from the server (src/lib/server/messages/family-view.ts):
 * times already written in the reader's language, names and words as they are.
 */

/** A file on a message, as a thread lists it (downloads at `<conversation>/files/<id>`). */
export interface FileView {
	id: string;
	name: string;
	type: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
	size: number;
	width: number | null;
	height: number | null;
}

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
	/** The newest message, shortened to one line, and how many files (and photos) it has. */
	last: { author: string; text: string; files: number; photos: number } | null;
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
	/** Its files, in the order they were sent. */
	files: FileView[];
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
