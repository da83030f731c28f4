/**
 * The team's side of conversations: the caseworker's inbox across the families they work with
 * (visibleConversations decides, as for family pages), handing a conversation to a colleague,
 * marking it done, and the quick replies the team keeps.
 */
import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db';
import { conversations, families, familyMembers, messages, quickReplies, staff } from '../db/schema';
import { grantAllows, staffRelation, worksWithFamily, type FamilyGrant, type StaffActor } from '../access';
import { pickText, type LocalizedText } from '$lib/localized';
import { standingInFor, unreadSql, visibleConversations } from './conversations';
import { conversationLanguage, sendMessage, type Sent } from './thread';
import { announce } from './live';
import { previewFileCounts } from '../files/columns';
import type { LastLine } from './conversations';
import { inboxFilters, type InboxFilter } from '$lib/messages/filters';

export { inboxFilters, type InboxFilter };

export interface InboxRow {
	id: string;
	familyId: string;
	familyName: string;
	subject: string;
	/** A private conversation's one member (a teenager writing to the team). */
	memberName: string | null;
	staffName: string;
	mine: boolean;
	status: 'open' | 'done';
	waitingSince: Date | null;
	lastMessageAt: Date;
	unread: boolean;
	last: LastLine | null;
}

/** How many rows the inbox shows at once. */
export const inboxPageSize = 50;

/** The rows of the inbox (or of one family's conversations): `where` narrows what the actor may see, never widens it. */
async function inboxRows(db: Db, actor: StaffActor, where: SQL | undefined, order: SQL[], page: number): Promise<{ rows: InboxRow[]; more: boolean }> {
	const rows = await db
		.select({
			id: conversations.id,
			familyId: conversations.familyId,
			familyName: families.name,
			subject: conversations.subject,
			memberName: familyMembers.name,
			staffId: staff.id,
			staffName: staff.name,
			status: conversations.status,
			waitingSince: conversations.waitingSince,
			lastMessageAt: conversations.lastMessageAt,
			unread: unreadSql(actor),
			last: sql<LastLine | null>`(select json_build_object('body', left(l.body, 140),
				'author', coalesce((select fm.name from ${familyMembers} fm where fm.id = l.author_member_id),
					(select s.name from ${staff} s where s.id = l.author_staff_id)), ${previewFileCounts})
				from ${messages} l where l.conversation_id = ${conversations.id} and l.kind = 'message'
				order by l.created_at desc, l.id desc limit 1)`
		})
		.from(conversations)
		.innerJoin(families, eq(families.id, conversations.familyId))
		.innerJoin(staff, eq(staff.id, conversations.staffId))
		.leftJoin(familyMembers, eq(familyMembers.id, conversations.memberId))
		.where(and(visibleConversations(actor), where))
		.orderBy(...order)
		.limit(inboxPageSize + 1)
		.offset(page * inboxPageSize);
	return {
		rows: rows.slice(0, inboxPageSize).map(({ staffId, ...r }) => ({
			...r,
			mine: staffId === actor.staffId,
			waitingSince: r.waitingSince ? new Date(r.waitingSince) : null,
			lastMessageAt: new Date(r.lastMessageAt)
		})),
		more: rows.length > inboxPageSize
	};
}

const newestFirst = [desc(conversations.lastMessageAt), desc(conversations.id)];

/** The staff member's inbox, newest activity first (the waiting ones: longest waiting first). */
export async function staffInbox(
	db: Db,
	actor: StaffActor,
	filter: InboxFilter = 'all',
	page = 0
): Promise<{ rows: InboxRow[]; more: boolean }> {
	const where: Record<InboxFilter, SQL | undefined> = {
		all: undefined,
		unread: unreadSql(actor),
		waiting: and(sql`${conversations.waitingSince} is not null`, eq(conversations.status, 'open')),
		mine: or(eq(conversations.staffId, actor.staffId), standingInFor(actor.staffId)),
		stand_in: sql`${staffRelation(actor)} = 'stand_in'`
	};
	const order = filter === 'waiting' ? [asc(conversations.waitingSince), asc(conversations.id)] : newestFirst;
	return inboxRows(db, actor, where[filter], order, page);
}

/** The conversations of the grant's family that the staff member may see, newest activity first. */
export async function familyConversations(db: Db, grant: FamilyGrant, page = 0): Promise<{ rows: InboxRow[]; more: boolean }> {
	if (grant.actor.kind !== 'staff') return { rows: [], more: false };
	return inboxRows(db, grant.actor, eq(conversations.familyId, grant.familyId), newestFirst, page);
}

const colleague = alias(staff, 'colleague');

type Done = { ok: true } | { ok: false; reason: 'notFound' };

function staffOf(grant: FamilyGrant): StaffActor | null {
	return grant.action === 'message.manage' && grant.actor.kind === 'staff' ? grant.actor : null;
}

/**
 * Hands a conversation to a colleague on the family's team who works with the family (so they
 * can open it; the foreign key keeps it in the team whatever the code does): the family sees
 * who answers now, and the line says who handed it to whom.
 */
export async function handOver(db: Db, grant: FamilyGrant, conversationId: string, toStaffId: string, formKey: string): Promise<Done> {
	const actor = staffOf(grant);
	if (!actor) return { ok: false, reason: 'notFound' };
	return db.transaction(async (tx) => {
		const [conv] = await tx
			.update(conversations)
			.set({ staffId: toStaffId, lastMessageAt: new Date() })
			.where(
				and(
					eq(conversations.id, conversationId),
					eq(conversations.familyId, grant.familyId),
					visibleConversations(actor),
					sql`${conversations.staffId} <> ${toStaffId}::uuid`,
					// A colleague who works with the family (and so will see what is handed over).
					sql`exists (select 1 from ${families} join ${staff} colleague on ${colleague.id} = ${toStaffId}::uuid
						where ${families.id} = ${conversations.familyId} and ${worksWithFamily(colleague)})`
				)
			)
			.returning({ id: conversations.id, teamId: conversations.teamId });
		if (!conv) return { ok: false, reason: 'notFound' } as const;
		await tx
			.insert(messages)
			.values({
				conversationId: conv.id,
				familyId: grant.familyId,
				teamId: conv.teamId,
				kind: 'handover',
				authorStaffId: actor.staffId,
				handedToStaffId: toStaffId,
				body: '',
				formKey,
				createdAt: new Date()
			})
			.onConflictDoNothing({ target: messages.formKey });
		await announce(tx as unknown as Db, { conversationId: conv.id, kind: 'line' });
		return { ok: true } as const;
	});
}

/** Marks a conversation done (or open again); a new message from the family opens it again by itself. */
export async function setStatus(db: Db, grant: FamilyGrant, conversationId: string, status: 'open' | 'done'): Promise<Done> {
	const actor = staffOf(grant);
	if (!actor) return { ok: false, reason: 'notFound' };
	return db.transaction(async (tx) => {
		const rows = await tx
			.update(conversations)
			.set({ status, ...(status === 'done' ? { waitingSince: null } : {}) })
			.where(and(eq(conversations.id, conversationId), eq(conversations.familyId, grant.familyId), visibleConversations(actor)))
			.returning({ id: conversations.id });
		if (!rows.length) return { ok: false, reason: 'notFound' } as const;
		await announce(tx as unknown as Db, { conversationId, kind: 'status' });
		return { ok: true } as const;
	});
}

export interface QuickReply {
	id: string;
	/** What the team reads (Danish). */
	da: string;
	texts: LocalizedText;
}

/** The quick replies of the staff member's team, in order. */
export async function teamQuickReplies(db: Db, actor: StaffActor): Promise<QuickReply[]> {
	const rows = await db
		.select({ id: quickReplies.id, texts: quickReplies.texts })
		.from(quickReplies)
		.where(eq(quickReplies.teamId, actor.teamId))
		.orderBy(asc(quickReplies.position), asc(quickReplies.createdAt));
	return rows.map((r) => ({ id: r.id, texts: r.texts, da: r.texts.da ?? '' }));
}

/**
 * A quick reply as it goes out: in `language` when the team has it, else Danish; with the
 * Danish kept for the team to read. Null when the id is not one of the team's.
 */
export function quickReplyText(replies: QuickReply[], id: string, language: string): { body: string; lang: string; bodyDa: string } | null {
	const reply = replies.find((r) => r.id === id);
	const picked = reply ? pickText(reply.texts, language) : null;
	return reply && picked ? { body: picked.text, lang: picked.lang, bodyDa: reply.da } : null;
}

/**
 * Sends one of the team's quick replies in a conversation: in the language the family reads it
 * in when the team has it, else Danish, with the Danish kept for the team. The write grant
 * sends it (as any reply); quick replies are the team's ('message.manage') too.
 */
export async function sendQuickReply(db: Db, grant: FamilyGrant, conversationId: string, replyId: string, formKey: string): Promise<Sent> {
	const actor = grant.actor;
	if (actor.kind !== 'staff' || !grantAllows(grant, 'message.manage')) return { ok: false, reason: 'notFound' };
	const [row] = await db
		.select({ texts: quickReplies.texts, language: conversationLanguage })
		.from(conversations)
		.innerJoin(quickReplies, eq(quickReplies.teamId, conversations.teamId))
		.where(
			and(
				eq(conversations.id, conversationId),
				eq(conversations.familyId, grant.familyId),
				visibleConversations(actor),
				eq(quickReplies.id, replyId)
			)
		);
	const text = row ? quickReplyText([{ id: replyId, texts: row.texts, da: row.texts.da ?? '' }], replyId, row.language) : null;
	if (!text) return { ok: false, reason: 'notFound' };
	return sendMessage(db, grant, conversationId, { ...text, formKey });
}

/**
 * SQL: how many of one family's conversations the actor may see wait for the team's reply
 * (the staff's family page), for a statement with tables joined (drizzle qualifies columns).
 */
export function waitingCountSql(actor: StaffActor, familyId: string): SQL<number> {
	return sql<number>`(select count(*)::int from ${conversations} where ${conversations.familyId} = ${familyId}::uuid
		and ${visibleConversations(actor)} and ${conversations.waitingSince} is not null and ${conversations.status} = 'open')`;
}
