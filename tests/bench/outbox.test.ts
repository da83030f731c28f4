/**
 * `npm run bench`: the outbox worker's throughput — notifications per second from the table to
 * a local SMTP server (smtp-server in this process, read back with mailparser) — with one
 * worker, and with two workers (two connection pools) on PostgreSQL. Prints figures; it fails
 * only if a notification is lost or sent twice.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { describeEachBackend, secondInstance } from '../integration/harness';
import { makeFamily, makeStaff, makeTeam, makeUser } from '../integration/fixtures';
import { notifications } from '../../src/lib/server/db/schema';
import { deliverDue, type WorkerOptions } from '../../src/lib/server/outbox/worker';
import { smtpChannel } from '../../src/lib/server/outbox/channels';
import type { Db } from '../../src/lib/server/db';

const count = Number(process.env.BENCH_NOTIFICATIONS ?? 1000);
let smtp: SMTPServer;
let url = '';
const received: string[] = [];

beforeAll(async () => {
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		// No DNS lookup of 127.0.0.1 per connection (slow where there is no resolver).
		disableReverseLookup: true,
		logger: false,
		onData(stream, _session, callback) {
			let head = '';
			stream.on('data', (chunk: Buffer) => {
				if (head.length < 4000) head += chunk.toString('utf8');
			});
			stream.on('end', () => {
				received.push(/^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '');
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	url = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describeEachBackend('outbox throughput', (ctx) => {
	async function fill(db: Db) {
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id);
		const { family } = await makeFamily(db, team.id, contact.id, [{ role: 'parent' }]);
		const user = await makeUser(db, { staffId: contact.id });
		for (let i = 0; i < count; i += 200)
			await db.insert(notifications).values(
				Array.from({ length: Math.min(200, count - i) }, () => ({
					userId: user.id,
					familyId: family.id,
					kind: 'meeting_booked' as const,
					subjectId: randomUUID(),
					fromName: '',
					meetingAt: new Date(Date.now() + 86_400_000)
				}))
			);
	}

	async function drain(db: Db, options: WorkerOptions) {
		while ((await deliverDue(db, options)) > 0);
	}

	it(`delivers ${count} e-mails`, { timeout: 600_000 }, async () => {
		const { db } = ctx();
		const before = received.length;
		await fill(db);
		const options: WorkerOptions = {
			channels: { email: smtpChannel(url, 'Opgang <bench@localhost>'), sms: null },
			origin: 'http://localhost',
			quiet: null
		};
		const started = performance.now();
		await drain(db, options);
		const seconds = (performance.now() - started) / 1000;
		const sent = received.slice(before);
		expect(sent).toHaveLength(count);
		expect(new Set(sent).size).toBe(count);
		console.log(
			`outbox [${ctx().backend}] one worker: ${count} e-mails in ${seconds.toFixed(1)} s = ${(count / seconds).toFixed(0)} notifications/s`
		);

		const other = await secondInstance(ctx());
		try {
			const mark = received.length;
			await fill(db);
			const t0 = performance.now();
			const second: WorkerOptions = { ...options, channels: { email: smtpChannel(url, 'Opgang <bench@localhost>'), sms: null } };
			await Promise.all([drain(db, options), drain(other.db, second)]);
			const s2 = (performance.now() - t0) / 1000;
			const both = received.slice(mark);
			expect(both).toHaveLength(count);
			expect(new Set(both).size).toBe(count);
			console.log(
				`outbox [${ctx().backend}] two workers: ${count} e-mails in ${s2.toFixed(1)} s = ${(count / s2).toFixed(0)} notifications/s, none twice`
			);
		} finally {
			await other.close();
		}
	});
});
