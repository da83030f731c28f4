/**
 * The demo's notifications, so /staff/outbox and /account show the outbox at work from the
 * first start: Amina chose e-mail and has had two (a reply from Mette, the reminder for her next
 * meeting); Mehmet signs in with his phone and chose text messages, and one could not be sent
 * (the text-message provider was down), which the team leader sees with the reason.
 */
import { and, asc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { conversations, familyMembers, meetings, notifications, staff, users } from '../db/schema';

const ago = (hours: number) => new Date(Date.now() - hours * 3600_000);

async function userOf(db: Db, memberName: string) {
	const [row] = await db
		.select({ id: users.id, familyId: familyMembers.familyId })
		.from(users)
		.innerJoin(familyMembers, eq(familyMembers.id, users.familyMemberId))
		.where(eq(familyMembers.name, memberName));
	return row;
}

export async function seedNotifications(db: Db): Promise<void> {
	const amina = await userOf(db, 'Amina Hassan');
	const mehmet = await userOf(db, 'Mehmet Yılmaz');
	if (!amina || !mehmet) return;
	await db.update(users).set({ notifyBy: 'email' }).where(eq(users.id, amina.id));
	await db.update(users).set({ notifyBy: 'sms' }).where(eq(users.id, mehmet.id));
	const [conversation] = await db
		.select({ id: conversations.id, staffName: staff.name })
		.from(conversations)
		.innerJoin(staff, eq(staff.id, conversations.staffId))
		.where(and(eq(conversations.familyId, amina.familyId), eq(conversations.visibility, 'adults')))
		.orderBy(asc(conversations.createdAt));
	const [meeting] = await db
		.select({ id: meetings.id, startsAt: meetings.startsAt, staffName: staff.name })
		.from(meetings)
		.innerJoin(staff, eq(staff.id, meetings.staffId))
		.where(and(eq(meetings.familyId, amina.familyId), eq(meetings.status, 'booked'), gt(meetings.startsAt, sql`now()`)))
		.orderBy(asc(meetings.startsAt));
	const [mehmetsConversation] = await db
		.select({ id: conversations.id, staffName: staff.name })
		.from(conversations)
		.innerJoin(staff, eq(staff.id, conversations.staffId))
		.where(and(eq(conversations.familyId, mehmet.familyId), isNotNull(conversations.staffId)));
	const rows: (typeof notifications.$inferInsert)[] = [];
	if (conversation)
		rows.push({
			userId: amina.id,
			familyId: amina.familyId,
			kind: 'message',
			subjectId: conversation.id,
			fromName: conversation.staffName,
			status: 'sent',
			channel: 'email',
			attempts: 1,
			sentAt: ago(26),
			createdAt: ago(26)
		});
	if (meeting)
		rows.push({
			userId: amina.id,
			familyId: amina.familyId,
			kind: 'meeting_booked',
			subjectId: meeting.id,
			fromName: meeting.staffName,
			meetingAt: meeting.startsAt,
			status: 'sent',
			channel: 'email',
			attempts: 1,
			sentAt: ago(5),
			createdAt: ago(5)
		});
	if (mehmetsConversation)
		rows.push({
			userId: mehmet.id,
			familyId: mehmet.familyId,
			kind: 'message',
			subjectId: mehmetsConversation.id,
			fromName: mehmetsConversation.staffName,
			status: 'failed',
			channel: 'sms',
			attempts: 5,
			lastError: 'SMS provider answered 503',
			createdAt: ago(30)
		});
	if (rows.length) await db.insert(notifications).values(rows);
}
