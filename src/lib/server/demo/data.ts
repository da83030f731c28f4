/**
 * The demo data as plain values: one team in Gellerup, its staff, eight families and the
 * sign-ins. Every name, phone number and story is invented. seed.ts turns this into rows;
 * people refer to each other by name here and by id in the database.
 *
 * Who sees what (access.ts: contact person, the contact person's stand-in, involved staff,
 * and the team leader for every family in the team):
 * - Mette Kjær: Hassan, Warsame (contact). She is nobody's stand-in and involved nowhere else.
 * - Ali Demir: Yılmaz (contact), Hassan (involved). He is nobody's stand-in.
 * - Lone Bak (team leader): every family.
 * - Rahimi, Melnyk, Qureshi and Nielsen are active families that neither Mette nor Ali can see.
 * - Olena Kovalenko (contact person of Melnyk) is away (from 10 days before the demo was loaded,
 *   for 24 days); Sahra Abdi stands in, so she sees Melnyk.
 * - Mette goes on holiday 5 days after the demo was loaded; Sahra stands in and already sees
 *   Hassan and Warsame (a stand-in sees the families from 7 days before an absence).
 */
import type {
	AbsenceKind,
	FamilyStatus,
	LifeArea,
	MeetingStatus,
	MeetingType,
	MemberRole,
	StaffRole,
	StandardDepartment as Department
} from '../../codes';
import type { LocalizedText } from '../../localized';

// An invented municipality: the demo must not look like any real one's data.
export const organisation = {
	name: 'Lyngbæk Kommune',
	phone: '+45 87 10 20 30',
	address: 'Familieteamet, Bazarvej 4, 8220 Lyngbæk',
	email: 'familieteamet@lyngbaek.example',
	openingHours: [
		{ days: [1, 2, 3], opens: '09:00', closes: '15:00' },
		{ days: [4], opens: '09:00', closes: '17:00' },
		{ days: [5], opens: '09:00', closes: '12:00' }
	],
	logoPath: '/logo-lyngbaek.svg',
	privacyEmail: 'databeskyttelse@lyngbaek.example',
	dpoEmail: 'dpo@lyngbaek.example',
	accessibilityReviewedOn: '2026-11-30'
};
/** What Lyngbæk Kommune calls its departments. */
export const departmentNames: Record<Department, string> = {
	employment: 'Job og uddannelse',
	social: 'Socialrådgivning',
	children_youth: 'Børn og unge',
	health: 'Sundhed',
	culture: 'Kultur og fritid'
};

export const team = {
	name: 'Familieteamet Gellerup',
	area: 'Gellerup',
	/** The team's local office, in the neighbourhood (the municipality's own address is the town hall's). */
	officeAddress: 'Familieteamets lokalkontor, Karensvej 6, st., 8220 Lyngbæk'
} as const;

/** Where the team starts a walk and talk, in the order families see them (the last one is put aside for now). */
export const meetingPointList: { name: string; description?: string; active?: boolean }[] = [
	{ name: 'Indgangen til Lyngbæk Parken', description: 'Ved den store legeplads, ud mod Karensvej' },
	{ name: 'Biblioteket i Bazarhuset', description: 'Foran hovedindgangen, ved cykelstativerne' },
	{ name: 'Stien ved Lyngbæk Sø', description: 'Ved bænkene, hvor stien begynder bag skolen' },
	{ name: 'Beboerhuset Solsikken', description: 'Ved døren til caféen' },
	{ name: 'Multibanen', description: 'Lukket, mens den bygges om', active: false }
];

export interface DemoStaff {
	name: string;
	department: Department;
	role: StaffRole;
	languages: string[];
	phone: string;
	/** What they help with, as topics every family reads in its own language. */
	helpTopics: LifeArea[];
	/** "What I can help with" in their own words, in the languages they write (Danish always). */
	helpText: LocalizedText;
	/** Name of the colleague who usually stands in while this person is away. */
	standIn: string | null;
	/** An absence relative to the day the demo is loaded, so it is current whenever one tries it. */
	absence?: { startsInDays: number; days: number; kind: AbsenceKind; standIn: string };
}

export const staffMembers: DemoStaff[] = [
	{
		name: 'Lone Bak',
		department: 'social',
		role: 'team_leader',
		languages: ['da', 'en'],
		phone: '+45 41 23 40 00',
		helpTopics: ['family'],
		helpText: {
			da: 'Jeg leder teamet og sørger for, at jeres familie altid har én fast kontaktperson, der kender jer.',
			en: 'I lead the team and make sure your family always has one contact person who knows you.'
		},
		standIn: null
	},
	{
		name: 'Mette Kjær',
		department: 'employment',
		role: 'caseworker',
		languages: ['da', 'en'],
		phone: '+45 41 23 45 67',
		helpTopics: ['work'],
		helpText: {
			da: 'Job, uddannelse og praktik – og alt det, der skal til for at komme derhen.',
			en: 'Jobs, education and work placements – and everything it takes to get there.'
		},
		standIn: 'Sahra Abdi',
		// On holiday soon: Sahra already sees Mette's families to prepare (7 days ahead).
		absence: { startsInDays: 5, days: 10, kind: 'holiday', standIn: 'Sahra Abdi' }
	},
	{
		name: 'Ali Demir',
		department: 'children_youth',
		role: 'caseworker',
		languages: ['da', 'tr', 'ku'],
		phone: '+45 41 23 51 12',
		helpTopics: ['school', 'leisure'],
		helpText: {
			da: 'Jeg hjælper børn og unge med skolen, fritidsjob og et godt fællesskab med andre unge.',
			tr: 'Çocuklara ve gençlere okul, yarı zamanlı iş ve diğer gençlerle iyi bir arkadaşlık konusunda yardım ediyorum.'
		},
		standIn: 'Signe Thorsen'
	},
	{
		name: 'Sahra Abdi',
		department: 'social',
		role: 'caseworker',
		languages: ['da', 'so'],
		phone: '+45 41 23 52 08',
		helpTopics: ['housing', 'money'],
		helpText: {
			da: 'Jeg hjælper med bolig, økonomi og gæld, så hverdagen bliver lidt lettere at overskue.',
			so: 'Waxaan ka caawiyaa guriga, dhaqaalaha iyo deynta, si nolol maalmeedku u fududaato.'
		},
		standIn: 'Lone Bak'
	},
	{
		name: 'Fatima Ahmadi',
		department: 'health',
		role: 'caseworker',
		languages: ['da', 'fa', 'ar'],
		phone: '+45 41 23 53 31',
		helpTopics: ['health'],
		helpText: {
			da: 'Jeg hjælper med helbred, lægebesøg, genoptræning og hjemmehjælp til hele familien.',
			fa: 'من در سلامتی، رفتن به پزشک، توان‌بخشی و کمک در خانه به همه خانواده کمک می‌کنم.',
			ar: 'أساعد في الصحة وزيارات الطبيب وإعادة التأهيل والمساعدة المنزلية لكل العائلة.'
		},
		standIn: 'Rojda Aydın'
	},
	{
		name: 'Rojda Aydın',
		department: 'health',
		role: 'caseworker',
		languages: ['da', 'ku', 'tr'],
		phone: '+45 41 23 54 76',
		helpTopics: ['health'],
		helpText: {
			da: 'Jeg hjælper, når smerter, stress eller søvn står i vejen for det, I gerne vil.',
			tr: 'Ağrı, stres ya da uyku istediklerinizin önüne geçtiğinde yardım ediyorum.'
		},
		standIn: 'Fatima Ahmadi'
	},
	{
		name: 'Jonas Holm',
		department: 'culture',
		role: 'caseworker',
		languages: ['da', 'en'],
		phone: '+45 41 23 55 19',
		helpTopics: ['leisure'],
		helpText: {
			da: 'Jeg finder foreninger, klubber og fritidsaktiviteter, der passer til jer – store som små.',
			en: 'I find clubs and leisure activities that suit you – young and old.'
		},
		standIn: 'Signe Thorsen'
	},
	{
		name: 'Signe Thorsen',
		department: 'children_youth',
		role: 'caseworker',
		languages: ['da', 'en', 'de'],
		phone: '+45 41 23 56 40',
		helpTopics: ['school'],
		helpText: {
			da: 'Jeg hjælper med skole, daginstitution og fravær, så jeres børn trives hver dag.',
			en: 'I help with school, nursery and absence, so your children do well every day.'
		},
		standIn: 'Jonas Holm'
	},
	{
		name: 'Nadia Iqbal',
		department: 'employment',
		role: 'caseworker',
		languages: ['da', 'ur', 'en'],
		phone: '+45 41 23 57 85',
		helpTopics: ['work'],
		helpText: {
			da: 'Jeg hjælper med danskuddannelse, jobsøgning og kontakt til lokale arbejdspladser.',
			ur: 'میں ڈینش زبان کی تعلیم، نوکری کی تلاش اور مقامی کام کی جگہوں سے رابطے میں مدد کرتی ہوں۔',
			en: 'I help with Danish lessons, looking for work and contact with local workplaces.'
		},
		standIn: 'Karim Haddad'
	},
	{
		name: 'Karim Haddad',
		department: 'employment',
		role: 'caseworker',
		languages: ['da', 'ar', 'fr'],
		phone: '+45 41 23 58 23',
		helpTopics: ['work'],
		helpText: {
			da: 'Jeg hjælper med praktik, fleksjob og vejen tilbage til arbejde efter lang tid væk.',
			ar: 'أساعد في التدريب العملي والعمل المرن والعودة إلى العمل بعد غياب طويل.'
		},
		standIn: 'Nadia Iqbal'
	},
	{
		name: 'Olena Kovalenko',
		department: 'social',
		role: 'caseworker',
		languages: ['da', 'uk', 'ru', 'en'],
		phone: '+45 41 23 59 64',
		helpTopics: ['housing', 'family'],
		helpText: {
			da: 'Jeg hjælper nye familier med at finde rundt i kommunen, boligen og hverdagen i Danmark.',
			uk: 'Я допомагаю новим сім’ям розібратися з комуною, житлом і щоденним життям у Данії.',
			en: 'I help new families find their way around the municipality, housing and daily life in Denmark.'
		},
		standIn: 'Sahra Abdi',
		absence: { startsInDays: -10, days: 24, kind: 'leave', standIn: 'Sahra Abdi' }
	}
];

export interface DemoMember {
	name: string;
	role: MemberRole;
	birthYear: number;
	preferredLanguage: string;
}

export interface DemoInvolvement {
	staff: string;
	topics: LifeArea[];
	staffNote: string;
	since: string;
	forMembers?: { member: string; note: LocalizedText }[];
}

export interface DemoFamily {
	name: string;
	contactPerson: string;
	status: FamilyStatus;
	enrolledOn: string;
	endedOn: string | null;
	members: DemoMember[];
	/**
	 * Other staff involved: the topics the whole family sees, the team's own note (staff only),
	 * and what they help single members with (private to that member; for a young child, to
	 * the adults too).
	 */
	involved: DemoInvolvement[];
}

const m = (name: string, role: MemberRole, birthYear: number, preferredLanguage: string): DemoMember => ({
	name,
	role,
	birthYear,
	preferredLanguage
});

export const familyList: DemoFamily[] = [
	{
		name: 'Hassan',
		contactPerson: 'Mette Kjær',
		status: 'active',
		enrolledOn: '2024-02-12',
		endedOn: null,
		members: [
			m('Amina Hassan', 'parent', 1984, 'ar'),
			m('Omar Hassan', 'parent', 1979, 'da'),
			m('Yusuf Hassan', 'child', 2011, 'da'),
			m('Sara Hassan', 'child', 2017, 'ar'),
			m('Halima Hassan', 'other_adult', 1952, 'ar')
		],
		involved: [
			{
				staff: 'Ali Demir',
				topics: ['school', 'leisure'],
				staffNote: 'Yusufs fritidsjob og skolen',
				since: '2024-09-02',
				forMembers: [{ member: 'Yusuf Hassan', note: { da: 'Vi finder et fritidsjob til dig, og jeg hjælper, når skolen driller.' } }]
			},
			{
				staff: 'Fatima Ahmadi',
				topics: ['health'],
				staffNote: 'Halimas hjemmehjælp og lægebesøg',
				since: '2024-04-15',
				forMembers: [
					{
						member: 'Halima Hassan',
						note: { da: 'Hjemmehjælp og dine besøg hos lægen.', ar: 'المساعدة المنزلية وزياراتك للطبيب.' }
					}
				]
			},
			{
				staff: 'Jonas Holm',
				topics: ['leisure'],
				staffNote: 'Saras svømmehold og fritidsklubben',
				since: '2025-01-20',
				forMembers: [
					{ member: 'Sara Hassan', note: { da: 'Saras svømmehold og fritidsklubben.', en: "Sara's swimming team and after-school club." } }
				]
			}
		]
	},
	{
		name: 'Yılmaz',
		contactPerson: 'Ali Demir',
		status: 'active',
		enrolledOn: '2023-10-02',
		endedOn: null,
		members: [
			m('Ayşe Yılmaz', 'parent', 1986, 'tr'),
			m('Mehmet Yılmaz', 'parent', 1981, 'tr'),
			m('Emre Yılmaz', 'child', 2010, 'da'),
			m('Elif Yılmaz', 'child', 2016, 'da')
		],
		involved: [
			{
				staff: 'Rojda Aydın',
				topics: ['health'],
				staffNote: 'Mehmets rygsmerter og genoptræning',
				since: '2024-03-11',
				forMembers: [{ member: 'Mehmet Yılmaz', note: { da: 'Din ryg og din genoptræning.', tr: 'Sırtınız ve fizik tedaviniz.' } }]
			}
		]
	},
	{
		name: 'Warsame',
		contactPerson: 'Mette Kjær',
		status: 'active',
		enrolledOn: '2025-03-17',
		endedOn: null,
		members: [
			m('Hodan Warsame', 'parent', 1988, 'so'),
			m('Abdirahman Warsame', 'child', 2012, 'da'),
			m('Ifrah Warsame', 'child', 2015, 'so'),
			m('Liban Warsame', 'child', 2020, 'so')
		],
		involved: [
			{ staff: 'Sahra Abdi', topics: ['housing', 'money'], staffNote: 'Boligen og familiens økonomi', since: '2025-04-01' },
			{
				staff: 'Signe Thorsen',
				topics: ['school'],
				staffNote: 'Ifrahs fravær i skolen',
				since: '2025-08-18',
				forMembers: [{ member: 'Ifrah Warsame', note: { da: 'At Ifrah kommer glad i skole hver dag.' } }]
			}
		]
	},
	{
		name: 'Rahimi',
		contactPerson: 'Fatima Ahmadi',
		status: 'active',
		enrolledOn: '2024-06-03',
		endedOn: null,
		members: [
			m('Zahra Rahimi', 'parent', 1990, 'fa'),
			m('Reza Rahimi', 'parent', 1985, 'fa'),
			m('Mina Rahimi', 'child', 2010, 'da'),
			m('Arash Rahimi', 'child', 2018, 'fa')
		],
		involved: [
			{
				staff: 'Karim Haddad',
				topics: ['work'],
				staffNote: 'Rezas praktik i et lokalt byggefirma',
				since: '2024-10-07',
				forMembers: [{ member: 'Reza Rahimi', note: { da: 'Din praktik i byggefirmaet.' } }]
			}
		]
	},
	{
		name: 'Melnyk',
		contactPerson: 'Olena Kovalenko',
		status: 'active',
		enrolledOn: '2026-01-12',
		endedOn: null,
		members: [m('Iryna Melnyk', 'parent', 1987, 'uk'), m('Dmytro Melnyk', 'child', 2012, 'uk'), m('Sofiia Melnyk', 'child', 2019, 'uk')],
		involved: [
			{
				staff: 'Nadia Iqbal',
				topics: ['work'],
				staffNote: 'Irynas danskuddannelse og jobsøgning',
				since: '2026-02-02',
				forMembers: [
					{
						member: 'Iryna Melnyk',
						note: { da: 'Din danskuddannelse og din jobsøgning.', en: 'Your Danish lessons and your job search.' }
					}
				]
			}
		]
	},
	{
		name: 'Qureshi',
		contactPerson: 'Nadia Iqbal',
		status: 'active',
		enrolledOn: '2023-08-21',
		endedOn: null,
		members: [
			m('Sana Qureshi', 'parent', 1983, 'ur'),
			m('Imran Qureshi', 'parent', 1980, 'ur'),
			m('Bilal Qureshi', 'child', 2011, 'da'),
			m('Aisha Qureshi', 'child', 2014, 'da')
		],
		involved: [
			{
				staff: 'Jonas Holm',
				topics: ['leisure'],
				staffNote: 'Bilals fritidsjob i den lokale idrætsforening',
				since: '2024-05-13',
				forMembers: [{ member: 'Bilal Qureshi', note: { da: 'Dit fritidsjob i idrætsforeningen.' } }]
			}
		]
	},
	{
		name: 'Nielsen',
		contactPerson: 'Signe Thorsen',
		status: 'active',
		enrolledOn: '2025-09-08',
		endedOn: null,
		members: [
			m('Camilla Nielsen', 'parent', 1992, 'da'),
			m('Mikkel Nielsen', 'child', 2015, 'da'),
			m('Freja Nielsen', 'child', 2020, 'da')
		],
		involved: [
			{
				staff: 'Rojda Aydın',
				topics: ['health'],
				staffNote: 'Camillas søvn og stress',
				since: '2025-10-06',
				forMembers: [{ member: 'Camilla Nielsen', note: { da: 'Bedre søvn og mindre stress.' } }]
			}
		]
	},
	{
		name: 'Rashid',
		contactPerson: 'Rojda Aydın',
		status: 'ended',
		enrolledOn: '2023-03-06',
		endedOn: '2026-06-30',
		members: [m('Shilan Rashid', 'parent', 1981, 'ku'), m('Azad Rashid', 'parent', 1978, 'ku'), m('Dilan Rashid', 'child', 2010, 'da')],
		involved: [{ staff: 'Karim Haddad', topics: ['work'], staffNote: 'Shilans job i kantinen på plejehjemmet', since: '2023-09-04' }]
	}
];

export interface DemoUser {
	/** At least one of the two: what the person signs in with. */
	email?: string;
	/** As a person would type it; stored normalised (+45…). */
	phone?: string;
	who: string;
	locale: string;
	/** Exactly one: the family member's or the staff member's name. */
	member?: string;
	staff?: string;
	/** Shown in the console list of demo sign-ins. */
	listed: boolean;
}

export const userList: DemoUser[] = [
	{ email: 'amina@example.org', who: 'mother, Hassan family', locale: 'ar', member: 'Amina Hassan', listed: true },
	{ email: 'omar@example.org', who: 'father, Hassan family', locale: 'da', member: 'Omar Hassan', listed: true },
	{ email: 'yusuf@example.org', who: 'teenager (15), Hassan family', locale: 'da', member: 'Yusuf Hassan', listed: true },
	{ email: 'ayse@example.org', who: 'mother, Yılmaz family', locale: 'tr', member: 'Ayşe Yılmaz', listed: true },
	// No e-mail: he signs in with his phone number.
	{ phone: '52 60 14 93', who: 'father, Yılmaz family (phone, no e-mail)', locale: 'tr', member: 'Mehmet Yılmaz', listed: true },
	{ email: 'hodan@example.org', who: 'mother, Warsame family', locale: 'so', member: 'Hodan Warsame', listed: true },
	{ email: 'mette@example.org', who: 'caseworker (employment), Mette Kjær', locale: 'da', staff: 'Mette Kjær', listed: true },
	{ email: 'ali@example.org', who: 'caseworker (children and youth), Ali Demir', locale: 'da', staff: 'Ali Demir', listed: true },
	{ email: 'lone@example.org', who: 'team leader, Lone Bak', locale: 'da', staff: 'Lone Bak', listed: true },
	{ email: 'iryna@example.org', who: 'mother, Melnyk family (contact person away)', locale: 'uk', member: 'Iryna Melnyk', listed: true },
	{ email: 'zahra@example.org', who: 'mother, Rahimi family', locale: 'fa', member: 'Zahra Rahimi', listed: true },
	{ email: 'sana@example.org', who: 'mother, Qureshi family', locale: 'ur', member: 'Sana Qureshi', listed: true },
	{ email: 'sahra@example.org', who: 'caseworker (social), stand-in for Mette and Olena', locale: 'da', staff: 'Sahra Abdi', listed: true },
	{ email: 'fatima@example.org', who: 'caseworker (health), Fatima Ahmadi', locale: 'da', staff: 'Fatima Ahmadi', listed: false },
	{ email: 'rojda@example.org', who: 'caseworker (health), Rojda Aydın', locale: 'da', staff: 'Rojda Aydın', listed: false },
	{ email: 'jonas@example.org', who: 'caseworker (culture), Jonas Holm', locale: 'da', staff: 'Jonas Holm', listed: false },
	{
		email: 'signe@example.org',
		who: 'caseworker (children and youth), Signe Thorsen',
		locale: 'da',
		staff: 'Signe Thorsen',
		listed: false
	},
	{ email: 'nadia@example.org', who: 'caseworker (employment), Nadia Iqbal', locale: 'da', staff: 'Nadia Iqbal', listed: false },
	{ email: 'karim@example.org', who: 'caseworker (employment), Karim Haddad', locale: 'da', staff: 'Karim Haddad', listed: false },
	{ email: 'olena@example.org', who: 'caseworker (social), Olena Kovalenko (away)', locale: 'da', staff: 'Olena Kovalenko', listed: false }
];

export interface DemoWish {
	member: string;
	text: string;
	lifeArea: LifeArea | null;
	status?: 'open' | 'came_true' | 'let_go';
	/** A teenager's wish starts private; `shared` shows it to the parents. */
	shared?: boolean;
	daysAgo: number;
}

/** Wishes in the family members' own words and languages. */
export const wishList: DemoWish[] = [
	{
		member: 'Amina Hassan',
		text: 'أتمنى أن أعمل في مطبخ مدرسة أو روضة أطفال، وأن أتحدث الدنماركية بثقة أكبر.',
		lifeArea: 'work',
		daysAgo: 40
	},
	{ member: 'Amina Hassan', text: 'شقة فيها غرفة لكل طفل.', lifeArea: 'housing', daysAgo: 21 },
	{
		member: 'Omar Hassan',
		text: 'Jeg vil gerne have mit kørekort til bus, så jeg kan køre for Midttrafik.',
		lifeArea: 'work',
		daysAgo: 35
	},
	{
		member: 'Omar Hassan',
		text: 'At vi tager på ferie sammen hele familien, bare en uge ved vandet.',
		lifeArea: 'family',
		status: 'came_true',
		daysAgo: 90
	},
	{
		member: 'Yusuf Hassan',
		text: 'Et fritidsjob, så jeg selv kan betale for mine fodboldstøvler.',
		lifeArea: 'work',
		shared: true,
		daysAgo: 18
	},
	{ member: 'Yusuf Hassan', text: 'Jeg vil gerne skifte klasse. Jeg har ikke sagt det til nogen endnu.', lifeArea: 'school', daysAgo: 6 },
	{
		member: 'Hodan Warsame',
		text: 'Waxaan rabaa inaan dhammeeyo koorsada kalkaalisada oo aan ka shaqeeyo guriga waayeelka.',
		lifeArea: 'work',
		daysAgo: 28
	},
	{ member: 'Hodan Warsame', text: 'Carruurtaydu inay helaan saaxiibo iyo kooxo ciyaareed.', lifeArea: 'leisure', daysAgo: 12 },
	{ member: 'Iryna Melnyk', text: 'Я хочу знову працювати бухгалтеркою, тут, у Данії.', lifeArea: 'work', daysAgo: 30 },
	{ member: 'Iryna Melnyk', text: 'Щоб Дмитро знайшов друзів у школі.', lifeArea: 'school', status: 'came_true', daysAgo: 75 }
];

export interface DemoCheckin {
	member: string;
	lifeArea: LifeArea;
	score: 1 | 2 | 3 | 4 | 5;
	note?: string;
	/** A teenager's check-in starts private; `shared` shows it to the parents. */
	shared?: boolean;
	daysAgo: number;
}

/**
 * A series of answers to "How are things going?" for one area, the last one today or `endsAgo`
 * days ago, one every `every` days; notes by position in the series.
 */
function series(
	member: string,
	lifeArea: LifeArea,
	scores: DemoCheckin['score'][],
	every: number,
	{ endsAgo = 0, notes = {}, shared = [] }: { endsAgo?: number; notes?: Record<number, string>; shared?: number[] } = {}
): DemoCheckin[] {
	return scores.map((score, i) => ({
		member,
		lifeArea,
		score,
		note: notes[i],
		shared: shared.includes(i),
		daysAgo: endsAgo + (scores.length - 1 - i) * every
	}));
}

/**
 * About ten weeks of check-ins, so the charts have something to show: Amina's road towards a
 * kitchen job slowly getting better, the damp flat not yet; Yusuf's school and leisure kept to
 * himself and the team, except the day he got his leisure job, which he showed his parents.
 */
export const checkinList: DemoCheckin[] = [
	...series('Amina Hassan', 'work', [2, 2, 3, 2, 3, 3, 4, 3, 4, 4], 7, {
		endsAgo: 1,
		notes: { 6: 'بدأت دورة اللغة الدنماركية.', 9: 'سأزور مطبخ المدرسة الأسبوع القادم.' }
	}),
	...series('Amina Hassan', 'health', [3, 3, 2, 3, 3, 4, 3, 4], 9, { endsAgo: 1 }),
	...series('Amina Hassan', 'housing', [2, 2, 2, 1, 2, 2, 3], 10, { endsAgo: 1, notes: { 3: 'الرطوبة في غرفة الأطفال أسوأ.' } }),
	...series('Omar Hassan', 'work', [3, 3, 4, 4, 3, 4], 12, { endsAgo: 2, notes: { 5: 'Jeg har bestået teoriprøven til bus.' } }),
	...series('Omar Hassan', 'family', [4, 3, 4, 4], 18, { endsAgo: 2 }),
	...series('Yusuf Hassan', 'school', [2, 1, 2, 2, 3], 14, { endsAgo: 3, notes: { 1: 'Det er svært med en af lærerne.' } }),
	...series('Yusuf Hassan', 'leisure', [3, 4, 4, 5], 14, { endsAgo: 3, notes: { 3: 'Jeg har fået et fritidsjob i Brugsen!' }, shared: [3] })
];

/** One weekly window: ISO weekday (Monday 1), local from–to, the kinds of meeting it offers. */
export type DemoWindow = [weekday: number, from: string, to: string, types: MeetingType[]];

const desk: MeetingType[] = ['office', 'phone', 'video'];
const out: MeetingType[] = ['home', 'walk'];
const all: MeetingType[] = ['home', 'office', 'walk', 'phone', 'video'];

/** Most of the team: office days, afternoons out in the neighbourhood, a short Friday. */
const usualWeek: DemoWindow[] = [
	[1, '09:00', '12:00', desk],
	[1, '12:30', '15:00', out],
	[2, '09:00', '15:00', [...desk, 'walk']],
	[3, '09:00', '12:00', out],
	[3, '13:00', '15:00', ['phone', 'video']],
	[4, '09:00', '15:00', all],
	[5, '09:00', '12:00', ['phone', 'video']]
];
/** For parents who work days: a late Thursday, no Friday. */
const lateWeek: DemoWindow[] = [
	[1, '10:00', '16:00', all],
	[2, '09:00', '12:00', desk],
	[3, '12:00', '16:00', [...out, 'phone']],
	[4, '12:00', '18:00', all]
];

/** When each staff member can meet families; every demo staff member has some. */
export const availabilityList: Record<string, DemoWindow[]> = {
	'Lone Bak': [
		[2, '13:00', '15:00', ['office', 'phone']],
		[4, '13:00', '15:00', ['office', 'phone', 'video']]
	],
	'Mette Kjær': usualWeek,
	'Ali Demir': lateWeek,
	'Sahra Abdi': usualWeek,
	'Fatima Ahmadi': [
		[1, '08:30', '14:00', ['home', 'phone']],
		[2, '08:30', '14:00', ['office', 'phone', 'video']],
		[4, '08:30', '14:00', ['home', 'walk', 'phone']]
	],
	'Rojda Aydın': lateWeek,
	'Jonas Holm': [
		[2, '12:00', '17:00', ['walk', 'office', 'phone']],
		[3, '12:00', '17:00', ['walk', 'home', 'phone']],
		[5, '09:00', '13:00', ['phone', 'video']]
	],
	'Signe Thorsen': usualWeek,
	'Nadia Iqbal': usualWeek,
	'Karim Haddad': lateWeek,
	'Olena Kovalenko': usualWeek
};

/** Staff with rules of their own (the others use the defaults: booking.ts defaultRules). */
export const bookingRulesList: Record<
	string,
	{ homeMinutes?: number; travelMinutes?: number; noticeHours?: number; cutoffHours?: number; phoneMinutes?: number }
> = {
	// Long home visits, and a bike: less travel time.
	'Ali Demir': { homeMinutes: 90, travelMinutes: 20 },
	// Plans a week ahead: two days' notice, changes until two days before.
	'Karim Haddad': { noticeHours: 48, cutoffHours: 48 }
};

export interface DemoMeeting {
	family: string;
	staff: string;
	type: MeetingType;
	status?: MeetingStatus;
	/** The first free time from this many days after the demo is loaded (negative: a meeting held already), at or after `time`. */
	inDays: number;
	time: string;
	members: string[];
	bookedBy: string;
	interpreterLanguage?: string;
	/** The office's address, a walk's meeting point; none for a home visit (the family's home), phone or video. */
	place?: string;
	topic?: string;
	/** The goal (its words in goalList) the topic is about. */
	goal?: string;
}

/** A few meetings in the coming weeks (and one held), each at a free time of the staff member's. */
export const meetingList: DemoMeeting[] = [
	{
		family: 'Hassan',
		staff: 'Mette Kjær',
		type: 'office',
		inDays: 2,
		time: '10:00',
		members: ['Amina Hassan', 'Omar Hassan'],
		bookedBy: 'Amina Hassan',
		interpreterLanguage: 'ar',
		place: team.officeAddress,
		topic: 'أريد أن أتحدث عن التدريب في مطبخ المدرسة.',
		goal: 'أن أحصل على شهادة النظافة الغذائية'
	},
	{
		family: 'Hassan',
		staff: 'Mette Kjær',
		type: 'home',
		status: 'held',
		inDays: -9,
		time: '13:00',
		members: ['Amina Hassan', 'Omar Hassan', 'Halima Hassan'],
		bookedBy: 'Omar Hassan',
		interpreterLanguage: 'ar'
	},
	{
		family: 'Yılmaz',
		staff: 'Ali Demir',
		type: 'home',
		inDays: 3,
		time: '13:00',
		members: ['Ayşe Yılmaz', 'Mehmet Yılmaz'],
		bookedBy: 'Ayşe Yılmaz',
		topic: 'Mehmet sırt ağrısından sonra nasıl işe dönebilir?'
	},
	{
		family: 'Warsame',
		staff: 'Sahra Abdi',
		type: 'walk',
		inDays: 4,
		time: '10:00',
		members: ['Hodan Warsame'],
		bookedBy: 'Hodan Warsame',
		place: 'Indgangen til Lyngbæk Parken – Ved den store legeplads, ud mod Karensvej'
	},
	{
		family: 'Hassan',
		staff: 'Ali Demir',
		type: 'phone',
		inDays: 8,
		time: '15:00',
		members: ['Yusuf Hassan'],
		bookedBy: 'Yusuf Hassan',
		topic: 'Fritidsjob i Brugsen? Og lidt om skolen.',
		// His own goal under his private wish: the meeting is the family's, the goal only his (and the team's).
		goal: 'Tale med min lærer om, hvordan jeg har det i klassen'
	}
];

/** Who wrote or does something on a goal: a family member or a staff member, by name. */
export type DemoWho = { member: string } | { staff: string };

export interface DemoGoal {
	/** The start of the wish's text (unique in wishList). */
	wish: string;
	text: string;
	/** A family member's goal is active; a staff member's waits as a proposal. */
	by: DemoWho;
	daysAgo: number;
	/** Added by the goal's writer when it was made; `done` a number of days ago. */
	steps?: { text: string; for: DemoWho | 'together'; dueInDays?: number; done?: { by: DemoWho; daysAgo: number } }[];
	notes?: { by: DemoWho; text: string; daysAgo: number }[];
}

/**
 * Goals in the families' own words: Amina's way to a school kitchen (one step done, one for
 * the whole family, one Mette took on), Ali's proposal to Omar waiting for an answer, and
 * Yusuf's private goal under his private wish (his parents never see it).
 */
export const goalList: DemoGoal[] = [
	{
		wish: 'أتمنى أن أعمل في مطبخ مدرسة',
		text: 'أن أحصل على شهادة النظافة الغذائية',
		by: { member: 'Amina Hassan' },
		daysAgo: 30,
		steps: [
			{ text: 'أسأل في المدرسة عن المطبخ', for: { member: 'Amina Hassan' }, done: { by: { member: 'Amina Hassan' }, daysAgo: 12 } },
			{ text: 'Finde et hygiejnekursus, der passer med børnenes skoletid', for: 'together', dueInDays: 14 },
			{ text: 'Sende Amina tre kurser i hygiejne', for: { staff: 'Mette Kjær' }, dueInDays: 7 }
		],
		notes: [{ by: { staff: 'Mette Kjær' }, text: 'Godt gået med at spørge i skolen! Jeg finder kurserne.', daysAgo: 11 }]
	},
	{
		wish: 'Jeg vil gerne have mit kørekort til bus',
		text: 'Bestå teoriprøven til buskørekort',
		by: { staff: 'Ali Demir' },
		daysAgo: 3
	},
	{
		wish: 'Jeg vil gerne skifte klasse',
		text: 'Tale med min lærer om, hvordan jeg har det i klassen',
		by: { member: 'Yusuf Hassan' },
		daysAgo: 5,
		steps: [{ text: 'Skrive ned, hvad der er svært', for: { member: 'Yusuf Hassan' }, dueInDays: 3 }]
	}
];
