/**
 * Shapes that pages and components receive from the server. They live outside $lib/server
 * so browser code never imports (even as types) from the server side.
 */
import type { FamilyStatus, MemberRole, SignInLinkPurpose } from './codes';
import type { Locale } from './i18n/locales';
import type { Messages } from './i18n/translator';

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

/** A sign-in letter for one person, shown once to the staff member who made it (InvitationSlip.svelte). */
export interface Slip {
	purpose: SignInLinkPurpose;
	memberId: string;
	memberName: string;
	/** The long link (a secret). */
	link: string;
	/** Where to type the code, without the scheme ("opgang.lyngbaek.dk/k"). */
	shortUrl: string;
	/** The short code as printed ("K7QX-M4PD"). */
	code: string;
	/** The QR code of the long link, an SVG made on the server. */
	qr: string;
	expiresAt: string;
	organisation: { name: string; phone: string | null };
	contact: { name: string; phone: string | null };
	/** The member's language first, then Danish (once when they are the same), each with the letter's copy. */
	languages: { code: Locale; dir: 'ltr' | 'rtl'; messages: Messages }[];
}
