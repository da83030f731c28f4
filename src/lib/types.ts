/**
 * Shapes that pages and components receive from the server. They live outside $lib/server
 * so browser code never imports (even as types) from the server side.
 */
import type { FamilyStatus, MemberRole } from './codes';

export interface StaffCard {
	id: string;
	name: string;
	/** The department's code; standard codes have a translated name (`department.<code>`). */
	department: string;
	/** The organisation's own (Danish) name for it, shown for codes without a translation. */
	departmentName: string;
	languages: string[];
	phone: string | null;
	helpsWith: string;
	photoPath: string | null;
}

export interface FamilyMember {
	id: string;
	name: string;
	role: MemberRole;
	birthYear: number | null;
	preferredLanguage: string;
	hasSignIn: boolean;
	/** Staff only: wrong passwords for this person's sign-in in the last day, once it looks like guessing. */
	signInAlert: number | null;
}

export interface FamilyOverview {
	id: string;
	name: string;
	area: string;
	status: FamilyStatus;
	enrolledOn: string;
	contactPerson: StaffCard & { away: boolean; awayUntil: string | null };
	/** Set when the contact person is away: who to turn to instead. */
	standIn: StaffCard | null;
	team: (StaffCard & { helpsFamilyWith: string })[];
	members: FamilyMember[];
}

/** How a staff member works with a family (policy.ts), as the staff's family list shows it. */
export type StaffFamilyRelation = 'contact' | 'stand_in' | 'involved' | 'leader';

/** One family in the staff's family list (family-list.ts). */
export interface StaffFamilyRow {
	id: string;
	name: string;
	status: FamilyStatus;
	/** Set when status is 'ended'. */
	endedOn: string | null;
	relation: StaffFamilyRelation;
	members: number;
	/** The members a search found by their own name (not by the family's name), for the row to say why it is there. */
	found: string[];
	contact: {
		name: string;
		/** The contact person is the staff member reading the list. */
		isViewer: boolean;
		/** Today's absence, or one that starts within the stand-in's lead time (access.ts). */
		absence: {
			startsOn: string;
			endsOn: string;
			/** It covers today (else it starts within the lead time). */
			current: boolean;
			standInName: string | null;
			standInIsViewer: boolean;
		} | null;
	};
	/** See family-list.ts: the latest moment anyone in the family was active, or the enrolment. */
	lastActivity: { at: Date; source: 'portal' | 'enrolled' };
}
