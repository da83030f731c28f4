/**
 * One conversation: its lines (the latest 50, earlier ones by keyset), who has read how far,
 * and writing to it. Every statement starts from visibleConversations (conversations.ts), so a
 * conversation the reader may not see answers exactly like one that does not exist.
 */
import { notifyLine } from '../outbox/enqueue';
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { conversationReads, conversations, familyMembers, messages, staff } from '../db/schema';
import type { Actor, FamilyGrant } from '../access';
import { messagesPerPage, type MessageKind } from '$lib/codes';
import { visibleConversations, visibleLines } from './conversations';
import { staffThreadColumns, staffThreadOf, type StaffThreadRow, type TeamSide } from './staff';
import { announce, channel } from './live';
import { lineFiles, type FileInfo } from '../files/columns';
import { storeFiles } from '../files/message-files';
import type { PreparedFile } from '../files/prepare';

export interface Line {
	id: string;
	kind: MessageKind;
	body: string;
	lang: string | null;
	bodyDa: string | null;
	createdAt: Date;
	author: { id: string; name: string; staff: boolean; mine: boolean };
	handedTo: string | null;
	/** Its files, in the order they were sent. */
	files: FileInfo[];
}

export interface Reader {
	id: string;
	name: string;
	staff: boolean;
	readUntil: Date;
	seenAt: Date;
}

export interface Thread {
	id: string;
	familyId: string;
	subject: string;
	private: boolean;
	/** The member a private conversation belongs to. */
	memberId: string | null;
	status: 'open' | 'done';
	staff: { id: string; name: string };
	/** The language the family reads this conversation in: its private member's, else its last family writer's. */
	language: string;
	waitingSince: Date | null;
	/** Oldest first; at most messagesPerPage. */
	lines: Line[];
	/** A cursor for the lines before the first one shown, when there are any. */
	earlier: string | null;
	readers: Reader[];
	/** For staff only: the family's name, the team's quick replies and who it can be handed to. */
	team: TeamSide | null;
}

/**
 * SQL: the language the family reads a conversation in — its private member's, else that of the
 * family member who wrote last, else Danish. Correlated to the statement's `conversations` row.
 */
export const conversationLanguage = sql<string>`coalesce((select p.preferred_language from ${familyMembers} p where p.id = ${conversations.memberId}),
	(select w.preferred_language from ${messages} l join ${familyMembers} w on w.id = l.author_member_id
		where l.conversation_id = ${conversations.id} order by l.created_at desc limit 1), 'da')`;

/** A keyset cursor: the time and id of the oldest line shown ("t_id"). */
export function cursorOf(line: { createdAt: Date; id: string }): string {
	return `${line.createdAt.getTime()}_${line.id}`;
}

function parseCursor(cursor: string | null | undefined): { at: Date; id: string } | null {
	const m = /^(\d{1,15})_([0-9a-f-]{36})$/.exec(cursor ?? '');
	return m ? { at: new Date(Number(m[1])), id: m[2] } : null;
}

/**
 * The conversation `id` of the grant's family, if the actor may see it, with its latest lines
 * (or those before `before`). Two statements: the conversation with its readers, and its lines.
 */
export async function readThread(db: Db, grant: FamilyGrant, id: string, before?: string | null): Promise<Thread | null> {
	const actor = grant.actor;
	const [conv] = await db
		.select({
			id: conversations.id,
			familyId: conversations.familyId,
			subject: conversations.subject,
			visibility: conversations.visibility,
			memberId: conversations.memberId,
			status: conversations.status,
			staffId: staff.id,
			staffName: staff.name,
			waitingSince: conversations.waitingSince,
			language: conversationLanguage,
			readers: sql<Array<Omit<Reader, 'readUntil' | 'seenAt'> & { readUntil: string; seenAt: string }>>`coalesce((select json_agg(json_build_object(
					'id', coalesce(r.member_id, r.staff_id), 'name', coalesce(m.name, s.name), 'staff', r.staff_id is not null, 'readUntil', r.read_until, 'seenAt', r.seen_at) order by r.seen_at)
				from ${conversationReads} r left join ${familyMembers} m on m.id = r.member_id left join ${staff} s on s.id = r.staff_id
				where r.conversation_id = ${conversations.id}), '[]'::json)`,
			// The team's side in the same statement (a staff page keeps to its six).
			...(actor.kind === 'staff' ? staffThreadColumns : {})
		})
		.from(conversations)
		.innerJoin(staff, eq(staff.id, conversations.staffId))
		.where(and(eq(conversations.id, id), eq(conversations.familyId, grant.familyId), visibleConversations(actor)));
	if (!conv) return null;
	const cursor = parseCursor(before);
	const rows = await db
		.select({
			id: messages.id,
			kind: messages.kind,
			body: messages.body,
			lang: messages.lang,
			bodyDa: messages.bodyDa,
			createdAt: messages.createdAt,
			authorMemberId: messages.authorMemberId,
			authorStaffId: messages.authorStaffId,
			memberName: familyMembers.name,
			staffName: staff.name,
			handedTo: sql<string | null>`(select h.name from ${staff} h where h.id = ${messages.handedToStaffId})`,
			files: lineFiles
		})
		.from(messages)
		.leftJoin(familyMembers, eq(familyMembers.id, messages.authorMemberId))
		.leftJoin(staff, eq(staff.id, messages.authorStaffId))
		.where(
			and(
				eq(messages.conversationId, conv.id),
				visibleLines(actor),
				cursor ? or(lt(messages.createdAt, cursor.at), and(eq(messages.createdAt, cursor.at), lt(messages.id, cursor.id))) : undefined
			)
		)
		.orderBy(desc(messages.createdAt), desc(messages.id))
		.limit(messagesPerPage + 1);
	const more = rows.length > messagesPerPage;
	const lines = rows
		.slice(0, messagesPerPage)
		.reverse()
		.map((r) => ({
			id: r.id,
			kind: r.kind,
			body: r.body,
			lang: r.lang,
			bodyDa: actor.kind === 'staff' ? r.bodyDa : null,
			createdAt: new Date(r.createdAt),
			author: {
				id: (r.authorMemberId ?? r.authorStaffId)!,
				name: r.memberName ?? r.staffName ?? '',
				staff: r.authorStaffId !== null,
				mine: actor.kind === 'family' ? r.authorMemberId === actor.memberId : r.authorStaffId === actor.staffId
			},
			handedTo: r.handedTo,
			files: r.files
		}));
	return {
		id: conv.id,
		familyId: conv.familyId,
		subject: conv.subject,
		private: conv.visibility === 'member_private',
		memberId: conv.memberId,
		status: conv.status,
		staff: { id: conv.staffId, name: conv.staffName },
		language: conv.language,
		waitingSince: conv.waitingSince ? new Date(conv.waitingSince) : null,
		lines,
		earlier: more && lines.length ? cursorOf(lines[0]) : null,
		readers: conv.readers.map((r) => ({ id: r.id, name: r.name, staff: r.staff, readUntil: new Date(r.readUntil), seenAt: new Date(r.seenAt) })),
		team: actor.kind === 'staff' ? staffThreadOf(conv as unknown as StaffThreadRow, conv.language) : null
	};
}

/**
 * The actor has read the conversation up to `until` (the newest line they were shown). Only
 * ever forward; `seen_at` moves when something new was read, and only then are the other
 * open pages told (one statement: the mark and its announcement). Call it after readThread
 * found the conversation (it does not check access itself).
 */
export async function markRead(db: Db, actor: Actor, thread: Pick<Thread, 'id' | 'familyId'>, until: Date): Promise<void> {
	const family = actor.kind === 'family';
	const conflict = family ? sql`(conversation_id, member_id) where member_id is not null` : sql`(conversation_id, staff_id) where staff_id is not null`;
	await db.execute(sql`with moved as (
		insert into ${conversationReads} (conversation_id, family_id, member_id, staff_id, read_until)
		values (${thread.id}::uuid, ${thread.familyId}::uuid, ${family ? actor.memberId : null}::uuid, ${family ? null : actor.staffId}::uuid, ${until.toISOString()}::timestamptz)
		on conflict ${conflict} do update set seen_at = now(), read_until = excluded.read_until
			where excluded.read_until > ${conversationReads.readUntil}
		returning 1)
		select pg_notify(${channel}, ${JSON.stringify({ c: thread.id, k: 'read' })}) from moved`);
}

/** Who has seen a line, from the thread's readers (not its writer). */
export function seenBy(thread: Pick<Thread, 'readers'>, line: Pick<Line, 'createdAt' | 'author'>, staffSide: boolean): Reader[] {
	return thread.readers.filter((r) => r.staff === staffSide && r.id !== line.author.id && r.readUntil >= line.createdAt);
}

export interface SendInput {
	body: string;
	formKey: string;
	kind?: 'message' | 'note';
	/** A quick reply: the language of `body`, and its Danish for the team. */
	lang?: string | null;
	bodyDa?: string | null;
	/** A message's files (files/prepare.ts), kept with it; the body may then be empty. */
	files?: PreparedFile[];
}

export type Sent = { ok: true; id: string } | { ok: false; reason: 'notFound' };

/**
 * Writes a line to a conversation the actor may see. A family message opens the conversation
 * again and starts (or keeps) the team's waiting time; the team's first reply after it records
 * how long the family waited (for the team's figures) and ends the wait. Notes are staff-only
 * and change nothing the family sees. The form's one-time key makes a double tap one message,
 * with its files kept once.
 */
export async function sendMessage(db: Db, grant: FamilyGrant, conversationId: string, input: SendInput): Promise<Sent> {
	const actor = grant.actor;
	const kind = input.kind ?? 'message';
	if (grant.action !== (kind === 'note' ? 'message.manage' : 'message.write')) return { ok: false, reason: 'notFound' };
	if (kind === 'note' && actor.kind !== 'staff') return { ok: false, reason: 'notFound' };
	return db.transaction(async (tx) => {
		const [conv] = await tx
			.select({ id: conversations.id, teamId: conversations.teamId, staffId: conversations.staffId, waitingSince: conversations.waitingSince })
			.from(conversations)
			.where(and(eq(conversations.id, conversationId), eq(conversations.familyId, grant.familyId), visibleConversations(actor)))
			.for('update');
		if (!conv) return { ok: false, reason: 'notFound' } as const;
		const now = new Date();
		const fromFamily = actor.kind === 'family';
		const reply = !fromFamily && kind === 'message';
		const [row] = await tx
			.insert(messages)
			.values({
				conversationId: conv.id,
				familyId: grant.familyId,
				teamId: conv.teamId,
				kind,
				authorMemberId: fromFamily ? actor.memberId : null,
				authorStaffId: fromFamily ? null : actor.staffId,
				body: input.body,
				lang: input.lang ?? null,
				bodyDa: input.bodyDa ?? null,
				answersWaitSince: reply ? conv.waitingSince : null,
				formKey: input.formKey,
				createdAt: now
			})
			.onConflictDoNothing({ target: messages.formKey })
			.returning({ id: messages.id });
		if (!row) {
			const [first] = await tx
				.select({ id: messages.id })
				.from(messages)
				.where(
					and(
						eq(messages.formKey, input.formKey),
						eq(messages.conversationId, conv.id),
						fromFamily ? eq(messages.authorMemberId, actor.memberId) : eq(messages.authorStaffId, actor.staffId)
					)
				);
			return first ? ({ ok: true, id: first.id } as const) : ({ ok: false, reason: 'notFound' } as const);
		}
		if (input.files?.length && kind === 'message') {
			await storeFiles(tx as unknown as Db, { messageId: row.id, conversationId: conv.id, familyId: grant.familyId, teamId: conv.teamId }, input.files);
		}
		if (kind === 'message') {
			await tx
				.update(conversations)
				.set(
					fromFamily
						? { lastMessageAt: now, status: 'open', waitingSince: sql`coalesce(${conversations.waitingSince}, ${now.toISOString()}::timestamptz)` }
						: { lastMessageAt: now, waitingSince: null }
				)
				.where(eq(conversations.id, conv.id));
			await markRead(tx as unknown as Db, actor, { id: conv.id, familyId: grant.familyId }, now);
			await notifyLine(tx as unknown as Db, actor, { id: conv.id, familyId: grant.familyId, staffId: conv.staffId }, now);
		}
		await announce(tx as unknown as Db, { conversationId: conv.id, kind: 'line' });
		return { ok: true, id: row.id } as const;
	});
}
