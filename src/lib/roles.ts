/**
 * Who a family member is, as the pages and the sign-in rules need it. A child's age comes
 * from the birth year, so a 12-year-old becomes a teenager (and may be given a sign-in) in
 * the year they turn 13 without anyone changing a stored role.
 */
import type { MemberRole } from './codes';

export type { MemberRole } from './codes';

/** Youngest age (by birth year) at which a child may have a sign-in of their own. */
export const signInAge = 13;

/** "parent", "other_adult", "teenager" (13–17) or "child": the label the pages show. */
export type MemberKind = Exclude<MemberRole, 'child'> | 'teenager' | 'child';

export function memberKind(member: { role: MemberRole; birthYear: number | null }, year = new Date().getFullYear()): MemberKind {
	if (member.role !== 'child') return member.role;
	return member.birthYear !== null && year - member.birthYear >= signInAge ? 'teenager' : 'child';
}

/**
 * Parents, other adults and teenagers may have a sign-in; children under 13 do not. Used by
 * the service that makes sign-in links and by the staff page that offers them.
 */
export function mayHaveSignIn(member: { role: MemberRole; birthYear: number | null }, year = new Date().getFullYear()): boolean {
	return memberKind(member, year) !== 'child';
}
