/**
 * Families for the end-to-end tests of the team's side of messages: each test that needs a
 * family's message waiting in the inbox claims one of these (tests/e2e/own.ts,
 * claimMessageFamily), the way other tests claim a test family. They live on the test team
 * (test-families.ts) beside those families and never change what those families see: the
 * family side's own tests start from families without conversations.
 *
 * Loaded only when the test server starts with OPGANG_TEST_MESSAGE_FAMILIES=N next to
 * OPGANG_TEST_FAMILIES (playwright.config.ts). Family k (1 … N), names as the tests look for them:
 * - "Besked k": Amal Besked k (parent, Arabic, sign-in msg-parent-k@e2e.test) and Yasin
 *   Besked k (15, sign-in msg-teen-k@e2e.test).
 * - Contact person Klara Kontakt k (msg-staff-k@e2e.test); Carl Kollega k works with the family
 *   (msg-colleague-k@e2e.test); Ulla Udenfor k is on the team but not with this family
 *   (msg-outsider-k@e2e.test): she is the contact person of "Nabo k" (Nina Nabo k, no sign-in),
 *   so a test can put the letter's id under a family she does see.
 * - Amal's "Brev fra boligselskabet" to Klara, in Arabic, waiting since 2 days 3 hours ago;
 *   Yasin's private "Fritidsjob", waiting since 3 hours 10 minutes ago.
 * The test team gets quick replies too (one only in Danish), if it has none.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import {
	conversationReads,
	conversations,
	departments,
	families,
	familyMembers,
	familyStaff,
	messages,
	quickReplies,
	staff,
	teams,
	users
} from '../db/schema';
import { copenhagenDate } from '../../i18n/format';
import { hashPassword } from '../auth/password';
import { demoPassword } from './seed';

export const messageTestEmails = (k: number) => ({
	parent: `msg-parent-${k}@e2e.test`,
	teen: `msg-teen-${k}@e2e.test`,
	staff: `msg-staff-${k}@e2e.test`,
	colleague: `msg-colleague-${k}@e2e.test`,
	outsider: `msg-outsider-${k}@e2e.test`
});

/** The test team's quick replies: what a caseworker often says first, in the families' languages. */
const replies = [
	{
		da: 'Tak for din besked. Jeg ser på det og svarer dig i dag.',
		ar: 'شكرًا على رسالتك. سأنظر في الأمر وأرد عليك اليوم.',
		en: 'Thank you for your message. I will look at it and answer you today.',
		so: 'Mahadsanid fariintaada. Waan eegi doonaa, maantana waan kuu jawaabi doonaa.',
		tr: 'Mesajınız için teşekkürler. Bakacağım ve bugün size yanıt vereceğim.',
		fa: 'از پیام شما متشکرم. آن را بررسی می‌کنم و امروز به شما پاسخ می‌دهم.',
		ur: 'آپ کے پیغام کا شکریہ۔ میں اسے دیکھوں گی اور آج آپ کو جواب دوں گی۔',
		uk: 'Дякую за ваше повідомлення. Я подивлюся і відповім вам сьогодні.'
	},
	{
		da: 'Kan du sende et billede af brevet?',
		ar: 'هل يمكنك إرسال صورة للرسالة؟',
		en: 'Can you send a photo of the letter?',
		so: 'Ma ii soo diri kartaa sawirka warqadda?',
		tr: 'Mektubun bir fotoğrafını gönderebilir misiniz?',
		fa: 'می‌توانید عکسی از نامه بفرستید؟',
		ur: 'کیا آپ خط کی تصویر بھیج سکتے ہیں؟',
		uk: 'Можете надіслати фото листа?'
	},
	{ da: 'Lad os tale om det, når vi ses næste gang.' }
];

export async function seedMessageFamilies(db: Db, count: number): Promise<void> {
	if (!Number.isInteger(count) || count < 1 || count > 100)
		throw new Error('OPGANG_TEST_MESSAGE_FAMILIES must be a whole number from 1 to 100');
	const passwordHash = await hashPassword(demoPassword);
	const year = Number(copenhagenDate().slice(0, 4));
	const now = Date.now();
	await db.transaction(async (tx) => {
		const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.name, 'Prøveteamet'));
		if (!team) throw new Error('Message test families need the test team: start with OPGANG_TEST_FAMILIES');
		const [department] = await tx.select({ id: departments.id }).from(departments).limit(1);
		const [hasReplies] = await tx.select({ id: quickReplies.id }).from(quickReplies).where(eq(quickReplies.teamId, team.id)).limit(1);
		if (!hasReplies) await tx.insert(quickReplies).values(replies.map((texts, position) => ({ teamId: team.id, texts, position })));
		for (let k = 1; k <= count; k++) {
			const person = async (name: string) => {
				const [row] = await tx
					.insert(staff)
					.values({ teamId: team.id, name, departmentId: department.id, role: 'caseworker', languages: ['da'], helpTopics: ['family'] })
					.returning({ id: staff.id });
				return row.id;
			};
			const contact = await person(`Klara Kontakt ${k}`);
			const colleague = await person(`Carl Kollega ${k}`);
			const outsider = await person(`Ulla Udenfor ${k}`);
			const [family] = await tx
				.insert(families)
				.values({ teamId: team.id, name: `Besked ${k}`, contactPersonId: contact, area: 'Prøvested' })
				.returning({ id: families.id });
			// Ulla's own family: a family she does see, without conversations.
			const [neighbours] = await tx
				.insert(families)
				.values({ teamId: team.id, name: `Nabo ${k}`, contactPersonId: outsider, area: 'Prøvested' })
				.returning({ id: families.id });
			await tx
				.insert(familyMembers)
				.values({ familyId: neighbours.id, name: `Nina Nabo ${k}`, role: 'parent', birthYear: 1990, preferredLanguage: 'da' });
			await tx
				.insert(familyStaff)
				.values({ familyId: family.id, teamId: team.id, staffId: colleague, topics: ['leisure'], helpsWith: 'Fritid' });
			const [parent, teen] = await tx
				.insert(familyMembers)
				.values([
					{ familyId: family.id, name: `Amal Besked ${k}`, role: 'parent', birthYear: 1984, preferredLanguage: 'ar' },
					{ familyId: family.id, name: `Yasin Besked ${k}`, role: 'child', birthYear: year - 15, preferredLanguage: 'da' }
				])
				.returning({ id: familyMembers.id });
			const emails = messageTestEmails(k);
			await tx.insert(users).values([
				{ email: emails.parent, passwordHash, locale: 'ar', familyMemberId: parent.id },
				{ email: emails.teen, passwordHash, locale: 'da', familyMemberId: teen.id },
				{ email: emails.staff, passwordHash, locale: 'da', staffId: contact },
				{ email: emails.colleague, passwordHash, locale: 'da', staffId: colleague },
				{ email: emails.outsider, passwordHash, locale: 'da', staffId: outsider }
			]);
			// What the family wrote, as the family's own pages would have written it.
			const written = async (from: string, subject: string, body: string, ago: number, privateTo: string | null) => {
				const at = new Date(now - ago);
				const formKey = randomUUID();
				const [conv] = await tx
					.insert(conversations)
					.values({
						familyId: family.id,
						teamId: team.id,
						visibility: privateTo ? 'member_private' : 'adults',
						memberId: privateTo,
						subject,
						staffId: contact,
						startedByMemberId: from,
						waitingSince: at,
						lastMessageAt: at,
						formKey,
						createdAt: at
					})
					.returning({ id: conversations.id });
				await tx
					.insert(messages)
					.values({ conversationId: conv.id, familyId: family.id, teamId: team.id, authorMemberId: from, body, formKey, createdAt: at });
				await tx
					.insert(conversationReads)
					.values({ conversationId: conv.id, familyId: family.id, memberId: from, readUntil: at, seenAt: at });
			};
			await written(
				parent.id,
				'Brev fra boligselskabet',
				'وصلتني رسالة من شركة السكن ولا أفهمها. هل يمكنك مساعدتي؟',
				(2 * 24 + 3) * 3600_000,
				null
			);
			await written(teen.id, 'Fritidsjob', 'Hej, kan I hjælpe mig med at finde et fritidsjob?', (3 * 60 + 10) * 60_000, teen.id);
		}
	});
}
