/**
 * The demo's conversations between families and the team, in the families' own languages:
 * Amina asks (in Arabic) about a letter from the housing association and Mette answers in
 * Danish and Arabic; Omar's question about a swimming club goes from Mette to Jonas; Yusuf
 * (15) talks to Jonas about a leisure job, which his parents never see; Faadumo, Hodan's
 * mother, writes in Somali about a letter from the hospital; Iryna's contact person is away
 * and the stand-in answers with a quick reply in Ukrainian; a staff note or two the families
 * never see; and the team's quick replies in Danish and the families' languages.
 *
 * Times are minutes before the demo is loaded; who has read how far follows from who wrote
 * what (a writer has read their own words) plus the read marks listed.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { conversationReads, conversations, messages, quickReplies } from '../db/schema';
import type { LocalizedText } from '../../localized';
import type { DemoWho } from './data';
import sharp from 'sharp';
import { storeFiles } from '../files/message-files';
import { prepareFiles, type PreparedFile } from '../files/prepare';

const hour = 60;
const day = 24 * hour;
/** Minutes before the demo was loaded. */
const ago = (days: number, hours = 0, minutes = 0) => days * day + hours * hour + minutes;

/** The team's quick replies (position order): Danish, and each language the families read. */
export const quickReplyList: LocalizedText[] = [
	{
		da: 'Tak, jeg kigger på det og svarer dig i dag.',
		en: 'Thank you, I will look at it and answer you today.',
		ar: 'شكرًا، سأنظر في الأمر وأرد عليك اليوم.',
		so: 'Mahadsanid, waan eegi doonaa oo maanta ayaan kuu jawaabi doonaa.',
		tr: 'Teşekkürler, buna bakacağım ve bugün size cevap vereceğim.',
		fa: 'ممنون، نگاهش می‌کنم و امروز به شما جواب می‌دهم.',
		ur: 'شکریہ، اسے دیکھا جائے گا اور آج ہی آپ کو جواب ملے گا۔',
		uk: 'Дякую, я подивлюся і відповім вам сьогодні.'
	},
	{
		da: 'Kan du sende et billede af brevet?',
		en: 'Can you send a photo of the letter?',
		ar: 'هل يمكنك إرسال صورة للخطاب؟',
		so: 'Ma ii soo diri kartaa sawirka warqadda?',
		tr: 'Mektubun fotoğrafını gönderebilir misiniz?',
		fa: 'می‌توانید عکسی از نامه بفرستید؟',
		ur: 'کیا آپ خط کی تصویر بھیج سکتے ہیں؟',
		uk: 'Чи можете ви надіслати фото листа?'
	},
	{
		da: 'Lad os tale om det på vores næste møde.',
		en: 'Let us talk about it at our next meeting.',
		ar: 'لنتحدث عن ذلك في اجتماعنا القادم.',
		so: 'Aan ka wada hadalno kulankeenna xiga.',
		tr: 'Bunu bir sonraki görüşmemizde konuşalım.',
		fa: 'بیایید در قرار بعدی‌مان درباره‌اش صحبت کنیم.',
		ur: 'آئیے اگلی ملاقات میں اس پر بات کرتے ہیں۔',
		uk: 'Давайте поговоримо про це на нашій наступній зустрічі.'
	},
	{
		da: 'Jeg har ringet til dem. Jeg skriver, når jeg ved mere.',
		en: 'I have called them. I will write when I know more.',
		ar: 'لقد اتصلت بهم. سأكتب لك عندما أعرف المزيد.',
		so: 'Waan soo wacay iyaga. Waan kuu soo qori doonaa marka aan wax badan ogaado.',
		tr: 'Onları aradım. Daha fazlasını öğrendiğimde yazacağım.',
		fa: 'با آنها تماس گرفتم. وقتی بیشتر بدانم برایتان می‌نویسم.',
		ur: 'میں نے انہیں فون کیا ہے۔ مزید معلوم ہونے پر آپ کو لکھ دیا جائے گا۔',
		uk: 'Дзвінок їм уже зроблено. Напишу вам, коли знатиму більше.'
	}
];

type DemoLine =
	| { by: DemoWho; at: number; text: string; files?: DemoFile[] }
	/** A quick reply (its index in quickReplyList), sent in `lang`. */
	| { by: { staff: string }; at: number; quick: number; lang: string }
	| { by: { staff: string }; at: number; note: string }
	| { by: { staff: string }; at: number; handTo: string };

export interface DemoConversation {
	family: string;
	subject: string;
	/** Who it was written to (a handover line changes who answers). */
	to: string;
	/** A private conversation's one member (a teenager's own, or one a staff member wrote to one person). */
	private?: string;
	lines: DemoLine[];
	/** Read further than one's own last line: up to the line at `upTo`, seen `after` minutes later. */
	reads?: { who: DemoWho; upTo: number; after: number }[];
	/** Marked done by the team (a "thank you" needs no answer). */
	done?: boolean;
}

export const conversationList: DemoConversation[] = [
	{
		family: 'Hassan',
		subject: 'خطاب من شركة السكن',
		to: 'Mette Kjær',
		lines: [
			{
				by: { member: 'Amina Hassan' },
				at: ago(2, 3, 12),
				text: 'مرحبا ميته، وصلني خطاب من شركة السكن. مكتوب فيه شيء عن الإيجار والنوافذ الجديدة، ولا أفهم كل شيء. هل سيرتفع الإيجار؟ هل يجب أن أفعل شيئًا؟',
				files: ['letterPhoto']
			},
			{ by: { staff: 'Mette Kjær' }, at: ago(2, 2, 40), quick: 1, lang: 'ar' },
			{
				by: { member: 'Amina Hassan' },
				at: ago(2, 1, 5),
				text: 'سأحضر الخطاب معي إلى الاجتماع. في أعلاه مكتوب: «Varsel om huslejeforhøjelse».'
			},
			{
				by: { staff: 'Mette Kjær' },
				at: ago(1, 5, 30),
				note: 'Varsel om huslejeforhøjelse: nye vinduer i blok 4. Fatima har hjulpet med det arabiske i mit svar. Tjek boligstøtten på torsdag.'
			},
			{
				by: { staff: 'Mette Kjær' },
				at: ago(1, 5, 10),
				text:
					'Hej Amina. Tak, fordi du skrev. Brevet er et varsel: huslejen stiger med 180 kr. om måneden fra 1. marts, fordi blokken får nye vinduer. I skal ikke gøre noget nu. På torsdag ser vi sammen på, om I kan få mere i boligstøtte. Læs mere her: https://www.borger.dk/bolig-og-flytning/boligstoette\n\n' +
					'مرحبا أمينة. شكرًا لأنك كتبت. الخطاب إشعار: سيرتفع الإيجار 180 كرونة في الشهر من 1 مارس، لأن العمارة ستحصل على نوافذ جديدة. لا تحتاجين أن تفعلي شيئًا الآن. يوم الخميس سننظر معًا إن كان يمكنكم الحصول على دعم سكن أكبر.',
				files: ['housingBenefitPdf']
			},
			{ by: { member: 'Amina Hassan' }, at: ago(1, 2, 18), text: 'شكرًا جزيلًا يا ميته! الآن فهمت. أراك يوم الخميس.' }
		],
		reads: [
			{ who: { staff: 'Mette Kjær' }, upTo: 5, after: 22 },
			{ who: { member: 'Omar Hassan' }, upTo: 1, after: 90 }
		],
		done: true
	},
	{
		family: 'Hassan',
		subject: 'Svømning til Sara',
		to: 'Mette Kjær',
		lines: [
			{
				by: { member: 'Omar Hassan' },
				at: ago(6, 4),
				text: 'Hej Mette. Sara vil så gerne gå til svømning med sin veninde om tirsdagen. Hvad koster det, og kan vi få hjælp til at betale?'
			},
			{
				by: { staff: 'Mette Kjær' },
				at: ago(6, 3, 20),
				text: 'Hej Omar. Godt spørgsmål! Jonas kender alle klubberne, så jeg giver din besked videre til ham. Han skriver til dig her.'
			},
			{ by: { staff: 'Mette Kjær' }, at: ago(6, 3, 18), handTo: 'Jonas Holm' },
			{
				by: { staff: 'Jonas Holm' },
				at: ago(5, 6, 45),
				text: 'Hej Omar. Gellerup Svømmeklub har et hold for børn på 8-10 år tirsdag kl. 16.30. Det koster 450 kr. for et halvt år, og Fritidspasset kan betale det hele. Jeg tager ansøgningen med til jer, så I bare skal skrive under.'
			},
			{ by: { member: 'Omar Hassan' }, at: ago(4, 22), text: 'Tak Jonas, det lyder godt. Sara glæder sig!' }
		],
		reads: [{ who: { staff: 'Jonas Holm' }, upTo: 4, after: 35 }],
		done: true
	},
	{
		family: 'Hassan',
		subject: 'Fritidsjob',
		to: 'Jonas Holm',
		private: 'Yusuf Hassan',
		lines: [
			{
				by: { member: 'Yusuf Hassan' },
				at: ago(20, 5),
				text: 'Hej Jonas. Ali siger, at du kender nogen i Brugsen? Jeg vil gerne have et fritidsjob, måske med at fylde varer op. Jeg har ikke sagt det til mine forældre endnu. Jeg vil gerne selv klare det først.'
			},
			{
				by: { staff: 'Jonas Holm' },
				at: ago(20, 2),
				text: 'Hej Yusuf. Fedt, at du skriver! Brugsen på Gudrunsvej søger to unge til at fylde varer op lørdag formiddag. Man skal være fyldt 15. Skal vi skrive ansøgningen sammen i klubben på torsdag kl. 15?'
			},
			{ by: { member: 'Yusuf Hassan' }, at: ago(19, 23), text: 'Ja tak! Jeg kommer kl. 15.' },
			{
				by: { staff: 'Jonas Holm' },
				at: ago(12, 4),
				text: 'Godt gået i dag, Yusuf. Ansøgningen er sendt. Det er helt okay at være lidt nervøs til samtalen.'
			},
			{ by: { member: 'Yusuf Hassan' }, at: ago(3, 6), text: 'JEG FIK JOBBET!!! Jeg starter på lørdag.' },
			{
				by: { staff: 'Jonas Holm' },
				at: ago(3, 5),
				text: 'Tillykke, Yusuf! Det har du fortjent. Skriv, hvis der er noget med vagterne eller skolen.'
			}
		]
	},
	{
		family: 'Warsame',
		subject: 'Warqad ka timid isbitaalka',
		to: 'Sahra Abdi',
		lines: [
			{
				by: { member: 'Faadumo Warsame' },
				at: ago(3, 4),
				text: 'Salaan Sahra. Waxaa ii yimid warqad ka timid isbitaalka. Waa af Deenish, mana fahmin. Ma i caawin kartaa?'
			},
			{ by: { staff: 'Sahra Abdi' }, at: ago(3, 3, 30), quick: 1, lang: 'so' },
			{
				by: { member: 'Faadumo Warsame' },
				at: ago(2, 7),
				text: 'Hodan ayaa sawirka kuugu soo dirtay telefoonkeeda. Mahadsanid, gabadhayda.'
			},
			{
				by: { staff: 'Sahra Abdi' },
				at: ago(2, 5, 10),
				note: 'Indkaldelse til øjenambulatoriet, AUH, tirsdag kl. 10.30. Faadumo vil gerne have følgeskab. Tolk (somali) er bestilt.'
			},
			{
				by: { staff: 'Sahra Abdi' },
				at: ago(2, 5),
				text: 'Faadumo, warqaddu waa ballan dhakhtarka indhaha, Talaadada soo socota saacadda 10:30, Isbitaalka Aarhus. Turjumaan Soomaali ah ayaa joogi doona. Haddii aad rabto, waan ku raaci karaa: waxaan kaa qaadi karaa guriga saacadda 9:30.'
			},
			{ by: { member: 'Faadumo Warsame' }, at: ago(0, 20), text: 'Haa, fadlan i raac. Ilaahay ha ku barakeeyo.' }
		]
	},
	{
		family: 'Yılmaz',
		subject: "Emre'nin devamsızlığı",
		to: 'Ali Demir',
		lines: [
			{
				by: { member: 'Ayşe Yılmaz' },
				at: ago(1, 3),
				text: "Merhaba Ali Bey. Okuldan Emre'nin devamsızlığı hakkında bir mektup geldi. Emre sabahları çok yorgun. Ne yapmalıyız?"
			},
			{ by: { staff: 'Ali Demir' }, at: ago(1, 1, 40), quick: 3, lang: 'tr' },
			{
				by: { staff: 'Ali Demir' },
				at: ago(0, 5),
				text: 'Merhaba Ayşe Hanım. Okulla konuştum. Sınıf öğretmeni sizinle ve Emre ile perşembe 14.00’te buluşmak istiyor. Ben de geleceğim. Uygun mu?'
			}
		]
	},
	{
		family: 'Yılmaz',
		subject: 'Fizik tedavi',
		to: 'Rojda Aydın',
		private: 'Mehmet Yılmaz',
		lines: [
			{
				by: { staff: 'Rojda Aydın' },
				at: ago(6, 2),
				text: "Merhaba Mehmet Bey. Fizik tedavi için yeni bir saat buldum: salı 15.30, Gellerup Sağlık Evi'nde. Uygun mu?"
			},
			{ by: { member: 'Mehmet Yılmaz' }, at: ago(5, 22), text: 'Evet, uygun. Teşekkürler Rojda Hanım.' }
		],
		reads: [{ who: { staff: 'Rojda Aydın' }, upTo: 1, after: 50 }],
		done: true
	},
	{
		family: 'Melnyk',
		subject: 'Лист від SKAT',
		to: 'Olena Kovalenko',
		lines: [
			{
				by: { member: 'Iryna Melnyk' },
				at: ago(0, 5),
				text: 'Добрий день, Олено. Я отримала лист від SKAT про податкову картку (forskudsopgørelse). Я не розумію, що треба змінити. Чи можете допомогти?'
			},
			{ by: { staff: 'Sahra Abdi' }, at: ago(0, 4, 15), quick: 0, lang: 'uk' }
		]
	},
	{
		family: 'Rahimi',
		subject: 'نوبت دکتر برای آرش',
		to: 'Fatima Ahmadi',
		lines: [
			{
				by: { member: 'Zahra Rahimi' },
				at: ago(4, 6),
				text: 'سلام فاطمه جان. آرش دو هفته است سرفه می‌کند. دکتر گفت باید آزمایش بدهد، ولی نامه به زبان دانمارکی است. کی و کجا باید برویم؟'
			},
			{
				by: { staff: 'Fatima Ahmadi' },
				at: ago(4, 4),
				text: 'سلام زهرا. در نامه نوشته که آزمایش در بیمارستان اسکیبی است، روز چهارشنبه ساعت ۹ صبح. آرش می‌تواند صبحانه بخورد. اگر بخواهید، با شما می‌آیم.'
			},
			{ by: { member: 'Zahra Rahimi' }, at: ago(4, 3), text: 'خیلی ممنون! لازم نیست، همسرم با ما می‌آید.' }
		],
		reads: [{ who: { staff: 'Fatima Ahmadi' }, upTo: 2, after: 15 }],
		done: true
	},
	{
		family: 'Qureshi',
		subject: 'ڈینش کلاس کا وقت',
		to: 'Nadia Iqbal',
		lines: [
			{
				by: { member: 'Sana Qureshi' },
				at: ago(2, 2),
				text: 'السلام علیکم نادیہ۔ میری ڈینش کلاس کا وقت بدل گیا ہے۔ اب یہ صبح 8 بجے ہے، لیکن مجھے عائشہ کو اسکول چھوڑنا ہوتا ہے۔ کیا شام کی کلاس مل سکتی ہے؟'
			},
			{ by: { staff: 'Nadia Iqbal' }, at: ago(1, 22), note: 'Sprogcenteret: aftenhold tirs/tors 17-19. Sana skal svare inden fredag.' },
			{
				by: { staff: 'Nadia Iqbal' },
				at: ago(1, 21, 30),
				text: 'وعلیکم السلام ثنا۔ میں نے زبان کے اسکول سے بات کی ہے۔ منگل اور جمعرات کو شام 5 بجے کی کلاس میں جگہ ہے۔ کیا یہ آپ کے لیے ٹھیک ہے؟ جمعہ تک بتا دیں۔'
			}
		]
	}
];

interface Ids {
	teamId: string;
	familyIds: Map<string, string>;
	memberIds: Map<string, string>;
	staffIds: Map<string, string>;
}

type DemoFile = 'letterPhoto' | 'housingBenefitPdf';

/** A one-page PDF, written by hand ("Boligstøtte" in Helvetica); its xref offsets are counted when it is made. */
function onePagePdf(): Uint8Array {
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	const text = 'BT /F1 24 Tf 72 760 Td (Boligstoette 2026) Tj 0 -36 Td /F1 12 Tf (Demo: one page from Opgang.) Tj ET';
	objects.push(`<< /Length ${text.length} >>\nstream\n${text}\nendstream`);
	let pdf = '%PDF-1.4\n';
	const offsets = objects.map((body, i) => {
		const at = pdf.length;
		pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
		return at;
	});
	const xref = pdf.length;
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return new TextEncoder().encode(pdf);
}

/** The demo's files, made at seed time (no files in the repository): a photo of a letter, and a PDF. */
async function demoFile(kind: DemoFile): Promise<PreparedFile> {
	if (kind === 'housingBenefitPdf') {
		const bytes = onePagePdf();
		return { name: 'Boligstøtte.pdf', type: 'application/pdf', bytes, width: null, height: null, thumb: null };
	}
	// A white sheet with grey lines of "text", as a phone photographs a letter on a table.
	const bar = (top: number, width: number, height = 18) => ({
		input: { create: { width, height, channels: 3 as const, background: '#8a8a8a' } },
		top,
		left: 80
	});
	const lines = Array.from({ length: 22 }, (_, i) => bar(260 + i * 30, i % 5 === 4 ? 380 : 620));
	const photo = await sharp({ create: { width: 800, height: 1000, channels: 3, background: '#ffffff' } })
		.composite([bar(90, 300, 40), bar(150, 200, 20), ...lines])
		.jpeg({ quality: 85 })
		.toBuffer();
	const prepared = await prepareFiles([new File([new Uint8Array(photo)], 'Brev fra boligselskabet.jpg')]);
	if (!prepared.ok) throw new Error(`Demo messages: the letter photo was refused (${prepared.error})`);
	return prepared.files[0];
}

function idOf(map: Map<string, string>, name: string, what: string): string {
	const id = map.get(name);
	if (!id) throw new Error(`Demo messages: unknown ${what} "${name}"`);
	return id;
}

/** Writes the quick replies and the conversations, with their lines and read marks, as the services would have. */
export async function seedMessages(tx: Db, ids: Ids, now = new Date()): Promise<void> {
	await tx.insert(quickReplies).values(quickReplyList.map((texts, position) => ({ teamId: ids.teamId, texts, position })));
	const member = (name: string) => idOf(ids.memberIds, name, 'family member');
	const staffId = (name: string) => idOf(ids.staffIds, name, 'staff member');
	const atOf = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

	for (const c of conversationList) {
		const familyId = idOf(ids.familyIds, c.family, 'family');
		const lines = c.lines.map((l) => ({ ...l, createdAt: atOf(l.at) }));
		for (let i = 1; i < lines.length; i++)
			if (lines[i].createdAt <= lines[i - 1].createdAt) throw new Error(`Demo messages: "${c.subject}" is not in time order`);
		const first = lines[0];
		// The wait the family is in, and the wait each of the team's replies ends (the team's figures).
		let waiting: Date | null = null;
		const waits = lines.map((l) => {
			if ('note' in l || 'handTo' in l) return null;
			if ('member' in l.by) {
				waiting ??= l.createdAt;
				return null;
			}
			const answered: Date | null = waiting;
			waiting = null;
			return answered;
		});
		const handedTo = lines.filter((l) => 'handTo' in l).at(-1);
		const shown = lines.filter((l) => !('note' in l));
		const [row] = await tx
			.insert(conversations)
			.values({
				familyId,
				teamId: ids.teamId,
				visibility: c.private ? 'member_private' : 'adults',
				memberId: c.private ? member(c.private) : null,
				subject: c.subject,
				staffId: staffId(handedTo && 'handTo' in handedTo ? handedTo.handTo : c.to),
				startedByMemberId: 'member' in first.by ? member(first.by.member) : null,
				startedByStaffId: 'staff' in first.by ? staffId(first.by.staff) : null,
				status: c.done ? 'done' : 'open',
				waitingSince: c.done ? null : waiting,
				lastMessageAt: shown.at(-1)!.createdAt,
				formKey: randomUUID(),
				createdAt: first.createdAt
			})
			.returning({ id: conversations.id });
		const written = await tx
			.insert(messages)
			.values(
				lines.map((l, i) => {
					const author = 'member' in l.by ? { authorMemberId: member(l.by.member) } : { authorStaffId: staffId(l.by.staff) };
					const quick = 'quick' in l ? quickReplyList[l.quick] : null;
					return {
						conversationId: row.id,
						familyId,
						teamId: ids.teamId,
						kind: 'note' in l ? ('note' as const) : 'handTo' in l ? ('handover' as const) : ('message' as const),
						...author,
						body: 'text' in l ? l.text : 'note' in l ? l.note : quick && 'lang' in l ? quick[l.lang]! : '',
						lang: quick && 'lang' in l ? l.lang : null,
						bodyDa: quick ? quick.da! : null,
						handedToStaffId: 'handTo' in l ? staffId(l.handTo) : null,
						answersWaitSince: waits[i],
						formKey: randomUUID(),
						createdAt: l.createdAt
					};
				})
			)
			.returning({ id: messages.id });
		for (const [i, l] of lines.entries()) {
			if ('files' in l && l.files?.length) {
				const ref = { messageId: written[i].id, conversationId: row.id, familyId, teamId: ids.teamId };
				await storeFiles(tx, ref, await Promise.all(l.files.map(demoFile)));
			}
		}
		// A writer has read up to their own last message; some have read further.
		const reads = new Map<string, { who: DemoWho; until: Date; seen: Date }>();
		const raise = (who: DemoWho, until: Date, seen: Date) => {
			const key = 'member' in who ? `m:${who.member}` : `s:${who.staff}`;
			const had = reads.get(key);
			if (!had || had.until < until) reads.set(key, { who, until, seen: seen > now ? now : seen });
		};
		for (const l of shown) if (!('handTo' in l)) raise(l.by, l.createdAt, l.createdAt);
		for (const r of c.reads ?? []) raise(r.who, lines[r.upTo].createdAt, new Date(lines[r.upTo].createdAt.getTime() + r.after * 60_000));
		await tx.insert(conversationReads).values(
			[...reads.values()].map((r) => ({
				conversationId: row.id,
				familyId,
				memberId: 'member' in r.who ? member(r.who.member) : null,
				staffId: 'staff' in r.who ? staffId(r.who.staff) : null,
				readUntil: r.until,
				seenAt: r.seen
			}))
		);
	}
}
