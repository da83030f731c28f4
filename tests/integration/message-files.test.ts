import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { describeEachBackend } from './harness';
import { familyActor, grantFor, involve, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { familyGrant, ownFamily, type Actor, type FamilyGrant } from '../../src/lib/server/access';
import { listConversations, startConversation } from '../../src/lib/server/messages/conversations';
import { readThread, sendMessage } from '../../src/lib/server/messages/thread';
import { staffInbox } from '../../src/lib/server/messages/inbox';
import { readMessageFile } from '../../src/lib/server/files/message-files';
import { prepareFiles, type PreparedFile } from '../../src/lib/server/files/prepare';
import { databaseStorage } from '../../src/lib/server/files/storage';
import { fileBlobs, messageFiles, messages } from '../../src/lib/server/db/schema';
import { copenhagenDate } from '../../src/lib/i18n/format';

const code = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => e.cause?.code ?? e.code
	);

const pdf = '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

async function prepared(): Promise<PreparedFile[]> {
	const photo = await sharp({ create: { width: 800, height: 1000, channels: 3, background: '#ffffff' } })
		.jpeg()
		.toBuffer();
	const result = await prepareFiles([new File([photo], 'brev.jpg'), new File([pdf], 'skema.pdf')]);
	if (!result.ok) throw new Error(result.error);
	return result.files;
}

describeEachBackend('message files', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id, { name: 'Mette Lund' });
		const colleague = await makeStaff(db, team.id, { department: 'health' });
		const { family, members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'parent', name: 'Amina Hassan' },
			{ role: 'child', name: 'Yusuf Hassan', birthYear: Number(copenhagenDate().slice(0, 4)) - 15 }
		]);
		const other = await makeFamily(db, team.id, colleague.id);
		await involve(db, other.family.id, colleague.id);
		const fam = async (m: (typeof members)[number]) => familyActor(m, (await makeUser(db, { familyMemberId: m.id })).id);
		return {
			db,
			family,
			contactId: contact.id,
			parent: await fam(members[0]),
			teen: await fam(members[1]),
			otherParent: await fam(other.members[0]),
			otherFamilyId: other.family.id,
			contact: staffActor(contact, (await makeUser(db, { staffId: contact.id })).id),
			colleague: staffActor(colleague, (await makeUser(db, { staffId: colleague.id })).id)
		};
	}
	type World = Awaited<ReturnType<typeof world>>;
	const own = (a: Actor) => (a.kind === 'family' ? ownFamily(a, 'message.write')! : null);
	const staffGrant = async (w: World, a: Actor): Promise<FamilyGrant | null> => familyGrant(w.db, a, w.family.id, 'message.write');

	it('keeps a message of files only, lists them with the line and serves them to those who see the conversation', async () => {
		const w = await world();
		const files = await prepared();
		const started = await startConversation(w.db, own(w.parent)!, {
			subject: 'Brev',
			body: '',
			staffId: w.contactId,
			formKey: randomUUID(),
			files
		});
		expect(started.ok).toBe(true);
		if (!started.ok) return;
		const thread = (await readThread(w.db, own(w.parent)!, started.id))!;
		expect(thread.lines[0].body).toBe('');
		expect(thread.lines[0].files).toEqual([
			{ id: expect.any(String), name: 'brev.jpg', type: 'image/jpeg', size: files[0].bytes.byteLength, width: 800, height: 1000 },
			{ id: expect.any(String), name: 'skema.pdf', type: 'application/pdf', size: pdf.length, width: null, height: null }
		]);
		const [photo, paper] = thread.lines[0].files;

		const full = await readMessageFile(w.db, own(w.parent)!, started.id, photo.id);
		expect(full?.type).toBe('image/jpeg');
		expect(full?.bytes).toBeInstanceOf(Uint8Array);
		expect(Buffer.from(full!.bytes).equals(Buffer.from(files[0].bytes))).toBe(true);
		const thumb = await readMessageFile(w.db, own(w.parent)!, started.id, photo.id, true);
		expect(thumb?.type).toBe('image/webp');
		expect(await readMessageFile(w.db, own(w.parent)!, started.id, paper.id, true)).toBeNull();
		expect(Buffer.from((await readMessageFile(w.db, (await staffGrant(w, w.contact))!, started.id, paper.id))!.bytes).toString()).toBe(pdf);

		// The lists' previews say how many files and photos a message of files only has.
		expect((await listConversations(w.db, own(w.parent)!))[0].last).toMatchObject({ body: '', files: 2, photos: 1 });
		expect((await staffInbox(w.db, w.contact)).rows[0].last).toMatchObject({ body: '', files: 2, photos: 1 });

		// Another family, and a staff member who does not work with this family: nothing.
		expect(own(w.otherParent)!.familyId).not.toBe(w.family.id);
		expect(await readMessageFile(w.db, { ...own(w.otherParent)!, familyId: w.family.id }, started.id, photo.id)).toBeNull();
		expect(await readMessageFile(w.db, own(w.otherParent)!, started.id, photo.id)).toBeNull();
		expect(await staffGrant(w, w.colleague)).toBeNull();
		// The colleague's grant on the family they do work with does not reach this family's files.
		expect(
			await readMessageFile(w.db, await grantFor(w.db, w.colleague, w.otherFamilyId, 'message.write'), started.id, photo.id)
		).toBeNull();
	});

	it("never gives a parent the file in a teenager's private conversation", async () => {
		const w = await world();
		const started = await startConversation(w.db, own(w.teen)!, {
			subject: 'Privat',
			body: 'Se her',
			staffId: w.contactId,
			formKey: randomUUID(),
			files: await prepared()
		});
		if (!started.ok) throw new Error('not started');
		const [file] = (await readThread(w.db, own(w.teen)!, started.id))!.lines[0].files;
		expect(await readMessageFile(w.db, own(w.teen)!, started.id, file.id)).not.toBeNull();
		expect(await readMessageFile(w.db, own(w.parent)!, started.id, file.id)).toBeNull();
		expect(await readMessageFile(w.db, (await staffGrant(w, w.contact))!, started.id, file.id)).not.toBeNull();
	});

	it('keeps the files of a retried send once', async () => {
		const w = await world();
		const started = await startConversation(w.db, own(w.parent)!, {
			subject: 'Brev',
			body: 'Hej',
			staffId: w.contactId,
			formKey: randomUUID()
		});
		if (!started.ok) throw new Error('not started');
		const files = await prepared();
		const input = { body: 'Her er brevet', formKey: randomUUID(), files };
		const first = await sendMessage(w.db, own(w.parent)!, started.id, input);
		const again = await sendMessage(w.db, own(w.parent)!, started.id, input);
		expect(again).toEqual(first);
		// Its own key (a key derived from the first could equal it: one UUID in 16 ends in 'a').
		const pairKey = randomUUID();
		const both = await Promise.all([
			startConversation(w.db, own(w.parent)!, {
				subject: 'To',
				body: '',
				staffId: w.contactId,
				formKey: pairKey,
				files
			}),
			startConversation(w.db, own(w.parent)!, {
				subject: 'To',
				body: '',
				staffId: w.contactId,
				formKey: pairKey,
				files
			})
		]);
		expect(both[0]).toEqual(both[1]);
		const kept = await w.db
			.select({ blob: messageFiles.blobKey, thumb: messageFiles.thumbKey })
			.from(messageFiles)
			.where(eq(messageFiles.familyId, w.family.id));
		expect(kept).toHaveLength(4);
		const keys = kept.flatMap((k) => [k.blob, k.thumb]).filter((k): k is string => !!k);
		expect(keys).toHaveLength(6); // two photos with thumbnails, two PDFs
		expect(
			(
				await w.db
					.select({ n: sql<number>`count(*)::int` })
					.from(fileBlobs)
					.where(inArray(fileBlobs.key, keys))
			)[0].n
		).toBe(6);
	});

	it('the database refuses a sixth file, a wrong type, a message with neither words nor files, and drops the bytes with the message', async () => {
		const w = await world();
		const started = await startConversation(w.db, own(w.parent)!, {
			subject: 'Brev',
			body: '',
			staffId: w.contactId,
			formKey: randomUUID(),
			files: (await prepared()).slice(1)
		});
		if (!started.ok) throw new Error('not started');
		const [line] = await w.db.select().from(messages).where(eq(messages.conversationId, started.id));
		const storage = databaseStorage(w.db);
		await storage.put('x1', new Uint8Array([1]));
		const row = (over: Partial<typeof messageFiles.$inferInsert>) =>
			w.db.insert(messageFiles).values({
				messageId: line.id,
				conversationId: line.conversationId,
				familyId: line.familyId,
				teamId: line.teamId,
				name: 'x.pdf',
				type: 'application/pdf',
				size: 1,
				position: 1,
				blobKey: 'x1',
				...over
			});
		expect(await code(row({ position: 5 }))).toBe('23514');
		expect(await code(row({ position: 0 }))).toBe('23505');
		expect(await code(row({ type: 'image/svg+xml' as 'image/png' }))).toBe('23514');
		expect(await code(row({ size: 10 * 1024 * 1024 + 1 }))).toBe('23514');
		expect(await code(row({ familyId: (await makeFamily(w.db, line.teamId, w.contactId)).family.id }))).toBe('23503');
		expect(await code(row({ blobKey: 'missing' }))).toBe('23503');
		// Words or files: a message of neither is refused when its transaction ends.
		expect(
			await code(
				w.db.insert(messages).values({
					conversationId: line.conversationId,
					familyId: line.familyId,
					teamId: line.teamId,
					authorMemberId: line.authorMemberId,
					body: ' ',
					formKey: randomUUID()
				})
			)
		).toBe('23514');
		expect(await code(w.db.delete(messageFiles).where(eq(messageFiles.messageId, line.id)))).toBe('23514');
		// A message deleted takes its files and their bytes along.
		const before = (await w.db.select().from(fileBlobs)).length;
		await w.db.delete(messages).where(eq(messages.id, line.id));
		expect((await w.db.select().from(messageFiles).where(eq(messageFiles.messageId, line.id))).length).toBe(0);
		expect((await w.db.select().from(fileBlobs)).length).toBe(before - 1);
		expect(await storage.get('x1')).toEqual(new Uint8Array([1]));
	});
});
