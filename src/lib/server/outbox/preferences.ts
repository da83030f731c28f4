/**
 * How a person wants to hear from Opgang (/account): the choices this server can keep — e-mail
 * to the address they sign in with, a text message to their phone when text messages are set
 * up, a notification on the phones where they turned it on, or nothing — and saving one.
 */
import { eq } from 'drizzle-orm';
import type { NotifyChannel } from '$lib/codes';
import type { Db } from '../db';
import { users } from '../db/schema';
import type { SessionUser } from '../auth/session';
import type { Channels } from './channels';
import { channelFor } from './worker';
import { pushTargets } from './push';

export interface NotifyChoices {
	options: NotifyChannel[];
	current: NotifyChannel;
	/** Whether this server sends web push at all (the "turn on" button shows only then). */
	push: boolean;
	/** The browsers where this person turned notifications on. */
	devices: { id: string; device: string; createdAt: Date }[];
}

export async function notifyChoices(db: Db, user: SessionUser, channels: Channels): Promise<NotifyChoices> {
	const [[row], targets] = await Promise.all([
		db.select({ notifyBy: users.notifyBy }).from(users).where(eq(users.id, user.id)),
		channels.push ? pushTargets(db, user.id) : Promise.resolve([])
	]);
	const options: NotifyChannel[] = [];
	if (targets.length > 0) options.push('push');
	if (user.email) options.push('email');
	if (user.phone && channels.sms) options.push('sms');
	options.push('none');
	const current = channelFor({ notifyBy: row?.notifyBy ?? null, email: user.email, phone: user.phone }, channels);
	return {
		options,
		current: options.includes(current) ? current : 'none',
		push: !!channels.push,
		devices: targets.map((t) => ({ id: t.id, device: t.device, createdAt: t.createdAt }))
	};
}

/** Saves a choice this person has (false for one they do not: a text message without a phone). */
export async function setNotifyBy(db: Db, user: SessionUser, choice: NotifyChannel, channels: Channels): Promise<boolean> {
	const { options } = await notifyChoices(db, user, channels);
	if (!options.includes(choice)) return false;
	await db.update(users).set({ notifyBy: choice }).where(eq(users.id, user.id));
	return true;
}
