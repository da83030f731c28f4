/**
 * Every fixed list of codes, defined once: the database's CHECK constraints, zod schemas and
 * the UI (message keys such as `absenceKind.<code>`) all read these. Adding a code is one
 * line here, one migration (drizzle generates the new CHECK) and one message per locale.
 */

/** Why a staff member is away; the family is only told "not at work" and who stands in. */
export const absenceKinds = ['holiday', 'sick', 'leave', 'course', 'other'] as const;
export type AbsenceKind = (typeof absenceKinds)[number];

/** SQL for "column is one of these codes", for a CHECK constraint. */
export function oneOf(codes: readonly string[]): string {
	return codes.map((c) => `'${c.replace(/'/g, "''")}'`).join(', ');
}

/**
 * A member's place in the family. Whether a child is a teenager (and may have a sign-in)
 * follows from the birth year (members.ts), never from a stored role that would age.
 */
export const memberRoles = ['parent', 'other_adult', 'child'] as const;
export type MemberRole = (typeof memberRoles)[number];

export const staffRoles = ['caseworker', 'team_leader'] as const;
export type StaffRole = (typeof staffRoles)[number];

/**
 * What a single-use sign-in link is for: a first sign-in (an invitation) or a new password
 * for someone who has one (a reset). One open link per person, whichever it is.
 */
export const signInLinkPurposes = ['invite', 'reset'] as const;
export type SignInLinkPurpose = (typeof signInLinkPurposes)[number];

export const familyStatuses = ['active', 'ended'] as const;
export type FamilyStatus = (typeof familyStatuses)[number];

/** Why a family's time with the team ended (the team leader says, /staff/families/[id]/manage). */
export const endReasons = ['goals_reached', 'moved', 'declined', 'other'] as const;
export type EndReason = (typeof endReasons)[number];

/**
 * What the history of a family's time with the team records: its enrolment (with its first
 * contact person), a new contact person, ending and beginning again, and a colleague joining
 * or leaving the staff involved with it.
 */
export const familyChangeKinds = ['contact', 'ended', 'reopened', 'enrolled', 'staff_added', 'staff_removed'] as const;
export type FamilyChangeKind = (typeof familyChangeKinds)[number];
/** The team's own words on why a family's contact person changed or its time ended. */
export const familyChangeNoteMaxLength = 300;
/** The team's own words on what an involved colleague helps a family with (staff only; family_staff.helps_with). */
export const helpsWithMaxLength = 300;
/** A family's name and a member's name as the team writes them at enrolment. */
export const familyNameMaxLength = 80;
export const memberNameMaxLength = 80;
/** The neighbourhood a family lives in (families.area). */
export const familyAreaMaxLength = 80;

/**
 * The departments a Danish municipality's team is drawn from. Each organisation has its own
 * lookup table (departments), seeded with these; a code here has a translated name in
 * messages (`department.<code>`), any other code shows the organisation's own name.
 */
export { standardDepartments, type StandardDepartment } from './departments';

/**
 * The parts of life a family may want help with: what a staff member helps with (shown to the
 * family as these translated topics, never as free text about someone's health or school),
 * and later what a wish or goal is about. `work` is work and education; `school` is children
 * and school. Names in messages: `lifeArea.<code>`.
 */
export const lifeAreas = ['work', 'health', 'housing', 'money', 'school', 'leisure', 'family', 'other'] as const;
export type LifeArea = (typeof lifeAreas)[number];

/** Where a wish stands: still wished for, came true, or let go (kept, shown apart). */
export const wishStatuses = ['open', 'came_true', 'let_go'] as const;
export type WishStatus = (typeof wishStatuses)[number];
/** Longest wish in characters: the form's maxlength and counter, zod and the database CHECK. */
export const wishMaxLength = 2000;

/** A check-in's five steps, 1 (very hard) … 5 (very good); words in messages `checkin.score.<n>`. */
export const checkinScores = [1, 2, 3, 4, 5] as const;
export type CheckinScore = (typeof checkinScores)[number];
/** Longest sentence with a check-in, in characters: the field's maxlength, zod and the CHECK. */
export const checkinNoteMaxLength = 300;

/** SQL for "every element of this text[] column is one of these codes", for a CHECK. */
export function allOf(codes: readonly string[]): string {
	return `array[${oneOf(codes)}]::text[]`;
}

/**
 * How a family meets its team: at home, at the team's local office, on a walk, by phone or by
 * video. Names in messages: `meetingType.<code>`.
 */
export const meetingTypes = ['home', 'office', 'walk', 'phone', 'video'] as const;
export type MeetingType = (typeof meetingTypes)[number];

/** Minutes per meeting type unless the staff member sets their own. */
export const defaultMeetingMinutes: Record<MeetingType, number> = { home: 60, office: 45, walk: 45, phone: 30, video: 30 };

/**
 * Where a meeting stands. `proposed` (by staff, waiting for the family), `booked`, and after
 * it `held` or `not_held` (nobody came) all hold the time; `cancelled` frees it.
 */
export const meetingStatuses = ['proposed', 'booked', 'cancelled', 'held', 'not_held'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
/** The statuses that take the staff member's time: no two of these may overlap (0011's exclusion constraint). */
export const holdingStatuses = ['proposed', 'booked', 'held', 'not_held'] as const satisfies readonly MeetingStatus[];

/** An interpreter asked for with a meeting: requested, then arranged or not possible. */
export const interpreterStatuses = ['requested', 'arranged', 'not_possible'] as const;
export type InterpreterStatus = (typeof interpreterStatuses)[number];

/**
 * Languages an interpreter can be asked for (the neighbourhood's, as language-names.ts names
 * them in every locale). Danish is not among them: that is the meeting's own language.
 */
export const interpreterLanguages = [
	'ar',
	'so',
	'tr',
	'ku',
	'ckb',
	'fa',
	'prs',
	'ps',
	'ur',
	'uk',
	'ru',
	'ti',
	'pl',
	'ro',
	'bs',
	'sq',
	'vi',
	'es',
	'fr',
	'de',
	'en'
] as const;
export type InterpreterLanguage = (typeof interpreterLanguages)[number];

/** Longest topic ("what would you like to talk about") and walk meeting point, in characters (the database CHECKs agree). */
export const meetingTopicMaxLength = 1000;
export const meetingPlaceMaxLength = 300;
export const meetingReasonMaxLength = 1000;
/** A team's office address (where office meetings are), and a walk's meeting point the team keeps: name and a short description. */
export const officeAddressMaxLength = 300;
/** Families per staff member the team leader aims at (teams.caseload_target): the method's ~35. */
export const caseloadTargetDefault = 35;
export const caseloadTargetRange = { min: 1, max: 200 } as const;
/** A staff member's name as the team leader types it (checked at the edge). */
export const staffNameMaxLength = 120;
export const meetingPointNameMaxLength = 80;
export const meetingPointDescriptionMaxLength = 200;

/** ISO weekdays, Monday = 1 … Sunday = 7 (Danish weeks start on Monday). */
export const isoWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;
/**
 * Where a goal stands. `proposed`: a staff member suggested it and the family has not answered;
 * a family member makes it `active` (saying yes) or `declined`. Family members' own goals start
 * `active`. `reached` can be reopened (back to `active`).
 */
export const goalStatuses = ['proposed', 'active', 'reached', 'declined'] as const;
export type GoalStatus = (typeof goalStatuses)[number];
/** Longest goal and step in characters (form, zod and database alike). */
export const goalMaxLength = 300;
/** Longest reason for saying no to a proposal. */
export const declineReasonMaxLength = 500;
/** Longest note on a goal's timeline. */
export const goalNoteMaxLength = 1000;
/** What a goal's timeline records (`goals.event.<kind>`). */
export const goalEventKinds = [
	'created',
	'proposed',
	'accepted',
	'declined',
	'edited',
	'reached',
	'reopened',
	'step_added',
	'step_done',
	'step_reopened',
	'note'
] as const;
export type GoalEventKind = (typeof goalEventKinds)[number];

/**
 * Conversations between a family and its team (messages/). `open` until a staff member marks
 * it done; a new message from the family opens it again.
 */
export const conversationStatuses = ['open', 'done'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];
/**
 * What a line in a conversation is: a `message` (family or staff), a staff-only `note` (the
 * family never sees it), or a `handover` (a staff member gave the conversation to a colleague:
 * the family sees who answers now).
 */
export const messageKinds = ['message', 'note', 'handover'] as const;
export type MessageKind = (typeof messageKinds)[number];
/** Longest message and subject in characters (form, zod and database alike). */
export const messageMaxLength = 5000;
export const subjectMaxLength = 120;
/** How many messages a conversation page shows at once; earlier ones load on request. */
export const messagesPerPage = 50;
/** Longest quick reply the team keeps (per language). */
export const quickReplyMaxLength = 1000;

/**
 * Files on messages: photos (re-encoded on arrival, so no EXIF/GPS leaves the phone's picture)
 * and PDFs (stored as they are). Recognised by their bytes, never by their name.
 */
export const fileTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type FileType = (typeof fileTypes)[number];
/** At most this many files on one message, each at most this many bytes (as sent and as stored). */
export const filesPerMessage = 5;
export const fileMaxBytes = 10 * 1024 * 1024;
/** Longest original file name kept (for the download's name). */
export const fileNameMaxLength = 200;

/** How a person hears from Opgang (notifications); 'none' is a real choice. */
export const notifyChannels = ['email', 'sms', 'push', 'none'] as const;
export type NotifyChannel = (typeof notifyChannels)[number];

/**
 * What a notification tells (outbox): that something happened and who from, never what.
 * Family side: a new line in a conversation, a meeting the team booked, moved or cancelled, a
 * reminder the day before and two hours before, a goal the team proposes, a step due today.
 * Staff side: a family's message, a meeting a family booked, moved or cancelled.
 */
export const notificationKinds = [
	'message',
	'meeting_booked',
	'meeting_proposed',
	'meeting_moved',
	'meeting_cancelled',
	'reminder_day',
	'reminder_hours',
	'goal_proposed',
	'step_due',
	'interest_new',
	'interest_help',
	'interest_ask'
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** pending → sending (leased) → sent; or back to pending with a later time; failed after the last try; skipped when no longer true. */
export const notificationStatuses = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

/** Who owns a leisure opportunity (issue 14): a local association, a club, an employer, the housing association, the municipality. */
export const partnerKinds = ['association', 'club', 'employer', 'housing', 'municipal'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

/** What an opportunity is (after Open Referral HSDS "service", narrowed to what teenagers look for). */
export const opportunityKinds = ['leisure_job', 'activity', 'club', 'course', 'volunteering'] as const;
export type OpportunityKind = (typeof opportunityKinds)[number];

/** What a price is per: once, a month, a season, a year. */
export const costPeriods = ['once', 'month', 'season', 'year'] as const;
export type CostPeriod = (typeof costPeriods)[number];

/** An interest's way: said → the team has called the partner → started → still going, or stopped (with a reason). */
export const interestStatuses = ['interested', 'contacted', 'started', 'still_going', 'stopped'] as const;
export type InterestStatus = (typeof interestStatuses)[number];

/** Where an interest's way may go next; "stopped" ends it (a new interest may begin). */
export const interestNext: Record<InterestStatus, readonly InterestStatus[]> = {
	interested: ['contacted', 'started', 'stopped'],
	contacted: ['started', 'stopped'],
	started: ['still_going', 'stopped'],
	still_going: ['stopped'],
	stopped: []
};

/** The age range a directory holds (a leisure job from 13, a club for the little ones from 6, young adults to 25). */
export const opportunityAges = { min: 4, max: 25 } as const;
/** An opportunity nobody has checked for this long is flagged for staff (six months). */
export const opportunityStaleDays = 183;
/** "Still going?" is asked this long after "started". */
export const stillGoingAfterDays = 28;
export const opportunityTitleMaxLength = 120;
export const opportunityTextMaxLength = 2000;

/** "What I can help with" in a staff member's own words, per language: a contact card's few sentences. */
export const staffHelpTextMaxLength = 400;

/**
 * What the team notes about how things are going (outcomes, /staff/families/[id]/outcomes):
 * an adult's work or education, a school child's absence per term, a teenager's leisure job
 * or activity and education. The team's figures and the export read these.
 */
export const outcomeKinds = ['work', 'school', 'youth'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

/** An adult's work or education, from a date. The first four count as "in work or education". */
export const workStatuses = [
	'education',
	'full_time',
	'part_time',
	'flex_job',
	'activation',
	'no_work',
	'sick_leave',
	'early_pension'
] as const;
export type WorkStatus = (typeof workStatuses)[number];
export const inWorkOrEducation: readonly WorkStatus[] = ['education', 'full_time', 'part_time', 'flex_job'];

/** A teenager's leisure now: a leisure job, a regular activity, or neither. */
export const leisureStatuses = ['job', 'activity', 'none'] as const;
export type LeisureStatus = (typeof leisureStatuses)[number];

/** School terms as Danish schools report absence: spring from 1 January, autumn from 1 August. */
export const schoolTerms = ['spring', 'autumn'] as const;
export type SchoolTerm = (typeof schoolTerms)[number];

/**
 * What a team's API token may do (/staff/team/api, /api/v1): read the team's families and
 * their members, read or write outcomes, read meetings and goals. Names in messages:
 * `apiTokens.scope.<code>`.
 */
export const apiScopes = ['families:read', 'outcomes:read', 'outcomes:write', 'meetings:read', 'goals:read'] as const;
export type ApiScope = (typeof apiScopes)[number];
/** A scope's checkbox name on the keys page: `scope-outcomes-write` (no colon, so a plain id too). */
export const apiScopeField = (scope: ApiScope) => `scope-${scope.replace(':', '-')}`;
/** Longest name of a token ("Jobcenter's case system"): the field's maxlength, zod and the CHECK. */
export const apiTokenNameMaxLength = 80;
