/**
 * The team's side of conversations: the caseworker's inbox across the families they work with
 * (visibleConversations decides, as for family pages), handing a conversation to a colleague,
 * marking it done, and the quick replies the team keeps.
 */
import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { conversations, families, familyMembers, messages, quickReplies, staff } from '../db/schema';
import { staffRelation, type FamilyGrant, type StaffActor } from '../access';
import { pickText, type LocalizedText } from '$lib/localized';
import { standingInFor, unreadSql, visibleConversations } from './conversations';
import { announce } from './live';

export const inboxFilters = ['all', 'unread', 'waiting', 'mine', 'stand_in'] as const;
export type InboxFilter = (typeof inboxFilters)[number];

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
	last: { body: string; author: string } | null;
}

/** How many rows the inbox shows at once. */
export const inboxPageSize = 50;

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
			last: sql<{ body: string; author: string } | null>`(select json_build_object('body', left(l.body, 140),
				'author', coalesce((select fm.name from ${familyMembers} fm where fm.id = l.author_member_id),
					(select s.name from ${staff} s where s.id = l.author_staff_id)))
				from ${messages} l where l.conversation_id = ${conversations.id} and l.kind = 'message'
				order by l.created_at desc, l.id desc limit 1)`
		})
		.from(conversations)
		.innerJoin(families, eq(families.id, conversations.familyId))
		.innerJoin(staff, eq(staff.id, conversations.staffId))
		.leftJoin(familyMembers, eq(familyMembers.id, conversations.memberId))
		.where(and(visibleConversations(actor), where[filter]))
		.orderBy(
			...(filter === 'waiting'
				? [asc(conversations.waitingSince), asc(conversations.id)]
				: [desc(conversations.lastMessageAt), desc(conversations.id)])
		)
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

type Done = { ok: true } | { ok: false; reason: 'notFound' };

function staffOf(grant: FamilyGrant): StaffActor | null {
	return grant.action === 'message.manage' && grant.actor.kind === 'staff' ? grant.actor : null;
}

/**
 * Hands a conversation to a colleague on the family's team (the foreign key keeps it in the
 * team): the family sees who answers now, and the line says who handed it to whom.
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
					sql`exists (select 1 from ${staff} s where s.id = ${toStaffId}::uuid and s.team_id = ${conversations.teamId})`
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
