/**
 * The outbox's worker: claims due notifications, sends each by the channel its recipient
 * chose, and records what happened. Delivered once, whatever happens:
 * - A claim is one statement (`FOR UPDATE SKIP LOCKED`): two workers, in one process or in
 *   several on one PostgreSQL, never hold the same row.
 * - A claimed row has a lease. A worker that dies between claiming and recording is replaced
 *   once the lease runs out: the row is sent again (at most one duplicate, recognisable by its
 *   stable Message-ID), never lost.
 * - A failed try waits longer each time (1, 2, 4, 8 minutes …, out of the quiet hours); after
 *   the last it is `failed`, with the reason, on the team leader's page.
 * - What is no longer true is skipped, with the reason: a message already read, a person who
 *   chose not to be told.
 */
import { sql } from 'drizzle-orm';
import type { NotificationKind, NotifyChannel } from '$lib/codes';
import { dirOf, isLocale, defaultLocale } from '$lib/i18n/locales';
import { rowsOf, type Db } from '../db';
import { conversations, notifications } from '../db/schema';
import { unreadSql } from '../messages/conversations';
import type { Actor } from '../access';
import { describeError } from '../log';
import type { Channels } from './channels';
import { render, type Rendered } from './render';
import { forgetPushTarget, pushTargets, vapidKeys, type PushPayload } from './push';
import { afterQuiet, quietHours, type Quiet } from './timing';

export interface WorkerOptions {
	channels: Channels;
	/** Links in notifications start here (ORIGIN). */
	origin: string;
	leaseSeconds?: number;
	batch?: number;
	maxAttempts?: number;
	quiet?: Quiet | null;
	now?: () => Date;
}

export interface Claimed {
	id: string;
	userId: string;
	kind: NotificationKind;
	subjectId: string;
	familyId: string | null;
	fromName: string;
	meetingAt: Date | null;
	attempts: number;
	leaseUntil: Date;
	email: string | null;
	phone: string | null;
	locale: string;
	notifyBy: NotifyChannel | null;
	staffId: string | null;
	memberId: string | null;
}

/** Claims up to `batch` due rows — pending and due, or sending with a lapsed lease — in one statement. */
export async function claimDue(db: Db, options: Pick<WorkerOptions, 'leaseSeconds' | 'batch' | 'now'> = {}): Promise<Claimed[]> {
	const now = (options.now ?? (() => new Date()))();
	const lease = new Date(now.getTime() + (options.leaseSeconds ?? 120) * 1000);
	const result = await db.execute(sql`update ${notifications} n
		set status = 'sending', lease_until = ${lease.toISOString()}::timestamptz, attempts = n.attempts + 1
		from users u
		where u.id = n.user_id and n.id in (
			select id from ${notifications}
			where (status = 'pending' and deliver_after <= ${now.toISOString()}::timestamptz)
				or (status = 'sending' and lease_until < ${now.toISOString()}::timestamptz)
			order by deliver_after
			limit ${options.batch ?? 20}
			for update skip locked)
		returning n.id, n.user_id, n.kind, n.subject_id, n.family_id, n.from_name, n.meeting_at, n.attempts, n.lease_until,
			u.email, u.phone, u.locale, u.notify_by, u.staff_id, u.family_member_id`);
	return rowsOf<Record<string, unknown>>(result).map((r) => ({
		id: r.id as string,
		userId: r.user_id as string,
		kind: r.kind as NotificationKind,
		subjectId: r.subject_id as string,
		familyId: (r.family_id as string | null) ?? null,
		fromName: r.from_name as string,
		meetingAt: r.meeting_at ? new Date(r.meeting_at as string) : null,
		attempts: Number(r.attempts),
		leaseUntil: new Date(r.lease_until as string),
		email: (r.email as string | null) ?? null,
		phone: (r.phone as string | null) ?? null,
		locale: r.locale as string,
		notifyBy: (r.notify_by as NotifyChannel | null) ?? null,
		staffId: (r.staff_id as string | null) ?? null,
		memberId: (r.family_member_id as string | null) ?? null
	}));
}

/** The channel a person hears by: their choice, else e-mail when they have an address, else a text message when the server can send one. */
export function channelFor(person: Pick<Claimed, 'notifyBy' | 'email' | 'phone'>, channels: Channels): NotifyChannel {
	if (person.notifyBy) return person.notifyBy;
	if (person.email) return 'email';
	if (person.phone && channels.sms) return 'sms';
	return 'none';
}

type Outcome = { status: 'sent'; channel: NotifyChannel } | { status: 'skipped' | 'failed'; channel: NotifyChannel | null; reason: string };

async function stillUnread(db: Db, row: Claimed): Promise<boolean> {
	// unreadSql reads only who the reader is; the rest of an actor is not needed here.
	const reader = (row.staffId ? { kind: 'staff', staffId: row.staffId } : { kind: 'family', memberId: row.memberId }) as Actor;
	const result = await db.execute(
		sql`select ${unreadSql(reader)} as unread from ${conversations} where ${conversations.id} = ${row.subjectId}::uuid`
	);
	return rowsOf<{ unread: boolean }>(result)[0]?.unread === true;
}

async function deliver(db: Db, row: Claimed, options: WorkerOptions): Promise<Outcome> {
	const channel = channelFor(row, options.channels);
	if (channel === 'none')
		return {
			status: 'skipped',
			channel,
			reason: row.notifyBy === 'none' ? 'chose not to be told' : 'no e-mail address, and no text messages here'
		};
	if (row.kind === 'message' && !(await stillUnread(db, row))) return { status: 'skipped', channel, reason: 'read already' };
	const text = render(
		{
			kind: row.kind,
			subjectId: row.subjectId,
			familyId: row.familyId,
			fromName: row.fromName,
			meetingAt: row.meetingAt,
			staff: row.staffId !== null,
			locale: isLocale(row.locale) ? row.locale : defaultLocale
		},
		options.origin
	);
	if (channel === 'email') {
		if (!row.email) return { status: 'failed', channel, reason: 'no e-mail address' };
		if (!options.channels.email) return { status: 'failed', channel, reason: 'e-mail is not set up (SMTP_URL)' };
		const host = new URL(options.origin).hostname;
		await options.channels.email.send({
			to: row.email,
			subject: text.subject,
			text: text.text,
			html: text.html,
			messageId: `<${row.id}@${host}>`,
			lang: row.locale
		});
		return { status: 'sent', channel };
	}
	if (channel === 'sms') {
		if (!row.phone) return { status: 'failed', channel, reason: 'no phone number' };
		if (!options.channels.sms) return { status: 'failed', channel, reason: 'text messages are not set up (SMS_PROVIDER)' };
		await options.channels.sms.send(row.phone, text.sms);
		return { status: 'sent', channel };
	}
	return pushTo(db, row, text, options);
}

/** Each browser the person turned notifications on in; one that is gone is forgotten. */
async function pushTo(db: Db, row: Claimed, text: Rendered, options: WorkerOptions): Promise<Outcome> {
	const push = options.channels.push;
	if (!push) return { status: 'failed', channel: 'push', reason: 'web push is turned off on this server (WEB_PUSH)' };
	const targets = await pushTargets(db, row.userId);
	if (targets.length === 0) return { status: 'skipped', channel: 'push', reason: 'no browser has notifications on' };
	const keys = await vapidKeys(db);
	const locale = isLocale(row.locale) ? row.locale : defaultLocale;
	const payload: PushPayload = {
		title: 'Opgang',
		body: text.subject,
		url: new URL(text.link).pathname,
		lang: locale,
		dir: dirOf(locale),
		tag: `${row.kind}:${row.subjectId}`
	};
	let sent = 0;
	let error: unknown = null;
	for (const target of targets) {
		try {
			// The topic lets a push service replace an undelivered copy with its resend.
			if ((await push.send(target, payload, keys, row.id.replaceAll('-', ''))) === 'gone') await forgetPushTarget(db, target.id);
			else sent++;
		} catch (e) {
			error ??= e;
		}
	}
	if (sent > 0) return { status: 'sent', channel: 'push' };
	if (error) throw error;
	return { status: 'skipped', channel: 'push', reason: 'every browser has turned notifications off' };
}

/** Minutes before try n+1: 1, 2, 4, 8 … at most an hour. */
export function backoffMinutes(attempts: number): number {
	return Math.min(60, 2 ** Math.max(0, attempts - 1));
}

async function record(db: Db, row: Claimed, outcome: Outcome, options: WorkerOptions, now: Date): Promise<void> {
	// Only while this worker still holds the lease it took: a row another worker took over after
	// a lapse is theirs to record.
	const mine = sql`id = ${row.id}::uuid and status = 'sending' and lease_until = ${row.leaseUntil.toISOString()}::timestamptz`;
	if (outcome.status === 'sent') {
		await db.execute(sql`update ${notifications} set status = 'sent', channel = ${outcome.channel}, sent_at = ${now.toISOString()}::timestamptz,
			lease_until = null, last_error = null where ${mine}`);
	} else if (outcome.status === 'skipped' || row.attempts >= (options.maxAttempts ?? 5)) {
		await db.execute(sql`update ${notifications} set status = ${outcome.status}, channel = ${outcome.channel},
			lease_until = null, last_error = ${outcome.reason} where ${mine}`);
	} else {
		const quiet = options.quiet === undefined ? quietHours() : options.quiet;
		const next = afterQuiet(new Date(now.getTime() + backoffMinutes(row.attempts) * 60_000), quiet);
		await db.execute(sql`update ${notifications} set status = 'pending', channel = ${outcome.channel}, deliver_after = ${next.toISOString()}::timestamptz,
			lease_until = null, last_error = ${outcome.reason} where ${mine}`);
	}
}

/** One round: claims what is due and delivers it. Returns how many rows it handled. */
export async function deliverDue(db: Db, options: WorkerOptions): Promise<number> {
	const now = options.now ?? (() => new Date());
	const claimed = await claimDue(db, options);
	for (const row of claimed) {
		let outcome: Outcome;
		try {
			outcome = await deliver(db, row, options);
		} catch (error) {
			// A failing server or provider: tried again later. The reason is kept, without the address.
			outcome = { status: 'failed', channel: channelFor(row, options.channels), reason: describeError(error).slice(0, 300) };
		}
		await record(db, row, outcome, options, now());
	}
	return claimed.length;
}

export interface Worker {
	/** Looks for due rows now (after a change that should go at once). */
	wake(): void;
	stop(): Promise<void>;
}

/** Delivers due notifications every `pollMs` (OUTBOX_POLL_MS, default 10 s) until stopped. */
export function startWorker(db: Db, options: WorkerOptions & { pollMs?: number; onError?: (e: unknown) => void }): Worker {
	let stopped = false;
	let running: Promise<void> = Promise.resolve();
	let timer: NodeJS.Timeout | undefined;
	const round = async () => {
		try {
			// Keep going while full batches come back: a backlog drains without waiting for the timer.
			while (!stopped && (await deliverDue(db, options)) >= (options.batch ?? 20));
		} catch (error) {
			options.onError?.(error);
		}
	};
	const schedule = () => {
		if (stopped) return;
		timer = setTimeout(() => {
			running = round().then(schedule);
		}, options.pollMs ?? 10_000);
		timer.unref();
	};
	running = round().then(schedule);
	return {
		wake() {
			if (stopped) return;
			clearTimeout(timer);
			running = running.then(round).then(() => {
				clearTimeout(timer);
				schedule();
			});
		},
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await running;
		}
	};
}
