/**
 * Who in a family may have a sign-in of their own: parents, other adults and teenagers
 * (13-17). Children under 13 do not. Used by the service that makes sign-in links and by
 * the staff page that offers them, so the two cannot disagree.
 */
export type MemberRole = 'parent' | 'teenager' | 'child' | 'other_adult';

export function mayHaveSignIn(role: MemberRole): boolean {
	return role !== 'child';
}
