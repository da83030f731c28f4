/**
 * For `npm run bench` only (OPGANG_BENCH_MESSAGES=1 with the demo): 200 more conversations for
 * the demo parent Amina's contact person (across the families they are contact person for),
 * and one conversation of Amina's with 500 messages, the newest of her conversations. Never in
 * production.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { conversations, families, familyMembers, messages, users } from '../db/schema';

export async function seedBenchMessages(db: Db, conversationCount = 200, longCount = 500): Promise<void> {
	const [amina] = await db
		.select({ familyId: families.id, teamId: families.teamId, staffId: families.contactPersonId, memberId: familyMembers.id })
		.from(users)
		.innerJoin(familyMembers, eq(familyMembers.id, users.familyMemberId))
		.innerJoin(families, eq(families.id, familyMembers.familyId))
		.where(eq(users.email, 'amina@example.org'));
	if (!amina) return;
	const theirs = await db
		.select({ familyId: families.id, memberId: familyMembers.id })
		.from(families)
		.innerJoin(familyMembers, and(eq(familyMembers.familyId, families.id), inArray(familyMembers.role, ['parent', 'other_adult'])))
		.where(eq(families.contactPersonId, amina.staffId));
	const start = Date.now() - 30 * 86_400_000;
	const convs = Array.from({ length: conversationCount }, (_, i) => {
		const who = theirs[i % theirs.length];
		const at = new Date(start + i * 3_600_000);
		return {
			id: randomUUID(),
			familyId: who.familyId,
			memberId: who.memberId,
			at,
			row: {
				familyId: who.familyId,
				teamId: amina.teamId,
				visibility: 'adults' as const,
				subject: `Spørgsmål ${i + 1}`,
				staffId: amina.staffId,
				startedByMemberId: who.memberId,
				waitingSince: i % 3 === 0 ? at : null,
				lastMessageAt: at,
				formKey: randomUUID(),
				createdAt: at
			}
		};
	});
	for (let i = 0; i < convs.length; i += 100) {
		const chunk = convs.slice(i, i + 100);
		await db.insert(conversations).values(chunk.map((c) => ({ id: c.id, ...c.row })));
		await db.insert(messages).values(
			chunk.map((c) => ({
				conversationId: c.id,
				familyId: c.familyId,
				teamId: amina.teamId,
				authorMemberId: c.memberId,
				body: 'Hej, jeg har fået et brev. Kan du hjælpe mig med at forstå det?',
				formKey: randomUUID(),
				createdAt: c.at
			}))
		);
	}
	// Amina's long conversation, the newest of hers: 500 messages back and forth over 60 days.
	const now = Date.now();
	const id = randomUUID();
	await db.insert(conversations).values({
		id,
		familyId: amina.familyId,
		teamId: amina.teamId,
		visibility: 'adults',
		subject: 'Lang samtale',
		staffId: amina.staffId,
		startedByMemberId: amina.memberId,
		lastMessageAt: new Date(now),
		formKey: randomUUID(),
		createdAt: new Date(now - 60 * 86_400_000)
	});
	const lines = Array.from({ length: longCount }, (_, i) => ({
		conversationId: id,
		familyId: amina.familyId,
		teamId: amina.teamId,
		authorMemberId: i % 2 === 0 ? amina.memberId : null,
		authorStaffId: i % 2 === 0 ? null : amina.staffId,
		body: i % 2 === 0 ? `Besked ${i + 1}: tak for hjælpen med brevet.` : `Svar ${i + 1}: det var så lidt. Vi ses på torsdag.`,
		formKey: randomUUID(),
		createdAt: new Date(now - (longCount - i) * 10 * 60_000)
	}));
	for (let i = 0; i < lines.length; i += 100) await db.insert(messages).values(lines.slice(i, i + 100));
}
