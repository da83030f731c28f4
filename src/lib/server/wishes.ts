/**
 * Wishes and dreams in a family member's own words. Who sees one is decided in access.ts
 * (visibleItems: an adult's wish is the family's, a teenager's is theirs and the team's until
 * they share it); who changes one too (authoredItems: only its writer). Every statement here
 * carries that condition, so a list, a count, a single read and a form action agree, and a
 * hidden wish answers exactly like one that does not exist.
 */
import { and, desc, eq, sql, count as countRows, type SQL } from 'drizzle-orm';
import type { Db } from './db';
import { familyMembers, goals, wishes } from './db/schema';
import { authoredItems, visibleItems, type FamilyGrant } from './access';
import type { LifeArea, WishStatus } from '$lib/codes';
import type { Wish } from '$lib/types';

const cols = { familyId: wishes.familyId, memberId: wishes.memberId, visibility: wishes.visibility };

export type { Wish } from '$lib/types';

function memberOf(grant: FamilyGrant): string | null {
	return grant.actor.kind === 'family' ? grant.actor.memberId : null;
}

/** The wishes the grant's actor may see in its family, newest first (or just the one with `id`). */
export async function listWishes(db: Db, grant: FamilyGrant, id?: string): Promise<Wish[]> {
	const me = memberOf(grant);
	const rows = await db
		.select({
			id: wishes.id,
			text: wishes.text,
			lifeArea: wishes.lifeArea,
			status: wishes.status,
			visibility: wishes.visibility,
			version: wishes.version,
			pinned: sql<boolean>`${wishes.pinnedAt} is not null`,
			authorId: wishes.memberId,
			authorName: familyMembers.name,
			authorRole: familyMembers.role,
			// A goal is seen by whoever sees its wish (goals.ts), so the wish's rule counts its goals too.
			goalCount: sql<number>`(select count(*)::int from ${goals} where ${goals.wishId} = ${wishes.id} and ${goals.status} <> 'declined')`,
			createdAt: wishes.createdAt,
			updatedAt: wishes.updatedAt
		})
		.from(wishes)
		.innerJoin(familyMembers, eq(familyMembers.id, wishes.memberId))
		.where(and(eq(wishes.familyId, grant.familyId), visibleItems(grant.actor, cols), id ? eq(wishes.id, id) : undefined))
		.orderBy(desc(sql`${wishes.pinnedAt} is not null`), desc(wishes.createdAt), desc(wishes.id));
	return rows.map(({ visibility, authorRole, ...r }) => ({
		...r,
		private: visibility === 'member_private',
		mine: r.authorId === me,
		sharable: authorRole === 'child'
	}));
}

/** One wish the actor may see, or null (hidden and missing look the same). */
export async function getWish(db: Db, grant: FamilyGrant, id: string): Promise<Wish | null> {
	return (await listWishes(db, grant, id))[0] ?? null;
}

/** How many open wishes the actor may see (the family home's link): the same rule as the list. */
export async function countWishes(db: Db, grant: FamilyGrant): Promise<number> {
	const [row] = await db
		.select({ n: countRows() })
		.from(wishes)
		.where(and(eq(wishes.familyId, grant.familyId), eq(wishes.status, 'open'), visibleItems(grant.actor, cols)));
	return row?.n ?? 0;
}

export interface WishInput {
	text: string;
	lifeArea: LifeArea | null;
}

/**
 * Writes a new wish for the signed-in member (a grant for 'wish.write'). A teenager's wish
 * starts private; they may share it. The form's one-time key makes a double tap one wish.
 */
export async function writeWish(
	db: Db,
	grant: FamilyGrant,
	input: WishInput & { formKey: string }
): Promise<{ ok: true; id: string } | { ok: false; reason: 'notAllowed' }> {
	const actor = grant.actor;
	if (actor.kind !== 'family' || grant.action !== 'wish.write') return { ok: false, reason: 'notAllowed' };
	const [row] = await db
		.insert(wishes)
		.values({
			familyId: grant.familyId,
			memberId: actor.memberId,
			text: input.text,
			lifeArea: input.lifeArea,
			// Only teenagers have a sign-in among a family's children ($lib/roles).
			visibility: actor.role === 'child' ? 'member_private' : 'family',
			formKey: input.formKey
		})
		.onConflictDoNothing({ target: wishes.formKey })
		.returning({ id: wishes.id });
	if (row) return { ok: true, id: row.id };
	// The same form sent twice: the wish it already made (only ever the actor's own).
	const [first] = await db
		.select({ id: wishes.id })
		.from(wishes)
		.where(and(eq(wishes.formKey, input.formKey), eq(wishes.memberId, actor.memberId)));
	return first ? { ok: true, id: first.id } : { ok: false, reason: 'notAllowed' };
}

export type Change<T> =
	| { ok: true; wish: T }
	| { ok: false; reason: 'notFound' }
	/** Already three wishes "most important now" (the database's limit). */
	| { ok: false; reason: 'tooMany' }
	/** Saved meanwhile from somewhere else: what is stored now, to show beside what was typed. */
	| { ok: false; reason: 'conflict'; current: { text: string; lifeArea: LifeArea | null; version: number; authorName: string } };

type Changed = { id: string; version: number };

/** Runs a change on one of the actor's own wishes, guarded by version when one is given. */
async function change(
	db: Db,
	grant: FamilyGrant,
	id: string,
	version: number | null,
	set: Partial<typeof wishes.$inferInsert>,
	only?: SQL
): Promise<Change<Changed>> {
	const mine = and(eq(wishes.id, id), eq(wishes.familyId, grant.familyId), authoredItems(grant.actor, 'wish.edit', cols), only);
	const [row] = await db
		.update(wishes)
		.set({ ...set, version: sql`${wishes.version} + 1`, updatedAt: sql`now()` })
		.where(version === null ? mine : and(mine, eq(wishes.version, version)))
		.returning({ id: wishes.id, version: wishes.version });
	if (row) return { ok: true, wish: row };
	if (version === null) return { ok: false, reason: 'notFound' };
	const [current] = await db
		.select({ text: wishes.text, lifeArea: wishes.lifeArea, version: wishes.version, authorName: familyMembers.name })
		.from(wishes)
		.innerJoin(familyMembers, eq(familyMembers.id, wishes.memberId))
		.where(mine);
	return current ? { ok: false, reason: 'conflict', current } : { ok: false, reason: 'notFound' };
}

/** New words (and life area) for the actor's own wish, from the version they were shown. */
export function editWish(db: Db, grant: FamilyGrant, input: WishInput & { id: string; version: number }): Promise<Change<Changed>> {
	return change(db, grant, input.id, input.version, { text: input.text, lifeArea: input.lifeArea });
}

/** Came true, let go, or back to open: only its writer says so. */
export function setWishStatus(db: Db, grant: FamilyGrant, input: { id: string; status: WishStatus }): Promise<Change<Changed>> {
	// A wish that came true or was let go is no longer "most important now".
	return change(db, grant, input.id, null, input.status === 'open' ? { status: 'open' } : { status: input.status, pinnedAt: null });
}

/** A teenager shows their wish to the parents, or takes it back. Adults' wishes are the family's already. */
export async function shareWish(db: Db, grant: FamilyGrant, input: { id: string; shared: boolean }): Promise<Change<Changed>> {
	if (grant.actor.kind !== 'family' || grant.actor.role !== 'child') return { ok: false, reason: 'notFound' };
	return change(db, grant, input.id, null, { visibility: input.shared ? 'family' : 'member_private' });
}

/** Marks an open wish of one's own as "most important now" (at most three), or not any more. */
export async function pinWish(db: Db, grant: FamilyGrant, input: { id: string; pinned: boolean }): Promise<Change<Changed>> {
	try {
		return await change(db, grant, input.id, null, { pinnedAt: input.pinned ? new Date() : null }, eq(wishes.status, 'open'));
	} catch (e) {
		if ((e as { cause?: { code?: string } }).cause?.code === '23514') return { ok: false, reason: 'tooMany' };
		throw e;
	}
}
