/**
 * Conversations between a family and its team: who sees one is its visibility, decided in
 * access.ts (visibleItems): the adults' conversations are seen by the family's adults and the
 * team; a private one by its one member (a teenager writing to the team) and the team. Every
 * statement here carries that condition, so a list, an unread count and a single read agree,
 * and a teenager's conversation is invisible to the parents everywhere — it answers exactly
 * like one that does not exist.
 */
import { notifyLine } from '../outbox/enqueue';
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { absences, conversationReads, conversations, copenhagenToday, families, familyMembers, familyStaff, messages, staff } from '../db/schema';
import { visibleFamilies, visibleItems, type Actor, type FamilyGrant } from '../access';
import { allows } from '../policy';
import { previewFileCounts } from '../files/columns';
import { storeFiles } from '../files/message-files';
import type { PreparedFile } from '../files/prepare';

/** The visibility columns of a conversation, for access.ts. */
export const conversationCols = { familyId: conversations.familyId, memberId: conversations.memberId, visibility: conversations.visibility };

/** SQL: conversations the actor may see (every list, count and read starts here). */
export function visibleConversations(actor: Actor): SQL {
	return visibleItems(actor, conversationCols);
}

/**
 * SQL: the lines of a conversation the actor may read, on top of seeing the conversation:
 * the team's notes are never the family's (policy 'family.staffItems.read').
 */
export function visibleLines(actor: Actor): SQL {
	const readsNotes = actor.kind === 'staff' ? allows('family.staffItems.read', 'contact') : allows('family.staffItems.read', 'own');
	return readsNotes ? sql`true` : sql`${messages.kind} <> 'note'`;
}

/** SQL: the newest line the actor may read that someone else wrote is newer than what they have read. */
export function unreadSql(actor: Actor): SQL<boolean> {
	const mine = actor.kind === 'family' ? conversationReads.memberId : conversationReads.staffId;
	const me = actor.kind === 'family' ? actor.memberId : actor.staffId;
	// For staff, new is what the family wrote; for a family member, what anyone else wrote.
	const fromOthers =
		actor.kind === 'family'
			? sql`(${messages.authorMemberId} is null or ${messages.authorMemberId} <> ${me}::uuid)`
			: sql`${messages.authorMemberId} is not null`;
	return sql<boolean>`exists (select 1 from ${messages} where ${messages.conversationId} = ${conversations.id}
		and ${messages.kind} = 'message' and ${fromOthers}
		and ${messages.createdAt} > coalesce((select ${conversationReads.readUntil} from ${conversationReads}
			where ${conversationReads.conversationId} = ${conversations.id} and ${mine} = ${me}::uuid), '-infinity'::timestamptz))`;
}

/** A list's preview of a conversation's newest message. */
export interface LastLine {
	body: string;
	author: string;
	files: number;
	photos: number;
}

export interface ConversationRow {
	id: string;
	subject: string;
	private: boolean;
	status: 'open' | 'done';
	staffName: string;
	lastMessageAt: Date;
	unread: boolean;
	/** The newest line the reader may read, shortened for the list, with how many files (and photos) it has. */
	last: LastLine | null;
}

/** The conversations of the grant's family the actor may see, newest activity first. */
export async function listConversations(db: Db, grant: FamilyGrant): Promise<ConversationRow[]> {
	const actor = grant.actor;
	const rows = await db
		.select({
			id: conversations.id,
			subject: conversations.subject,
			visibility: conversations.visibility,
			status: conversations.status,
			staffName: staff.name,
			lastMessageAt: conversations.lastMessageAt,
			unread: unreadSql(actor),
			last: sql<LastLine | null>`(select json_build_object('body', left(l.body, 140),
				'author', coalesce((select ${familyMembers.name} from ${familyMembers} where ${familyMembers.id} = l.author_member_id),
					(select s.name from ${staff} s where s.id = l.author_staff_id)), ${previewFileCounts})
				from ${messages} l where l.conversation_id = ${conversations.id} and l.kind = 'message'
				order by l.created_at desc, l.id desc limit 1)`
		})
		.from(conversations)
		.innerJoin(staff, eq(staff.id, conversations.staffId))
		.where(and(eq(conversations.familyId, grant.familyId), visibleConversations(actor)))
		.orderBy(desc(conversations.lastMessageAt), desc(conversations.id));
	return rows.map(({ visibility, ...r }) => ({ ...r, private: visibility === 'member_private', lastMessageAt: new Date(r.lastMessageAt) }));
}

/** How many conversations have something the actor has not read (the header's figure). */
export async function unreadCount(db: Db, actor: Actor): Promise<number> {
	const scope =
		actor.kind === 'family'
			? eq(conversations.familyId, actor.familyId)
			: // Staff: the conversations they answer, and those of an away colleague they stand in for.
				and(
					inArray(conversations.familyId, visibleFamilies(actor)),
					or(eq(conversations.staffId, actor.staffId), standingInFor(actor.staffId))
				);
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(conversations)
		// A join, so drizzle names every column with its table (the subqueries compare with the outer row).
		.innerJoin(families, eq(families.id, conversations.familyId))
		.where(and(scope, visibleConversations(actor), unreadSql(actor)));
	return row?.n ?? 0;
}

/** SQL: the conversation's staff member is away today and `staffId` stands in for them. */
export function standingInFor(staffId: string): SQL {
	return sql`exists (select 1 from ${absences} where ${absences.staffId} = ${conversations.staffId} and ${absences.standInId} = ${staffId}::uuid
		and ${absences.startsOn} <= ${copenhagenToday} and ${absences.endsOn} >= ${copenhagenToday})`;
}

/** The team members a family member may write to: the contact person first, then those involved with the family. */
export async function addressees(db: Db, grant: FamilyGrant): Promise<{ id: string; name: string; contact: boolean }[]> {
	const rows = await db
		.select({ id: staff.id, name: staff.name, contact: sql<boolean>`${staff.id} = ${families.contactPersonId}` })
		.from(families)
		.innerJoin(
			staff,
			or(
				eq(staff.id, families.contactPersonId),
				sql`${staff.id} in (select ${familyStaff.staffId} from ${familyStaff} where ${familyStaff.familyId} = ${grant.familyId}::uuid)`
			)
		)
		.where(eq(families.id, grant.familyId))
		.orderBy(desc(sql`${staff.id} = ${families.contactPersonId}`), staff.name);
	return rows;
}

export interface StartInput {
	subject: string;
	body: string;
	/** Who on the team it is written to (family: the contact person or someone involved). */
	staffId: string;
	/** Staff only: write to this one member privately; null writes to the family's adults. */
	memberId?: string | null;
	formKey: string;
	/** The first message's files (files/prepare.ts); the body may then be empty. */
	files?: PreparedFile[];
}

export type Started = { ok: true; id: string } | { ok: false; reason: 'notFound' };

/**
 * Starts a conversation with its first message. A family member writes to the contact person
 * or a team member involved with the family; a teenager's conversation is theirs and the
 * team's only. Staff write to the family's adults or to one member. A double tap starts one
 * (and keeps its files once).
 */
export async function startConversation(db: Db, grant: FamilyGrant, input: StartInput): Promise<Started> {
	const actor = grant.actor;
	if (grant.action !== 'message.write') return { ok: false, reason: 'notFound' };
	const teen = actor.kind === 'family' && actor.role === 'child';
	const memberId = actor.kind === 'family' ? (teen ? actor.memberId : null) : (input.memberId ?? null);
	return db.transaction(async (tx) => {
		// The addressee must be the contact person or involved with the family (a family writes to
		// its own people); staff may hand it to anyone on the family's team (the foreign key).
		const [family] = await tx
			.select({ teamId: families.teamId })
			.from(families)
			.where(
				and(
					eq(families.id, grant.familyId),
					actor.kind === 'family'
						? or(
								eq(families.contactPersonId, input.staffId),
								sql`exists (select 1 from ${familyStaff} where ${familyStaff.familyId} = ${families.id} and ${familyStaff.staffId} = ${input.staffId}::uuid)`
							)
						: sql`exists (select 1 from ${staff} where ${staff.id} = ${input.staffId}::uuid and ${staff.teamId} = ${families.teamId})`,
					memberId && actor.kind === 'staff'
						? sql`exists (select 1 from ${familyMembers} where ${familyMembers.id} = ${memberId}::uuid and ${familyMembers.familyId} = ${families.id})`
						: undefined
				)
			);
		if (!family) return { ok: false, reason: 'notFound' } as const;
		const now = new Date();
		const fromFamily = actor.kind === 'family';
		const [conv] = await tx
			.insert(conversations)
			.values({
				familyId: grant.familyId,
				teamId: family.teamId,
				visibility: memberId ? 'member_private' : 'adults',
				memberId,
				subject: input.subject,
				staffId: input.staffId,
				startedByMemberId: fromFamily ? actor.memberId : null,
				startedByStaffId: fromFamily ? null : actor.staffId,
				waitingSince: fromFamily ? now : null,
				lastMessageAt: now,
				formKey: input.formKey,
				createdAt: now
			})
			.onConflictDoNothing({ target: conversations.formKey })
			.returning({ id: conversations.id });
		if (!conv) {
			// The same form sent twice: the conversation it already started (only ever the actor's own).
			const [first] = await tx
				.select({ id: conversations.id })
				.from(conversations)
				.where(
					and(
						eq(conversations.formKey, input.formKey),
						fromFamily ? eq(conversations.startedByMemberId, actor.memberId) : eq(conversations.startedByStaffId, actor.staffId)
					)
				);
			return first ? ({ ok: true, id: first.id } as const) : ({ ok: false, reason: 'notFound' } as const);
		}
		const [first] = await tx
			.insert(messages)
			.values({
			conversationId: conv.id,
			familyId: grant.familyId,
			teamId: family.teamId,
			authorMemberId: fromFamily ? actor.memberId : null,
			authorStaffId: fromFamily ? null : actor.staffId,
			body: input.body,
			formKey: input.formKey,
			createdAt: now
		})
			.returning({ id: messages.id });
		await storeFiles(tx as unknown as Db, { messageId: first.id, conversationId: conv.id, familyId: grant.familyId, teamId: family.teamId }, input.files ?? []);
		// The writer has read what they wrote.
		await tx.insert(conversationReads).values({
			conversationId: conv.id,
			familyId: grant.familyId,
			memberId: fromFamily ? actor.memberId : null,
			staffId: fromFamily ? null : actor.staffId,
			readUntil: now
		});
		await notifyLine(tx as unknown as Db, actor, { id: conv.id, familyId: grant.familyId, staffId: input.staffId }, now);
		return { ok: true, id: conv.id } as const;
	});
}

/** Whether the actor may see conversation `id` of the grant's family (the live page's check). */
export async function conversationVisible(db: Db, grant: FamilyGrant, id: string): Promise<boolean> {
	const [row] = await db
		.select({ id: conversations.id })
		.from(conversations)
		.where(and(eq(conversations.id, id), eq(conversations.familyId, grant.familyId), visibleConversations(grant.actor)));
	return Boolean(row);
}
