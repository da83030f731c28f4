import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { getDatabase } from '$lib/server/db';
import { describeDevice, endOtherSessions, endOwnSession, listSessions } from '$lib/server/auth/session';
import { requireUser } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http/form';
import { tokenIdField } from '$lib/schemas/forms';
import { formatPhone } from '$lib/login';
import { notifyChannels } from '$lib/codes';
import { notifyChoices, setNotifyBy } from '$lib/server/outbox/preferences';
import { serverChannels } from '$lib/server/outbox/channels';
import { removePushTargets, savePushTarget, vapidKeys } from '$lib/server/outbox/push';
import { pushTargetForm } from '$lib/schemas/push';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db } = await getDatabase();
	const channels = serverChannels();
	const [sessions, notify, keys] = await Promise.all([
		listSessions(db, user.id),
		notifyChoices(db, user, channels),
		channels.push ? vapidKeys(db) : null
	]);
	return {
		notify: {
			...notify,
			devices: notify.devices.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
			email: user.email,
			phone: user.phone ? formatPhone(user.phone) : null,
			// The key a browser's push subscription is made for (public by nature).
			pushKey: keys?.publicKey ?? null
		},
		// What they sign in with: the e-mail, else the phone number.
		login: user.email ?? (user.phone ? formatPhone(user.phone) : ''),
		newPassword: event.url.searchParams.has('new-password'),
		sessions: sessions.map((s) => ({
			id: s.id,
			device: s.device,
			createdAt: s.createdAt.toISOString(),
			lastActiveAt: s.lastActiveAt.toISOString(),
			current: s.id === event.locals.sessionId
		}))
	};
};

export const actions: Actions = {
	end: async (event) => {
		const user = requireUser(event);
		const id = tokenIdField.safeParse((await readForm(event.request)).session);
		// A malformed id is a session that cannot be found, like someone else's.
		if (!id.success) return fail(404, { error: 'account.alreadyEnded' });
		if (id.data === event.locals.sessionId) return fail(400, { error: 'account.useSignOut' });
		const { db } = await getDatabase();
		const ended = await endOwnSession(db, user.id, id.data);
		return ended ? { ended: 1 } : fail(404, { error: 'account.alreadyEnded' });
	},
	notify: async (event) => {
		const user = requireUser(event);
		const choice = z.enum(notifyChannels).safeParse((await readForm(event.request)).notifyBy);
		const { db } = await getDatabase();
		if (!choice.success || !(await setNotifyBy(db, user, choice.data, serverChannels())))
			return fail(400, { notifyError: 'account.notifyUnavailable' });
		return { notifySaved: true };
	},
	/** The "turn on" button: this browser's push subscription (sent by script; nothing to do without it). */
	push: async (event) => {
		const user = requireUser(event);
		const target = pushTargetForm.safeParse(await readForm(event.request));
		if (!target.success || !serverChannels().push) return fail(400, { pushError: 'account.pushFailed' });
		const { db } = await getDatabase();
		await savePushTarget(db, user.id, target.data, describeDevice(event.request.headers.get('user-agent')));
		return { pushOn: true };
	},
	pushOff: async (event) => {
		const user = requireUser(event);
		await readForm(event.request);
		const { db } = await getDatabase();
		await removePushTargets(db, user.id);
		return { pushOff: true };
	},
	endOthers: async (event) => {
		const user = requireUser(event);
		const { db } = await getDatabase();
		return { ended: await endOtherSessions(db, user.id, event.locals.sessionId!) };
	}
};
