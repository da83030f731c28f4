/**
 * Shapes that pages and components receive from the server. They live outside $lib/server
 * so browser code never imports (even as types) from the server side.
 */
import type {
	CheckinScore,
	FamilyStatus,
	GoalEventKind,
	GoalStatus,
	InterpreterStatus,
	LifeArea,
	MeetingStatus,
	MeetingType,
	MemberRole,
	SignInLinkPurpose,
	WishStatus
} from './codes';
import type { LocalizedText } from './localized';
import type { Locale } from './i18n/locales';
import type { Messages } from './i18n/translator';
import type { OpeningHours } from './i18n/hours';

export interface StaffCard {
	id: string;
	name: string;
	/** The department's code; standard codes have a translated name (`department.<code>`). */
	department: string;
	/** The organisation's own (Danish) name for it, shown for codes without a translation. */
	departmentName: string;
	languages: string[];
	phone: string | null;
	/** What this person helps families with, as life areas (`lifeArea.<code>`). */
	helpTopics: LifeArea[];
	/** "What I can help with" in their own words, per language ($lib/localized). */
	helpText: LocalizedText;
	photoPath: string | null;
}

/** A staff member on the family's team, and what they help it with. */
export interface TeamMember extends StaffCard {
	/** What they help this family with (the whole family sees these). */
	topics: LifeArea[];
	/**
	 * What they help one member with, in their own words: only the notes the viewer may read
	 * (the member's own; a young child's for the adults; all of them for staff).
	 */
	notes: { memberId: string; memberName: string; note: LocalizedText }[];
	/** Staff only: the team's own words on what they do for the family. */
	staffNote: string | null;
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
	team: TeamMember[];
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

/** The municipality behind the portal, as the header, the footer and the statements show it. */
export interface OrganisationFrame {
	name: string;
	/** A picture under static/ (e.g. /logo-lyngbaek.svg), or none. */
	logoPath: string | null;
	address: string | null;
	phone: string | null;
	email: string | null;
	openingHours: OpeningHours[];
	/** Where to ask about personal data, and the data protection officer (GDPR art. 13). */
	privacyEmail: string | null;
	dpoEmail: string | null;
	/** When the accessibility statement was last written (yyyy-mm-dd). */
	accessibilityReviewedOn: string | null;
}

/** A wish or dream in a family member's own words, as its reader may see it (wishes.ts). */
export interface Wish {
	id: string;
	text: string;
	lifeArea: LifeArea | null;
	status: WishStatus;
	/** Among its writer's (at most three) most important wishes now. */
	pinned: boolean;
	/** Seen only by its writer and the team (a teenager's, not shared). */
	private: boolean;
	version: number;
	authorId: string;
	authorName: string;
	/** The reader wrote it: they may change it. */
	mine: boolean;
	/** A teenager's wish: its writer decides whether the parents see it. */
	sharable: boolean;
	/** Its goals, but those the family said no to. */
	goalCount: number;
	createdAt: Date;
	updatedAt: Date;
}

/** A wish as a page receives it: dates as ISO strings. */
export type WishData = Omit<Wish, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

/** One check-in as the pages show it (chart, table). */
export interface Checkin {
	id: string;
	memberId: string;
	memberName: string;
	lifeArea: LifeArea;
	score: CheckinScore;
	note: string | null;
	/** The Copenhagen day, "2026-11-23". */
	day: string;
	/** Seen by its member and the team only (a teenager's, not shared). */
	private: boolean;
	mine: boolean;
	/** A teenager's: may be shown to the parents or taken back. */
	sharable: boolean;
}

/** A family's meeting as its pages get it (times as ISO strings): $lib/server/meetings/view.ts. */
export interface MeetingView {
	id: string;
	type: MeetingType;
	status: MeetingStatus;
	startsAt: string;
	endsAt: string;
	place: string;
	topic: string;
	/** The goal the topic is about: only when the reader may see that goal. */
	goal: { id: string; text: string } | null;
	interpreterLanguage: string | null;
	interpreterStatus: InterpreterStatus | null;
	changeNote: string;
	staff: { name: string; phone: string | null };
	members: string[];
	cutoff: string;
	mayChange: boolean;
}

/** A goal as a list shows it (goals.ts); dates as ISO strings. */
export interface GoalSummary {
	id: string;
	wishId: string;
	text: string;
	status: GoalStatus;
	declineReason: string | null;
	version: number;
	/** Who wrote it, or (proposed) the staff member who suggested it. */
	authorName: string;
	/** Suggested by a staff member (whatever the family answered). */
	proposed: boolean;
	stepsOpen: number;
	stepsDone: number;
	createdAt: string;
}

/** A next step on a goal. Dates as strings: dueOn yyyy-mm-dd, doneAt ISO. */
export interface GoalStep {
	id: string;
	text: string;
	dueOn: string | null;
	together: boolean;
	assigneeMemberId: string | null;
	assigneeStaffId: string | null;
	assigneeName: string | null;
	doneAt: string | null;
	doneByName: string | null;
}

/** One line of a goal's story. */
export interface GoalEvent {
	id: number;
	kind: GoalEventKind;
	/** A note, the new words, or a reason for a no. */
	text: string | null;
	oldText: string | null;
	at: string;
	byName: string;
	byStaff: boolean;
	stepText: string | null;
}

export interface GoalDetail extends GoalSummary {
	wishText: string;
	/** Its wish is a teenager's and not shared: only they and the team see the goal. */
	wishPrivate: boolean;
	steps: GoalStep[];
	/** Newest first. */
	events: GoalEvent[];
}

/** Someone a step can be for (goal-steps.ts). */
export interface StepPerson {
	kind: 'member' | 'staff';
	id: string;
	name: string;
	/** The family's contact person. */
	contact: boolean;
}

/** One of "your next steps" on the family home. */
export interface NextStep {
	id: string;
	text: string;
	dueOn: string | null;
	together: boolean;
	goalId: string;
	goalText: string;
}
