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
