/**
 * Notifications (the outbox): written with the change that causes them, delivered once by the
 * worker to a real SMTP server started here (smtp-server, read back with mailparser), in the
 * recipient's language, with a link and nothing personal; never to someone who may not see
 * the item; once after a crash; never twice by two workers.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { and, eq, inArray } from 'drizzle-orm';
import { describeEachBackend, secondInstance } from './harness';
import { familyActor, grantFor, makeFamily, makeStaff, makeTeam, makeUser, staffActor, makePhoneUser } from './fixtures';
import { ownFamily, type FamilyActor } from '../../src/lib/server/access';
import { startConversation } from '../../src/lib/server/messages/conversations';
import { markRead, sendMessage } from '../../src/lib/server/messages/thread';
import { bookMeeting, slotsOf, staffCalendar } from '../../src/lib/server/meetings/booking';
import { cancelMeeting } from '../../src/lib/server/meetings/meetings';
import { staffMove } from '../../src/lib/server/meetings/staff';
import { proposeGoal, writeGoal } from '../../src/lib/server/goals';
import { addStep } from '../../src/lib/server/goal-steps';
import { notifyDueSteps } from '../../src/lib/server/outbox/enqueue';
import { copenhagenDate } from '../../src/lib/i18n/format';
import { writeWish } from '../../src/lib/server/wishes';
import { availabilityWindows, notifications, users } from '../../src/lib/server/db/schema';
import { claimDue, deliverDue, type WorkerOptions } from '../../src/lib/server/outbox/worker';
import { smtpChannel, type Channels, type Mail } from '../../src/lib/server/outbox/channels';
import { translatorFor } from '../../src/lib/server/i18n';
import type { Db } from '../../src/lib/server/db';

const origin = 'https://opgang.aarslev.example';
let smtp: SMTPServer;
let smtpUrl = '';
const inbox: ParsedMail[] = [];

beforeAll(async () => {
	// The worker's clock is the test's: no quiet hours, no gathering pause (each test that needs them sets its own).
	process.env.NOTIFY_QUIET_HOURS = 'off';
	process.env.NOTIFY_GATHER_SECONDS = '0';
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		// No DNS lookup of 127.0.0.1 per connection (slow where there is no resolver).
		disableReverseLookup: true,
		logger: false,
		onData(stream, _session, callback) {
			simpleParser(stream).then(
				(mail) => {
					inbox.push(mail);
					callback();
				},
				(e) => callback(e)
			);
		}
	});
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	delete process.env.NOTIFY_QUIET_HOURS;
	delete process.env.NOTIFY_GATHER_SECONDS;
	await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describeEachBackend('outbox', (ctx) => {
	const mailTo = (address: string) => inbox.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '') === address);

	function options(over: Partial<WorkerOptions> = {}): WorkerOptions {
		return { channels: { email: smtpChannel(smtpUrl, 'Opgang <opgang@aarslev.example>'), sms: null }, origin, quiet: null, ...over };
	}

	/** Delivers everything due now (and, with `at`, what is due then). */
	async function drain(db: Db, over: Partial<WorkerOptions> = {}) {
		let n = 0;
		while ((await deliverDue(db, options(over))) > 0 && n < 50) n++;
	}

	async function world() {
		const { db } = ctx();
		// Each test sees only its own rows: what earlier tests left waiting (a lease, a retry) is set aside.
		await db
			.update(notifications)
			.set({ status: 'skipped', leaseUntil: null })
			.where(inArray(notifications.status, ['pending', 'sending']));
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id, { name: 'Mette Lund' });
		const year = new Date().getFullYear();
		const { family, members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'parent', name: 'Amina Hassan', preferredLanguage: 'ar' },
			{ role: 'other_adult', name: 'Halima Hassan' },
			{ role: 'child', name: 'Yusuf Hassan', birthYear: year - 15 }
		]);
		const other = await makeFamily(db, team.id, contact.id, [{ role: 'parent', name: 'Søren Nabo' }]);
		const parentUser = await makeUser(db, { familyMemberId: members[0].id });
		await db.update(users).set({ locale: 'ar' }).where(eq(users.id, parentUser.id));
		const grandmaUser = await makePhoneUser(db, { familyMemberId: members[1].id });
		const teenUser = await makeUser(db, { familyMemberId: members[2].id });
		const otherUser = await makeUser(db, { familyMemberId: other.members[0].id });
		const contactUser = await makeUser(db, { staffId: contact.id });
		const actors = {
			parent: { ...familyActor(members[0], parentUser.id), locale: 'ar' as const },
			grandma: familyActor(members[1], grandmaUser.id),
			teen: familyActor(members[2], teenUser.id),
			contact: staffActor(contact, contactUser.id)
		};
		return { db, team, family, members, contact, other, users: { parentUser, grandmaUser, teenUser, otherUser, contactUser }, actors };
	}
	type World = Awaited<ReturnType<typeof world>>;

	const rowsFor = (db: Db, userIds: string[]) => db.select().from(notifications).where(inArray(notifications.userId, userIds));

	async function staffWrites(w: World, memberId: string | null, body: string) {
		const started = await startConversation(w.db, await grantFor(w.db, w.actors.contact, w.family.id, 'message.write'), {
			subject: 'Husleje',
			body,
			staffId: w.contact.id,
			memberId,
			formKey: randomUUID()
		});
		if (!started.ok) throw new Error('not started');
		return started.id;
	}

	it("a reply from the team reaches the family's adults by their channel, in their language, with a link and none of its words", async () => {
		const w = await world();
		const id = await staffWrites(w, null, 'Huslejen på 4.300 kr. er betalt for december');
		await drain(w.db);
		const [mail] = mailTo(w.users.parentUser.email);
		expect(mail).toBeDefined();
		// Arabic, right to left, from Mette by name, with a link to the conversation.
		expect(mail.subject).toBe(translatorFor('ar')('notify.family.message', { name: 'Mette Lund' }));
		expect(mail.text).toContain(`${origin}/messages/${id}`);
		expect(mail.html).toContain('dir="rtl"');
		expect(mail.html).toContain('lang="ar"');
		expect(mail.headers.get('content-language')).toBe('ar');
		// Nothing personal: not the words, not the subject, not the family's name.
		for (const part of [mail.subject ?? '', mail.text ?? '', String(mail.html)]) {
			expect(part).not.toContain('4.300');
			expect(part).not.toContain('Husleje');
			expect(part).not.toContain('Hassan');
		}
		const [row] = await rowsFor(w.db, [w.users.parentUser.id]);
		expect(row).toMatchObject({ status: 'sent', channel: 'email', attempts: 1 });
		expect(mail.messageId).toBe(`<${row.id}@opgang.aarslev.example>`);
		// The grandmother signs in with her phone and has no e-mail; this server sends no text messages: it says why.
		const [grandma] = await rowsFor(w.db, [w.users.grandmaUser.id]);
		expect(grandma).toMatchObject({ status: 'skipped', lastError: 'no e-mail address, and no text messages here' });
		// The teenager does not see the adults' conversation; the other family hears nothing.
		expect(await rowsFor(w.db, [w.users.teenUser.id, w.users.otherUser.id, w.users.contactUser.id])).toEqual([]);
	});

	it("a teenager's private conversation notifies the teenager and the team, never a parent", async () => {
		const w = await world();
		const id = await staffWrites(w, w.members[2].id, 'Fritidsjobbet i Bilka');
		const grant = ownFamily(w.actors.teen, 'message.write')!;
		expect((await sendMessage(w.db, grant, id, { body: 'Tak, jeg kommer', formKey: randomUUID() })).ok).toBe(true);
		expect(await rowsFor(w.db, [w.users.parentUser.id, w.users.grandmaUser.id])).toEqual([]);
		expect((await rowsFor(w.db, [w.users.teenUser.id])).map((r) => r.kind)).toEqual(['message']);
		expect((await rowsFor(w.db, [w.users.contactUser.id])).map((r) => r.kind)).toEqual(['message']);
		await drain(w.db);
		// The staff member's mail says a family wrote, in Danish, and links to the team's page.
		const [mail] = mailTo(w.users.contactUser.email);
		expect(mail.subject).toBe(translatorFor('da')('notify.staff.message'));
		expect(mail.text).toContain(`${origin}/staff/families/${w.family.id}/messages/${id}`);
		expect(mail.text).not.toContain('Yusuf');
		expect(mailTo(w.users.parentUser.email)).toEqual([]);
	});

	it('a burst of messages is one notification; one read before it goes is not sent', async () => {
		const w = await world();
		process.env.NOTIFY_GATHER_SECONDS = '120';
		try {
			const id = await staffWrites(w, null, 'Første');
			const grant = await grantFor(w.db, w.actors.contact, w.family.id, 'message.write');
			for (const body of ['Anden', 'Tredje']) expect((await sendMessage(w.db, grant, id, { body, formKey: randomUUID() })).ok).toBe(true);
			const rows = await rowsFor(w.db, [w.users.parentUser.id]);
			expect(rows).toHaveLength(1);
			// Not due yet: the pause for more lines.
			await drain(w.db);
			expect(mailTo(w.users.parentUser.email)).toEqual([]);
			// She reads it on her open page before the pause ends: nothing is sent.
			await markRead(w.db, w.actors.parent, { id, familyId: w.family.id }, new Date());
			await drain(w.db, { now: () => new Date(Date.now() + 3 * 60_000) });
			expect(mailTo(w.users.parentUser.email)).toEqual([]);
			expect((await rowsFor(w.db, [w.users.parentUser.id]))[0]).toMatchObject({ status: 'skipped', lastError: 'read already' });
		} finally {
			process.env.NOTIFY_GATHER_SECONDS = '0';
		}
	});

	it('a worker that dies after claiming leaves the row to the next one after its lease: sent once, or twice with the same Message-ID', async () => {
		const w = await world();
		await staffWrites(w, null, 'Hej');
		// Dies before sending: nobody else takes the row while the lease runs; after it, it is sent once.
		const claimed = await claimDue(w.db, { leaseSeconds: 60 });
		expect(claimed.map((r) => r.email)).toContain(w.users.parentUser.email);
		await drain(w.db);
		expect(mailTo(w.users.parentUser.email)).toEqual([]);
		await drain(w.db, { now: () => new Date(Date.now() + 61_000) });
		await drain(w.db, { now: () => new Date(Date.now() + 200_000) });
		expect(mailTo(w.users.parentUser.email)).toHaveLength(1);

		// Dies after sending, before recording it: the next worker sends it again, as the same mail.
		const second = await staffWrites(w, null, 'Hej igen');
		const row = (await claimDue(w.db, { leaseSeconds: 60 })).find((r) => r.email === w.users.parentUser.email)!;
		expect(row.subjectId).toBe(second);
		const channel = smtpChannel(smtpUrl, 'Opgang <opgang@aarslev.example>');
		await channel.send({ to: row.email!, subject: 'x', text: 'x', html: 'x', messageId: `<${row.id}@opgang.aarslev.example>`, lang: 'ar' });
		await drain(w.db, { now: () => new Date(Date.now() + 61_000) });
		const copies = mailTo(w.users.parentUser.email).filter((m) => m.messageId === `<${row.id}@opgang.aarslev.example>`);
		expect(copies).toHaveLength(2);
		expect((await w.db.select().from(notifications).where(eq(notifications.id, row.id)))[0]).toMatchObject({ status: 'sent', attempts: 2 });
	});

	it('a failing mail server is tried again with longer pauses, and after five tries the row is failed with the reason', async () => {
		const w = await world();
		await staffWrites(w, null, 'Hej');
		const broken: Channels = {
			email: {
				kind: 'smtp',
				send: async () => {
					throw new Error('connect ECONNREFUSED 127.0.0.1:2525');
				}
			},
			sms: null
		};
		const pauses: number[] = [];
		let clock = Date.now();
		for (let attempt = 1; attempt <= 5; attempt++) {
			expect(await deliverDue(w.db, options({ channels: broken, now: () => new Date(clock) }))).toBeGreaterThan(0);
			const [row] = await rowsFor(w.db, [w.users.parentUser.id]);
			expect(row.attempts).toBe(attempt);
			expect(row.lastError).toContain('ECONNREFUSED');
			if (attempt < 5) {
				expect(row.status).toBe('pending');
				pauses.push(Math.round((row.deliverAfter.getTime() - clock) / 60_000));
				// Not before its time.
				expect(await deliverDue(w.db, options({ channels: broken, now: () => new Date(clock + 1000) }))).toBe(0);
				clock = row.deliverAfter.getTime() + 1000;
			} else expect(row.status).toBe('failed');
		}
		expect(pauses).toEqual([1, 2, 4, 8]);
		expect(mailTo(w.users.parentUser.email)).toEqual([]);
	});

	it("a person's choice counts when it is sent: no notifications, or a text message without any of the words", async () => {
		const w = await world();
		await w.db.update(users).set({ notifyBy: 'none' }).where(eq(users.id, w.users.parentUser.id));
		await w.db.update(users).set({ notifyBy: 'sms' }).where(eq(users.id, w.users.grandmaUser.id));
		await staffWrites(w, null, 'Huslejen på 4.300 kr.');
		const texts: { to: string; text: string }[] = [];
		await drain(w.db, { channels: { email: null, sms: { kind: 'log', send: async (to, text) => void texts.push({ to, text }) } } });
		expect(mailTo(w.users.parentUser.email)).toEqual([]);
		expect((await rowsFor(w.db, [w.users.parentUser.id]))[0]).toMatchObject({ status: 'skipped', lastError: 'chose not to be told' });
		expect(texts).toHaveLength(1);
		expect(texts[0].to).toBe(w.users.grandmaUser.phone);
		expect(texts[0].text).toContain('Mette Lund');
		expect(texts[0].text).toContain(`${origin}/messages/`);
		expect(texts[0].text).not.toContain('4.300');
		// E-mail chosen where the server has none: failed with the reason (after its tries), never dropped quietly.
		await w.db.update(users).set({ notifyBy: 'email' }).where(eq(users.id, w.users.parentUser.id));
		await staffWrites(w, null, 'Igen');
		for (let i = 0; i < 5; i++) await drain(w.db, { channels: { email: null, sms: null }, maxAttempts: 1 });
		const rows = await rowsFor(w.db, [w.users.parentUser.id]);
		expect(rows.find((r) => r.status === 'failed')?.lastError).toBe('e-mail is not set up (SMTP_URL)');
	});

	it('a meeting booked by the family tells the staff member; moved by staff, the family hears it and its reminders move; cancelled, they go', async () => {
		const w = await world();
		await w.db.insert(availabilityWindows).values(
			[1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
				staffId: w.contact.id,
				weekday,
				startsAt: '08:00',
				endsAt: '16:00',
				types: ['phone' as const]
			}))
		);
		const grant = ownFamily(w.actors.parent, 'meeting.book')!;
		const slots = slotsOf((await staffCalendar(w.db, grant, w.contact.id))!, 'phone');
		const slot = slots[slots.length - 1];
		const booked = await bookMeeting(w.db, grant, {
			staffId: w.contact.id,
			type: 'phone',
			start: slot.start,
			memberIds: [w.members[0].id, w.members[1].id],
			interpreterLanguage: null,
			place: '',
			topic: 'Husleje',
			formKey: randomUUID()
		});
		if (!booked.ok) throw new Error('not booked');
		const kinds = async (userId: string) =>
			(
				await w.db
					.select()
					.from(notifications)
					.where(and(eq(notifications.userId, userId), eq(notifications.subjectId, booked.id)))
			)
				.map((r) => `${r.kind} ${r.status}`)
				.sort();
		expect(await kinds(w.users.contactUser.id)).toEqual(['meeting_booked pending']);
		// The family does not hear of its own booking, but gets both reminders (the grandmother too: she takes part).
		expect(await kinds(w.users.parentUser.id)).toEqual(['reminder_day pending', 'reminder_hours pending']);
		expect(await kinds(w.users.grandmaUser.id)).toEqual(['reminder_day pending', 'reminder_hours pending']);
		// The teenager does not take part: nothing.
		expect(await kinds(w.users.teenUser.id)).toEqual([]);

		const staffGrant = await grantFor(w.db, w.actors.contact, w.family.id, 'meeting.manage');
		const later = slots[slots.length - 2];
		expect(await staffMove(w.db, staffGrant, { id: booked.id, start: later.start, note: '' })).toEqual({ ok: true });
		expect(await kinds(w.users.parentUser.id)).toEqual([
			'meeting_moved pending',
			'reminder_day pending',
			'reminder_day skipped',
			'reminder_hours pending',
			'reminder_hours skipped'
		]);
		const [moved] = await w.db
			.select()
			.from(notifications)
			.where(and(eq(notifications.userId, w.users.parentUser.id), eq(notifications.kind, 'meeting_moved')));
		expect(moved.meetingAt?.getTime()).toBe(later.start.getTime());
		expect(moved.fromName).toBe('Mette Lund');

		expect(await cancelMeeting(w.db, grant, { id: booked.id, reason: '' })).toEqual({ ok: true });
		expect(await kinds(w.users.contactUser.id)).toEqual(['meeting_booked pending', 'meeting_cancelled pending']);
		expect((await kinds(w.users.parentUser.id)).filter((k) => k.endsWith('pending'))).toEqual(['meeting_moved pending']);
		await drain(w.db);
		const [cancelled] = mailTo(w.users.contactUser.email).filter((m) => m.subject?.startsWith('En familie har aflyst'));
		expect(cancelled.text).toContain(`${origin}/staff/families/${w.family.id}/meetings`);
		expect(cancelled.text).not.toContain('Husleje');
	});

	it("a goal proposed for a teenager's own wish tells the teenager only", async () => {
		const w = await world();
		const wish = await writeWish(w.db, ownFamily(w.actors.teen, 'wish.write')!, {
			text: 'Et fritidsjob',
			lifeArea: null,
			formKey: randomUUID()
		});
		if (!wish.ok) throw new Error('no wish');
		const goal = await proposeGoal(w.db, await grantFor(w.db, w.actors.contact, w.family.id, 'goal.propose'), {
			wishId: wish.id,
			text: 'Søge tre fritidsjob',
			formKey: randomUUID()
		});
		if (!goal.ok) throw new Error('no goal');
		expect((await rowsFor(w.db, [w.users.teenUser.id])).map((r) => r.kind)).toEqual(['goal_proposed']);
		expect(await rowsFor(w.db, [w.users.parentUser.id, w.users.grandmaUser.id])).toEqual([]);
	});

	it('steps due today tell the member they are for, or everyone who sees the goal when together; once, however often the sweep runs', async () => {
		const w = await world();
		const goalOf = async (actor: FamilyActor, text: string) => {
			const wish = await writeWish(w.db, ownFamily(actor, 'wish.write')!, { text, lifeArea: null, formKey: randomUUID() });
			if (!wish.ok) throw new Error('no wish');
			const goal = await writeGoal(w.db, ownFamily(actor, 'goal.write')!, { wishId: wish.id, text, formKey: randomUUID() });
			if (!goal.ok) throw new Error('no goal');
			return goal.id;
		};
		const today = copenhagenDate();
		const family = await goalOf(w.actors.parent, 'Et job i et køkken');
		const teens = await goalOf(w.actors.teen, 'Et fritidsjob');
		const step = async (actor: FamilyActor, goalId: string, who: Parameters<typeof addStep>[2]['who'], dueOn: string) => {
			const r = await addStep(w.db, ownFamily(actor, 'goal.support')!, {
				goalId,
				text: 'Ring til kantinen',
				who,
				dueOn,
				formKey: randomUUID()
			});
			if (!r.ok) throw new Error('no step');
		};
		await step(w.actors.parent, family, { kind: 'together' }, today);
		await step(w.actors.parent, family, { kind: 'me' }, today);
		await step(w.actors.parent, family, { kind: 'me' }, '2099-01-01');
		await step(w.actors.teen, teens, { kind: 'me' }, today);
		for (let i = 0; i < 2; i++) await notifyDueSteps(w.db);
		const count = async (userId: string) => (await rowsFor(w.db, [userId])).filter((r) => r.kind === 'step_due').length;
		// Amina: the family's step together and her own. Halima: the one together. Yusuf: his own private one, and the family's together.
		expect(await count(w.users.parentUser.id)).toBe(2);
		expect(await count(w.users.grandmaUser.id)).toBe(1);
		expect(await count(w.users.teenUser.id)).toBe(2);
		// The parents never hear of the teenager's private step.
		const teenStep = (await rowsFor(w.db, [w.users.teenUser.id])).map((r) => r.subjectId);
		const parents = (await rowsFor(w.db, [w.users.parentUser.id, w.users.grandmaUser.id])).map((r) => r.subjectId);
		expect(teenStep.filter((id) => !parents.includes(id))).toHaveLength(1);
	});

	it('two workers on one database never send the same notification twice (100 rounds)', async () => {
		const w = await world();
		const other = await secondInstance(ctx());
		try {
			const sent: string[] = [];
			const counting = (): WorkerOptions =>
				options({ channels: { email: { kind: 'smtp', send: async (m: Mail) => void sent.push(m.messageId) }, sms: null }, batch: 3 });
			for (let round = 0; round < 100; round++) {
				await w.db.insert(notifications).values(
					Array.from({ length: 4 }, () => ({
						userId: w.users.contactUser.id,
						familyId: w.family.id,
						kind: 'meeting_booked' as const,
						subjectId: randomUUID()
					}))
				);
				await Promise.all([
					deliverDue(w.db, counting()),
					deliverDue(other.db, counting()),
					deliverDue(w.db, counting()),
					deliverDue(other.db, counting())
				]);
				await drain(w.db, counting());
			}
			expect(sent).toHaveLength(400);
			expect(new Set(sent).size).toBe(400);
			expect(
				await w.db
					.select()
					.from(notifications)
					.where(inArray(notifications.status, ['pending', 'sending']))
			).toEqual([]);
		} finally {
			await other.close();
		}
	});
});
