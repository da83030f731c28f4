/**
 * The team's view of the outbox (/staff/outbox): what could not be sent and why, for the team
 * leader; and, in the demo without a mail server, the e-mails Opgang would have sent, so a new
 * user sees that it works. Rows come only from families the reader may see (visibleFamilies).
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { NotificationKind } from '$lib/codes';
import { isLocale, defaultLocale } from '$lib/i18n/locales';
import type { Db } from '../db';
import { familyMembers, notifications, staff, users } from '../db/schema';
import { visibleFamilies, type StaffActor } from '../access';
import type { Channels } from './channels';
import { render } from './render';

export interface OutboxRow {
	id: string;
	kind: NotificationKind;
	recipient: string;
	attempts: number;
	reason: string | null;
	at: string;
}

export interface KeptMail {
	id: string;
	recipient: string;
	to: string;
	subject: string;
	text: string;
	lang: string;
	at: string;
}

/** Who may open the page: the team leader (failures), and anyone on staff while mail is kept (the demo). */
export function mayReadOutbox(actor: StaffActor, channels: Channels): { failed: boolean; kept: boolean } {
	return { failed: actor.role === 'team_leader', kept: channels.email?.kind === 'kept' };
}

const recipientName = sql<string>`coalesce(${familyMembers.name}, ${staff.name}, '')`;

function base(db: Db) {
	return db
		.select({
			id: notifications.id,
			kind: notifications.kind,
			subjectId: notifications.subjectId,
			familyId: notifications.familyId,
			fromName: notifications.fromName,
			meetingAt: notifications.meetingAt,
			attempts: notifications.attempts,
			lastError: notifications.lastError,
			sentAt: notifications.sentAt,
			createdAt: notifications.createdAt,
			recipient: recipientName,
			email: users.email,
			locale: users.locale,
			staffId: users.staffId
		})
		.from(notifications)
		.innerJoin(users, eq(users.id, notifications.userId))
		.leftJoin(familyMembers, eq(familyMembers.id, users.familyMemberId))
		.leftJoin(staff, eq(staff.id, users.staffId))
		.$dynamic();
}

export async function failedNotifications(db: Db, actor: StaffActor): Promise<OutboxRow[]> {
	const rows = await base(db)
		.where(and(sql`${notifications.familyId} in ${visibleFamilies(actor)}`, eq(notifications.status, 'failed')))
		.orderBy(desc(notifications.createdAt))
		.limit(100);
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		recipient: r.recipient,
		attempts: r.attempts,
		reason: r.lastError,
		at: r.createdAt.toISOString()
	}));
}

export async function keptMail(db: Db, actor: StaffActor, origin: string): Promise<KeptMail[]> {
	const rows = await base(db)
		.where(
			and(
				sql`${notifications.familyId} in ${visibleFamilies(actor)}`,
				eq(notifications.status, 'sent'),
				inArray(notifications.channel, ['email'])
			)
		)
		.orderBy(desc(notifications.sentAt))
		.limit(30);
	return rows.map((r) => {
		const locale = isLocale(r.locale) ? r.locale : defaultLocale;
		const text = render({ ...r, staff: r.staffId !== null, locale }, origin);
		return {
			id: r.id,
			recipient: r.recipient,
			to: r.email ?? '',
			subject: text.subject,
			text: text.text,
			lang: locale,
			at: (r.sentAt ?? r.createdAt).toISOString()
		};
	});
}
