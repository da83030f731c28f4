import type { Waited } from './waited';

/** One conversation as the team's lists show it (the inbox, one family's conversations). */
export interface InboxItem {
	id: string;
	familyId: string;
	familyName: string;
	subject: string;
	/** A private conversation's one member. */
	memberName: string | null;
	/** Who on the team answers it. */
	staffName: string;
	/** The reader answers it. */
	mine: boolean;
	status: 'open' | 'done';
	unread: boolean;
	/** ISO time of the newest line. */
	lastMessageAt: string;
	/** For how long the family has waited for the team's reply; null when nobody waits. */
	waited: Waited | null;
	last: { body: string; author: string; files: number; photos: number } | null;
}
