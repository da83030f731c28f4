/**
 * A staff member keeps their own profile: what families see on the contact card (phone,
 * languages, what they help with, in their own words per language). Only one's own row: the
 * actor's staff id comes from the session, never from a form, so nobody edits a colleague's.
 */
import { eq } from 'drizzle-orm';
import type { LifeArea } from '$lib/codes';
import type { LocalizedText } from '$lib/localized';
import type { ProfileInput } from '$lib/schemas/staff-profile';
import type { Db } from './db';
import { staff } from './db/schema';
import type { Actor } from './access';

export interface OwnProfile {
	name: string;
	phone: string | null;
	languages: string[];
	helpTopics: LifeArea[];
	helpText: LocalizedText;
}

/** The signed-in staff member's profile; null for anyone else. One statement. */
export async function getOwnProfile(db: Db, actor: Actor): Promise<OwnProfile | null> {
	if (actor.kind !== 'staff') return null;
	const [row] = await db
		.select({ name: staff.name, phone: staff.phone, languages: staff.languages, helpTopics: staff.helpTopics, helpText: staff.helpText })
		.from(staff)
		.where(eq(staff.id, actor.staffId));
	return row ? { ...row, helpTopics: row.helpTopics as LifeArea[] } : null;
}

/** Saves the signed-in staff member's own profile. */
export async function saveOwnProfile(db: Db, actor: Actor, input: ProfileInput): Promise<boolean> {
	if (actor.kind !== 'staff') return false;
	const rows = await db
		.update(staff)
		.set({ phone: input.phone, languages: input.languages, helpTopics: input.helpTopics, helpText: input.helpText })
		.where(eq(staff.id, actor.staffId))
		.returning({ id: staff.id });
	return rows.length === 1;
}
