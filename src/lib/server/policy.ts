/**
 * Who may do what with a family's data: each action names the relations that may take it.
 * access.ts turns an actor into a relation (once per request) and this table into yes/no and
 * into SQL, so no route or service decides access on its own. Plain data, no imports: the
 * database schema reads the action list too (the audit log's CHECK).
 *
 * Relations to a family:
 * - own: a member of the family (a family member's sign-in);
 * - contact: the family's one contact person;
 * - stand_in: the stand-in named on a current absence of the contact person — from 7 days
 *   before it starts (to prepare) until its last day, and not otherwise (see access.ts);
 * - involved: staff helping the family with something (family_staff);
 * - leader: the team leader of the family's team.
 * Relations to an item that belongs to one member (a teenager's private wish, what a staff
 * member helps one person with):
 * - self: the member who owns it;
 * - guardian: an adult of the family (parent or other adult), for a child too young to have a
 *   sign-in (under 13 by birth year, $lib/roles). Never for a teenager's items.
 * Relation to an item kept among a family's adults (the parents' conversations with the team):
 * - adult: a parent or other adult of the family — not a teenager.
 */
export const familyRelations = ['own', 'contact', 'stand_in', 'involved', 'leader'] as const;
export type Relation = (typeof familyRelations)[number];
export type StaffRelation = Exclude<Relation, 'own'>;
export type ItemRelation = Relation | 'self' | 'guardian' | 'adult';

const staffRelations = ['contact', 'stand_in', 'involved', 'leader'] as const satisfies readonly StaffRelation[];

export const policy = {
	/** See the family's page: contact person, team, members; items visible to the whole family. */
	'family.view': ['own', ...staffRelations],
	/** Make a sign-in link for a member (anyone from the team who meets the family may hand one over). */
	'invitation.create': staffRelations,
	/**
	 * Make a reset link (a new password) for a member who has a sign-in. Whoever holds it can take
	 * over the sign-in, so only the person the family turns to: the contact person, the stand-in
	 * while they are away, and the team leader — not every colleague involved with the family.
	 */
	'signIn.reset': ['contact', 'stand_in', 'leader'],
	/**
	 * Read items that belong to one member (a teenager's own wishes and messages, what a staff
	 * member helps one person with): that member, the adults for a young child, the team —
	 * never the parents of a teenager.
	 */
	'member.privateItems.read': ['self', 'guardian', ...staffRelations],
	/**
	 * Read items kept among the family's adults and the team (the parents' conversations with
	 * the team: a letter about money, a talk about the children): never a teenager.
	 */
	'family.adultItems.read': ['adult', ...staffRelations],
	/** Read the team's own notes on a family: never the family. */
	'family.staffItems.read': staffRelations,
	/** Write a wish of one's own: family members only; staff never write a family's wishes. */
	'wish.write': ['own'],
	/**
	 * Change a wish's words, its status, or (a teenager) whether the parents see it: only the
	 * member who wrote it. Staff never edit a family member's own words.
	 */
	'wish.edit': ['self'],
	/**
	 * Check in on how life is going (/checkin): family members only, each for themselves; staff
	 * read the chart but never check in for someone.
	 */
	'checkin.write': ['own'],
	/** Show one's check-in to the parents or take it back (a teenager): only the member it is about. */
	'checkin.edit': ['self'],
	/**
	 * Book, move or cancel the family's own meetings (with the contact person or a team member
	 * involved with the family), until the cut-off before a meeting.
	 */
	'meeting.book': ['own'],
	/**
	 * Book a meeting for the family (after a phone call), propose a time, move or cancel one with
	 * a word to the family, arrange the interpreter, mark it held: anyone on the team who works
	 * with the family.
	 */
	'meeting.manage': staffRelations,
	/**
	 * A goal on a wish the member can see: write one, change its words, say yes or no to a
	 * proposal, mark it reached or reopen it. Family members only: the goal is the family's.
	 */
	'goal.write': ['own'],
	/**
	 * Suggest a goal for a wish the staff member can see; it waits for a family member's yes.
	 * Staff never make a goal active themselves, and never change the family's words.
	 */
	'goal.propose': staffRelations,
	/**
	 * Help a goal along: write a note, add a next step, mark a step done or reopen it. Staff add
	 * steps for themselves and mark only their own steps (goal-steps.ts keeps them to that).
	 */
	'goal.support': ['own', ...staffRelations],
	/**
	 * Read and write the conversations one may see (who sees which is their visibility: the
	 * adults' conversations, or one member's private one) and start one: family members with a
	 * sign-in and everyone on the team who works with the family.
	 */
	'message.write': ['own', ...staffRelations],
	/**
	 * The team's side of a conversation: internal notes, handing it to a colleague, marking it
	 * done, quick replies. Never the family.
	 */
	'message.manage': staffRelations,
	/**
	 * Say "I'm interested" in a leisure job, club or activity (/activities): a member for
	 * themself, or a parent for a child of theirs. Staff suggest; the family says.
	 */
	'interest.write': ['own'],
	/** Share one's interest with the parents, or answer "still going?": the member it is for. */
	'interest.edit': ['self'],
	/** Move an interest along (the partner is contacted, started, stopped) with a note: the team. */
	'interest.manage': staffRelations,
	/**
	 * Note how things are going (an adult's work, a child's school absence, a teenager's leisure),
	 * or take back a note written by mistake: the team. The family reads them; it never writes them.
	 */
	'outcome.record': staffRelations,
	/**
	 * Change who the family's contact person is, end the family's time with the team or begin it
	 * again, add or remove the colleagues involved with it: the team leader, who keeps the caseloads even.
	 */
	'family.manage': ['leader'],
	/**
	 * Enrol a new family in the team, with its members, contact person and involved staff: the
	 * team leader of the team it joins (there is no family yet, so access.ts checks the actor's
	 * role on their own team; the audit line names the new family).
	 */
	'family.enrol': ['leader'],
	/**
	 * Keep a colleague's profile or add a colleague to the team: the team leader (access.ts
	 * staffGrant decides; the entry names no family). One's own profile is not audited.
	 */
	'staff.manage': ['leader'],
	/**
	 * Read the team's families through the API (/api/v1): one of the team's other systems, with a
	 * token the team leader made. A token acts as its team, so it reaches what the team leader
	 * reaches (access.ts apiFamilyGrant); its scopes narrow that further.
	 */
	'api.read': ['leader'],
	/** Make or revoke the team's API tokens (/staff/team/api): the team leader. */
	'apiToken.manage': ['leader'],
	/**
	 * Download the team's families, members and outcome notes for the evaluators, pseudonymised
	 * (evaluation-export.ts): the team leader. The audit line says how many, not who.
	 */
	'team.export': ['leader']
} as const satisfies Record<string, readonly ItemRelation[]>;

export type Action = keyof typeof policy;
export const auditActions = Object.keys(policy) as [Action, ...Action[]];

/** Whether a relation may take an action. */
export function allows(action: Action, relation: ItemRelation): boolean {
	return (policy[action] as readonly ItemRelation[]).includes(relation);
}

/** Who can see a family-scoped item. */
export const visibilities = ['family', 'adults', 'member_private', 'staff_only'] as const;
export type Visibility = (typeof visibilities)[number];
