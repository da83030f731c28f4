/**
 * Which message namespaces (the top-level keys of messages/<locale>.json) each page is sent.
 * A phone downloads only the copy its page can show, not the whole portal's. i18n-areas.test.ts
 * reads every page and the components it imports and fails when a key's namespace is missing
 * here, so a new page or key cannot ship showing raw keys.
 */
import type da from '../../../messages/da.json';

export type Namespace = keyof typeof da;

/**
 * Every page: the root layout (skip link, header, menu, language switcher, footer), the error
 * page (which can replace any page, or none at all) and the error summary above forms.
 */
export const commonNamespaces: readonly Namespace[] = ['app', 'nav', 'language', 'errors', 'frame'];

/** What a family's situation looks like: used by the family's home and the staff's view of it. */
const familyOverview: readonly Namespace[] = ['contact', 'team', 'members', 'memberRole', 'department', 'lifeArea'];

/** SvelteKit route id → the namespaces its page needs beyond the common ones. */
export const routeNamespaces: Record<string, readonly Namespace[]> = {
	'/': [],
	'/logout': [],
	'/(public)/login': ['login', 'validation'],
	'/(public)/forgot': ['forgot', 'readAloud'],
	// A sign-in link's pages; one that cannot be used offers the code field (/k).
	'/(public)/invitation/[token]': ['invitation', 'code', 'validation', 'readAloud'],
	'/(public)/reset/[token]': ['reset', 'invitation', 'code', 'validation', 'readAloud'],
	'/(public)/k': ['code', 'validation'],
	// A colleague's sign-in link (auth/staff-links.ts); it borrows the invitation's hints, and its
	// "cannot be used" page is LinkInvalid, which holds the code form's words too.
	'/(public)/colleague/[token]': ['colleagueLink', 'invitation', 'code', 'validation'],
	'/(public)/k/[code]': ['invitation', 'reset', 'code', 'validation', 'readAloud'],
	'/(public)/language': ['validation'],
	'/(public)/privacy': ['privacy', 'readAloud'],
	'/(public)/accessibility': ['accessibility', 'readAloud'],
	'/(family)/home': ['home', 'readAloud', 'meetingType', ...familyOverview],
	'/(family)/wishes': ['wishes', 'validation', 'lifeArea'],
	'/(family)/checkin': ['checkin', 'validation', 'lifeArea'],
	'/(family)/progress': ['outcomes', 'readAloud'],
	// Booking, one step per page; every step names the kinds of meeting.
	'/(family)/meetings': ['meetings', 'meetingType', 'meetingStatus', 'interpreterStatus', 'calendarFeed'],
	'/(family)/meetings/[id=uuid]': ['meetings', 'meetingType', 'meetingStatus', 'interpreterStatus', 'validation'],
	'/(family)/meetings/[id=uuid]/move': ['meetings', 'validation'],
	'/(family)/meetings/book': ['meetings', 'meetingType', 'validation'],
	'/(family)/meetings/book/time': ['meetings', 'meetingType', 'validation'],
	'/(family)/meetings/book/who': ['meetings', 'validation'],
	'/(family)/meetings/book/interpreter': ['meetings', 'validation'],
	'/(family)/meetings/book/confirm': ['meetings', 'meetingType', 'validation'],
	'/(family)/wishes/[id=uuid]': ['wishes', 'goals', 'validation'],
	'/(family)/goals/[id=uuid]': ['goals', 'validation'],
	'/(family)/activities': ['activities', 'opportunityKind', 'interestStatus', 'validation'],
	'/(family)/activities/[id=uuid]': ['activities', 'opportunityKind', 'interestStatus', 'validation'],
	'/(family)/messages': ['conversations', 'files'],
	'/(family)/messages/new': ['conversations', 'files', 'validation'],
	'/(family)/messages/[id=uuid]': ['conversations', 'files', 'validation'],
	'/account': ['account', 'readAloud'],
	'/staff': ['staff'],
	'/staff/availability': ['availability', 'meetingType', 'validation'],
	'/staff/team': ['teamPlaces', 'staffAdmin', 'validation'],
	// The team leader keeps the team's staff ('staff': who is away; a colleague's profile is staffProfile's form).
	'/staff/team/staff': ['staffAdmin', 'staff', 'department', 'validation'],
	'/staff/team/staff/[id=uuid]': ['staffAdmin', 'staffProfile', 'lifeArea', 'validation'],
	// The team's API tokens (its leader's) and the API's reference for the systems' developers.
	'/staff/team/api': ['apiTokens', 'validation'],
	'/api/v1/docs': ['apiDocs', 'apiTokens'],
	'/staff/profile': ['staffProfile', 'lifeArea', 'validation'],
	'/staff/dashboard': ['dashboard', 'validation', 'meetingType', 'lifeArea'],
	'/staff/interests': ['staffInterests', 'interestStatus', 'validation'],
	'/staff/opportunities': ['staffOpportunities', 'partnerKind', 'opportunityKind', 'validation'],
	'/staff/opportunities/new': ['staffOpportunities', 'opportunityKind', 'validation'],
	'/staff/opportunities/[id=uuid]': ['staffOpportunities', 'opportunityKind', 'validation'],
	'/staff/opportunities/partners/new': ['staffOpportunities', 'partnerKind', 'validation'],
	'/staff/opportunities/partners/[id=uuid]': ['staffOpportunities', 'partnerKind', 'validation'],
	'/staff/calendar': ['staff', 'staffMeetings', 'meetingType', 'interpreterStatus', 'validation', 'calendarFeed'],
	'/staff/families/[id=uuid]/meetings': ['staff', 'staffMeetings', 'meetingType', 'interpreterStatus', 'validation'],
	// 'slip': the letter's copy in the staff member's language too (the letter itself carries the member's and Danish).
	'/staff/families/[id=uuid]': ['staff', 'staffFamily', 'staffMessages', 'slip', 'wishes', 'interestStatus', ...familyOverview],
	'/staff/families/[id=uuid]/checkins': ['staff', 'checkin', 'lifeArea'],
	'/staff/families/[id=uuid]/outcomes': ['staff', 'outcomes', 'memberRole', 'validation'],
	'/staff/families/[id=uuid]/manage': ['staff', 'familyManage', 'familyEnrol', 'lifeArea', 'validation'],
	// The team leader enrols a family; the involved colleagues' fields are shared with the manage page.
	'/staff/families/new': ['familyEnrol', 'memberRole', 'lifeArea', 'validation'],
	'/staff/families/[id=uuid]/wishes/[wishId=uuid]': ['wishes', 'goals', 'validation'],
	// The team's side of messages: the inbox's list and words are shared by the family's lists.
	'/staff/inbox': ['staff', 'inbox', 'files'],
	'/staff/outbox': ['outbox'],
	'/staff/families/[id=uuid]/messages': ['staff', 'inbox', 'staffMessages', 'files'],
	'/staff/families/[id=uuid]/messages/new': ['staff', 'staffMessages', 'files', 'validation'],
	'/staff/families/[id=uuid]/messages/[conversationId=uuid]': ['staff', 'inbox', 'staffMessages', 'files', 'validation'],
	'/staff/families/[id=uuid]/goals/[goalId=uuid]': ['goals', 'validation']
};

/**
 * The namespaces for a route id; no route (a 404) gets the common ones, which hold the error
 * page's copy. A route missing from the map gets everything rather than raw keys (the test
 * still fails for it).
 */
export function namespacesFor(routeId: string | null, all: readonly Namespace[]): readonly Namespace[] {
	if (routeId === null) return commonNamespaces;
	const own = routeNamespaces[routeId];
	return own ? [...commonNamespaces, ...own] : all;
}
