/**
 * The demo's directory (issue 14): the clubs, associations, employers and services of an
 * invented Gellerup-like neighbourhood and about thirty things a teenager or a child can do
 * there. One ended last summer (it stays in history, not in the directory), two nobody has
 * checked for more than six months (flagged for staff), one is full.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { stillGoingAfterDays, type CostPeriod, type InterestStatus, type OpportunityKind, type PartnerKind } from '$lib/codes';
import { addDays, copenhagenDate } from '$lib/i18n/format';
import type { Db } from '../db';
import {
	familyMembers,
	interestEvents,
	interests,
	opportunities,
	opportunityTexts,
	partnerContacts,
	partners,
	savedOpportunities,
	users
} from '../db/schema';

interface DemoPartner {
	key: string;
	name: string;
	kind: PartnerKind;
	area: string;
	notes?: string;
	contacts: { name: string; role: string; phone?: string; email?: string }[];
}

const demoPartners: DemoPartner[] = [
	{
		key: 'fc',
		name: 'Lyngbæk Parken FC',
		kind: 'club',
		area: 'Lyngbæk Parken',
		notes: 'Træneren Abdi svarer hurtigst på sms.',
		contacts: [{ name: 'Abdi Nuur', role: 'Ungdomstræner', phone: '+45 28 14 55 10' }]
	},
	{
		key: 'boxing',
		name: 'Bokseklubben Bazar',
		kind: 'club',
		area: 'Gellerup',
		contacts: [{ name: 'Tariq Shah', role: 'Formand', phone: '+45 31 42 17 08', email: 'tariq@bokseklubbenbazar.example' }]
	},
	{
		key: 'library',
		name: 'Biblioteket i Bazarhuset',
		kind: 'municipal',
		area: 'Gellerup',
		contacts: [{ name: 'Maja Brink', role: 'Bibliotekar for børn og unge', email: 'mbri@lyngbaek.example' }]
	},
	{
		key: 'housing',
		name: 'Boligforeningen Lyngbo',
		kind: 'housing',
		area: 'Lyngbæk Parken',
		notes: 'Fritidsjob i afdelingen går gennem Birgit på ejendomskontoret.',
		contacts: [{ name: 'Birgit Mølgaard', role: 'Ejendomsleder', phone: '+45 87 10 44 20' }]
	},
	{
		key: 'scouts',
		name: 'Spejderne i Lyngbæk',
		kind: 'association',
		area: 'Lyngbæk midtby',
		contacts: [{ name: 'Karen Friis', role: 'Gruppeleder', email: 'karen@spejderlyngbaek.example' }]
	},
	{
		key: 'swim',
		name: 'Svømmeklubben Bølgen',
		kind: 'club',
		area: 'Lyngbæk midtby',
		contacts: [{ name: 'Leyla Öztürk', role: 'Træner for pigeholdet', phone: '+45 40 12 88 31' }]
	},
	{
		key: 'youth',
		name: 'Ungdomsklubben Toppen',
		kind: 'municipal',
		area: 'Gellerup',
		contacts: [{ name: 'Rasmus Kjeldsen', role: 'Klubleder', phone: '+45 87 10 45 60' }]
	},
	{
		key: 'super',
		name: 'Kvickly Lyngbæk',
		kind: 'employer',
		area: 'Lyngbæk midtby',
		notes: 'Tager 2–3 fritidsjobbere om året; samtalen er kort.',
		contacts: [{ name: 'Henrik Lauridsen', role: 'Butikschef', phone: '+45 87 12 30 00' }]
	},
	{
		key: 'bakery',
		name: 'Bageriet ved Torvet',
		kind: 'employer',
		area: 'Gellerup',
		contacts: [{ name: 'Yasmin Haddad', role: 'Indehaver', phone: '+45 22 61 73 05' }]
	},
	{
		key: 'homework',
		name: 'Lektiecaféen Solsikken',
		kind: 'association',
		area: 'Lyngbæk Parken',
		contacts: [{ name: 'Jens Aagaard', role: 'Frivillig koordinator', email: 'lektier@solsikken.example' }]
	},
	{
		key: 'culture',
		name: 'Kulturhuset Lyngbæk',
		kind: 'municipal',
		area: 'Lyngbæk midtby',
		contacts: [{ name: 'Sofie Lind', role: 'Ungekoordinator', email: 'soli@lyngbaek.example' }]
	},
	{
		key: 'redcross',
		name: 'Røde Kors Lyngbæk',
		kind: 'association',
		area: 'Lyngbæk midtby',
		contacts: [{ name: 'Peter Dahl', role: 'Afdelingsformand', phone: '+45 26 33 19 40' }]
	}
];

interface DemoOpportunity {
	partner: string;
	kind: OpportunityKind;
	title: string;
	description: string;
	area: string;
	address?: string;
	ages: [number, number];
	cost?: [number, CostPeriod];
	supportCovers?: boolean;
	weekdays?: number[];
	time?: [string, string];
	languages?: string[];
	firstStep: string;
	companion?: boolean;
	placesLeft?: number;
	/** Days since someone checked it (default: a month). */
	checkedDaysAgo?: number;
	/** Ended this many days ago. */
	endedDaysAgo?: number;
	texts?: Partial<Record<'en' | 'ar' | 'so' | 'tr' | 'fa' | 'ur' | 'uk', { title: string; description: string; firstStep: string }>>;
}

const demoOpportunities: DemoOpportunity[] = [
	{
		partner: 'fc',
		kind: 'club',
		title: 'Fodbold for drenge 13–15 år',
		area: 'Lyngbæk Parken',
		address: 'Multibanen ved Karensvej',
		description:
			'Træning to gange om ugen på kunstgræsbanen. Alle kan være med, også hvis du ikke har spillet før. Vi spiller kampe i weekenden.',
		ages: [13, 15],
		cost: [450, 'season'],
		supportCovers: true,
		weekdays: [2, 4],
		time: ['17:00', '18:30'],
		languages: ['so', 'ar'],
		firstStep: 'Kom til træning en tirsdag kl. 17. Spørg efter Abdi. Tag sko og vand med.',
		texts: {
			so: {
				title: 'Kubadda cagta wiilasha 13–15 jir',
				description: 'Tababar laba jeer toddobaadkii. Qof walba wuu ka qayb geli karaa, xitaa haddii aadan hore u ciyaarin.',
				firstStep: 'Kaalay tababarka Talaadada saacadda 17. Weydii Abdi.'
			},
			ar: {
				title: 'كرة القدم للأولاد 13–15 سنة',
				description: 'تدريب مرتين في الأسبوع. يمكن للجميع المشاركة، حتى لو لم تلعب من قبل.',
				firstStep: 'تعال إلى التدريب يوم الثلاثاء الساعة 17. اسأل عن عبدي.'
			},
			en: {
				title: 'Football for boys aged 13–15',
				description:
					'Training twice a week on the artificial pitch. Everybody can join, also if you have never played. Matches at weekends.',
				firstStep: 'Come to training on a Tuesday at 17:00. Ask for Abdi. Bring shoes and water.'
			}
		}
	},
	{
		partner: 'fc',
		kind: 'club',
		title: 'Fodbold for piger 10–16 år',
		area: 'Lyngbæk Parken',
		address: 'Multibanen ved Karensvej',
		description: 'Pigehold med kvindelig træner. Vi træner én gang om ugen og tager til stævner om sommeren.',
		ages: [10, 16],
		weekdays: [3],
		time: ['16:30', '18:00'],
		languages: ['so', 'ar', 'tr'],
		firstStep: 'Kom en onsdag kl. 16.30. Træneren hedder Hodan.',
		texts: {
			so: {
				title: 'Kubadda cagta gabdhaha 10–16 jir',
				description: 'Koox gabdho ah oo leh tababare dumar ah. Waa bilaash.',
				firstStep: 'Kaalay Arbacada saacadda 16.30. Tababaraha waa Hodan.'
			}
		}
	},
	{
		partner: 'fc',
		kind: 'club',
		title: 'Fodbold for de små 6–9 år',
		area: 'Lyngbæk Parken',
		address: 'Multibanen ved Karensvej',
		description: 'Leg med bold for de mindste. Forældre er velkomne til at se på.',
		ages: [6, 9],
		cost: [200, 'season'],
		supportCovers: true,
		weekdays: [6],
		time: ['10:00', '11:00'],
		languages: ['so'],
		firstStep: 'Mød op en lørdag kl. 10 med barnet.'
	},
	{
		partner: 'boxing',
		kind: 'club',
		title: 'Boksning for unge',
		area: 'Gellerup',
		address: 'Bazarhuset, kælderen, Bazarvej 4',
		description: 'Teknik, kondition og respekt. Ingen sparring de første måneder. Trænerne taler også arabisk og urdu.',
		ages: [12, 18],
		cost: [150, 'month'],
		supportCovers: true,
		weekdays: [1, 3],
		time: ['18:00', '19:30'],
		languages: ['ar', 'ur'],
		firstStep: 'Kom en mandag kl. 18 i træningstøj. Første måned er gratis.',
		texts: {
			ar: {
				title: 'الملاكمة للشباب',
				description: 'تقنية ولياقة واحترام. المدربون يتكلمون العربية أيضًا.',
				firstStep: 'تعال يوم الاثنين الساعة 18 بملابس رياضية. الشهر الأول مجاني.'
			}
		}
	},
	{
		partner: 'boxing',
		kind: 'club',
		title: 'Pigeboksning',
		area: 'Gellerup',
		address: 'Bazarhuset, kælderen, Bazarvej 4',
		description: 'Boksetræning kun for piger, med kvindelig træner. Døren er lukket under træningen.',
		ages: [13, 20],
		cost: [150, 'month'],
		supportCovers: true,
		weekdays: [5],
		time: ['17:00', '18:30'],
		languages: ['ar', 'fa'],
		firstStep: 'Skriv til os eller kom en fredag kl. 17.',
		placesLeft: 3
	},
	{
		partner: 'library',
		kind: 'club',
		title: 'Kodeklubben på biblioteket',
		area: 'Gellerup',
		address: 'Biblioteket i Bazarhuset, 1. sal',
		description: 'Lær at lave spil og hjemmesider. Vi låner dig en computer. Ingen forkundskaber.',
		ages: [10, 16],
		weekdays: [3],
		time: ['15:30', '17:00'],
		languages: ['en', 'uk'],
		firstStep: 'Kom en onsdag kl. 15.30 på 1. sal. Spørg efter Maja.',
		texts: {
			uk: {
				title: 'Клуб програмування в бібліотеці',
				description: 'Навчися робити ігри та сайти. Ми позичимо тобі комп’ютер.',
				firstStep: 'Приходь у середу о 15:30 на другий поверх. Запитай Майю.'
			}
		}
	},
	{
		partner: 'library',
		kind: 'activity',
		title: 'Lektiehjælp i biblioteket',
		area: 'Gellerup',
		address: 'Biblioteket i Bazarhuset',
		description: 'Frivillige studerende hjælper med matematik, dansk og engelsk. Du kan bare komme.',
		ages: [10, 19],
		weekdays: [1, 2, 4],
		time: ['15:00', '17:00'],
		languages: ['ar', 'so', 'en'],
		firstStep: 'Kom forbi med dine lektier. Ingen tilmelding.',
		companion: false
	},
	{
		partner: 'library',
		kind: 'activity',
		title: 'Læseklub for piger',
		area: 'Gellerup',
		address: 'Biblioteket i Bazarhuset',
		description: 'Vi læser en bog sammen hver måned og snakker om den med kage.',
		ages: [11, 15],
		weekdays: [4],
		time: ['16:00', '17:00'],
		firstStep: 'Skriv til Maja på biblioteket.'
	},
	{
		partner: 'housing',
		kind: 'leisure_job',
		title: 'Fritidsjob: grønne områder',
		area: 'Lyngbæk Parken',
		description:
			'Hjælp ejendomsfunktionærerne med at holde området pænt: fejning, blade, småreparationer. 6 timer om ugen, løn efter overenskomst.',
		ages: [14, 17],
		weekdays: [2, 4],
		time: ['15:00', '18:00'],
		languages: ['ar', 'tr'],
		firstStep: 'Din kontaktperson ringer til Birgit og aftaler en samtale. Du kan tage en voksen med.',
		texts: {
			en: {
				title: 'Leisure job: outdoor areas',
				description: 'Help the caretakers keep the area nice: sweeping, leaves, small repairs. 6 hours a week, paid by agreement.',
				firstStep: 'Your contact person calls Birgit and sets up a talk. You may bring a grown-up.'
			}
		}
	},
	{
		partner: 'housing',
		kind: 'leisure_job',
		title: 'Fritidsjob i beboerhusets café',
		area: 'Lyngbæk Parken',
		address: 'Beboerhuset Solsikken',
		description: 'Servering og opvask i caféen om eftermiddagen. Du får en fast makker de første uger.',
		ages: [15, 17],
		weekdays: [3, 5],
		time: ['14:30', '17:30'],
		languages: ['ar', 'so', 'tr'],
		firstStep: 'Din kontaktperson aftaler en prøvedag med caféen.'
	},
	{
		partner: 'housing',
		kind: 'volunteering',
		title: 'Hjælper til sommerfesten',
		area: 'Lyngbæk Parken',
		description: 'Vær med til at sætte telte op, lave mad og holde styr på legene til områdets sommerfest.',
		ages: [13, 25],
		languages: ['ar', 'so', 'tr', 'ur'],
		firstStep: 'Skriv dig på listen i beboerhuset.',
		checkedDaysAgo: 220
	},
	{
		partner: 'scouts',
		kind: 'club',
		title: 'Spejder for 10–13 år',
		area: 'Lyngbæk midtby',
		address: 'Spejderhytten, Skovvej 12',
		description: 'Bål, knob, ture i skoven og weekendlejre. Uniform kan lånes.',
		ages: [10, 13],
		cost: [600, 'year'],
		supportCovers: true,
		weekdays: [2],
		time: ['18:00', '20:00'],
		firstStep: 'Kom og prøv to gange gratis. Skriv til Karen først.'
	},
	{
		partner: 'scouts',
		kind: 'club',
		title: 'Spejder for 14–17 år',
		area: 'Lyngbæk midtby',
		address: 'Spejderhytten, Skovvej 12',
		description: 'Større ture, kanosejlads og ansvar for de yngre spejdere.',
		ages: [14, 17],
		cost: [600, 'year'],
		supportCovers: true,
		weekdays: [4],
		time: ['18:30', '20:30'],
		firstStep: 'Skriv til Karen, så finder vi en aften, du kan prøve.'
	},
	{
		partner: 'swim',
		kind: 'club',
		title: 'Svømning kun for piger',
		area: 'Lyngbæk midtby',
		address: 'Lyngbæk Svømmehal, Hallvej 3',
		description: 'Svømmehold kun for piger og kvinder, med kvindelig træner og livredder. Burkini er velkommen.',
		ages: [9, 18],
		cost: [350, 'season'],
		supportCovers: true,
		weekdays: [7],
		time: ['14:00', '15:00'],
		languages: ['so', 'ar', 'tr'],
		firstStep: 'Kom en søndag kl. 14 med badetøj. Spørg efter Leyla.',
		texts: {
			so: {
				title: 'Dabaasha gabdhaha oo keliya',
				description: 'Koox dabaasha oo gabdhaha iyo haweenka oo keliya ah, tababare dumar ah.',
				firstStep: 'Kaalay Axadda saacadda 14 oo wato dharka dabaasha. Weydii Leyla.'
			},
			tr: {
				title: 'Sadece kızlar için yüzme',
				description: 'Sadece kızlar ve kadınlar için yüzme grubu, kadın antrenör ve cankurtaran ile.',
				firstStep: 'Pazar günü saat 14’te mayonla gel. Leyla’yı sor.'
			}
		}
	},
	{
		partner: 'swim',
		kind: 'course',
		title: 'Lær at svømme (begyndere)',
		area: 'Lyngbæk midtby',
		address: 'Lyngbæk Svømmehal, Hallvej 3',
		description: 'Et kursus på ti gange for børn, der ikke kan svømme endnu.',
		ages: [6, 12],
		cost: [400, 'once'],
		supportCovers: true,
		weekdays: [6],
		time: ['09:00', '10:00'],
		firstStep: 'Tilmeld barnet hos svømmehallen; din kontaktperson kan hjælpe.',
		placesLeft: 0
	},
	{
		partner: 'youth',
		kind: 'club',
		title: 'Ungdomsklubben Toppen',
		area: 'Gellerup',
		address: 'Toppen, Bazarvej 9',
		description: 'Et sted at være efter skole: bordtennis, PlayStation, musikrum, mad om onsdagen og ture i ferierne.',
		ages: [13, 17],
		cost: [100, 'month'],
		supportCovers: true,
		weekdays: [1, 2, 3, 4, 5],
		time: ['15:00', '21:00'],
		languages: ['ar', 'so', 'tr', 'ur'],
		firstStep: 'Kig ind en eftermiddag. Rasmus viser dig rundt.'
	},
	{
		partner: 'youth',
		kind: 'activity',
		title: 'Musikværkstedet',
		area: 'Gellerup',
		address: 'Toppen, Bazarvej 9',
		description: 'Indspil din egen musik i klubbens studie. Rap, sang, beats.',
		ages: [13, 18],
		weekdays: [4],
		time: ['17:00', '20:00'],
		languages: ['ar', 'so'],
		firstStep: 'Book en tid i studiet hos Rasmus.'
	},
	{
		partner: 'youth',
		kind: 'activity',
		title: 'Fritidsklub for 10–12 år',
		area: 'Gellerup',
		address: 'Toppen, Bazarvej 9',
		description: 'Leg, sport og hobby efter skole for de yngre.',
		ages: [10, 12],
		cost: [250, 'month'],
		supportCovers: true,
		weekdays: [1, 2, 3, 4, 5],
		time: ['13:00', '17:00'],
		firstStep: 'Forældre skriver barnet op i klubben; din kontaktperson kan hjælpe.'
	},
	{
		partner: 'super',
		kind: 'leisure_job',
		title: 'Fritidsjob: varer på hylderne',
		area: 'Lyngbæk midtby',
		address: 'Kvickly, Torvegade 2',
		description: 'Fyld varer op og hjælp kunderne. 8 timer om ugen efter skole. Du skal være fyldt 15.',
		ages: [15, 17],
		weekdays: [1, 3],
		time: ['16:00', '20:00'],
		firstStep: 'Din kontaktperson sender din ansøgning og går med til samtalen, hvis du vil.',
		texts: {
			so: {
				title: 'Shaqo firaaqo: alaabta shelfyada',
				description: 'Buuxi alaabta oo caawi macaamiisha. 8 saacadood toddobaadkii.',
				firstStep: 'Qofka kula xiriira ayaa diraya codsigaaga.'
			}
		}
	},
	{
		partner: 'super',
		kind: 'leisure_job',
		title: 'Fritidsjob: flaskeautomaten',
		area: 'Lyngbæk midtby',
		address: 'Kvickly, Torvegade 2',
		description: 'Tøm flaskeautomaten og hold lageret ryddeligt. Lørdag formiddag.',
		ages: [13, 15],
		weekdays: [6],
		time: ['08:00', '12:00'],
		firstStep: 'Din kontaktperson ringer til Henrik.'
	},
	{
		partner: 'bakery',
		kind: 'leisure_job',
		title: 'Fritidsjob i bageriet',
		area: 'Gellerup',
		address: 'Bageriet ved Torvet, Bazarvej 1',
		description: 'Ekspedition og oprydning lørdag og søndag morgen. Du lærer at betjene kasse.',
		ages: [15, 17],
		weekdays: [6, 7],
		time: ['06:30', '10:30'],
		languages: ['ar'],
		firstStep: 'Kom forbi og spørg efter Yasmin, eller lad din kontaktperson ringe.'
	},
	{
		partner: 'homework',
		kind: 'activity',
		title: 'Lektiecafé i beboerhuset',
		area: 'Lyngbæk Parken',
		address: 'Beboerhuset Solsikken',
		description: 'Hjælp til lektier og frugt. Forældre kan også få hjælp til breve fra skolen.',
		ages: [8, 18],
		weekdays: [2, 4],
		time: ['15:30', '17:30'],
		languages: ['ar', 'so', 'fa'],
		firstStep: 'Kom bare. Du behøver ikke melde dig til.',
		companion: false
	},
	{
		partner: 'homework',
		kind: 'volunteering',
		title: 'Bliv lektiehjælper for de små',
		area: 'Lyngbæk Parken',
		address: 'Beboerhuset Solsikken',
		description: 'Er du god til matematik eller dansk? Hjælp børn fra 3. til 6. klasse. Du får en udtalelse, du kan bruge i en ansøgning.',
		ages: [15, 25],
		weekdays: [2],
		time: ['15:30', '17:00'],
		languages: ['ar', 'so', 'fa', 'ur'],
		firstStep: 'Skriv til Jens, så aftaler I en første gang.'
	},
	{
		partner: 'culture',
		kind: 'course',
		title: 'Dans: hiphop og afro',
		area: 'Lyngbæk midtby',
		address: 'Kulturhuset, sal 2',
		description: 'Et hold for begyndere, der slutter med et show for familierne.',
		ages: [11, 17],
		cost: [300, 'season'],
		supportCovers: true,
		weekdays: [2],
		time: ['16:30', '18:00'],
		languages: ['en'],
		firstStep: 'Tilmeld dig i kulturhusets reception eller gennem din kontaktperson.'
	},
	{
		partner: 'culture',
		kind: 'course',
		title: 'Teater for unge',
		area: 'Lyngbæk midtby',
		address: 'Kulturhuset, scenen',
		description: 'Skriv og spil jeres egen forestilling. Ingen erfaring nødvendig.',
		ages: [13, 19],
		cost: [250, 'season'],
		weekdays: [3],
		time: ['17:00', '19:00'],
		languages: ['en', 'uk'],
		firstStep: 'Kom til en prøvegang den første onsdag i måneden.'
	},
	{
		partner: 'culture',
		kind: 'activity',
		title: 'Sommerskole i kunst',
		area: 'Lyngbæk midtby',
		address: 'Kulturhuset',
		description: 'En uge med maling og ler i sommerferien.',
		ages: [8, 14],
		firstStep: 'Tilmelding i maj.',
		endedDaysAgo: 120
	},
	{
		partner: 'redcross',
		kind: 'volunteering',
		title: 'Frivillig i genbrugsbutikken',
		area: 'Lyngbæk midtby',
		address: 'Røde Kors, Torvegade 14',
		description: 'Sorter tøj og hjælp i butikken et par timer om ugen. God erfaring til dit CV.',
		ages: [15, 25],
		weekdays: [4, 6],
		time: ['10:00', '13:00'],
		languages: ['uk', 'ar'],
		firstStep: 'Kom forbi butikken og spørg efter Peter.',
		checkedDaysAgo: 200
	},
	{
		partner: 'redcross',
		kind: 'club',
		title: 'Ungdomsnetværk: ture og fællesspisning',
		area: 'Gellerup',
		description: 'Ture, fællesspisning og hygge for unge, der er nye i Danmark.',
		ages: [14, 25],
		weekdays: [5],
		time: ['17:00', '20:00'],
		languages: ['uk', 'ar', 'fa', 'so'],
		firstStep: 'Din kontaktperson kan følge dig derhen første gang.',
		texts: {
			uk: {
				title: 'Молодіжна мережа: поїздки та спільні вечері',
				description: 'Поїздки, спільні вечері та затишок для молоді, яка нещодавно в Данії.',
				firstStep: 'Твоя контактна особа може піти з тобою першого разу.'
			}
		}
	},
	{
		partner: 'culture',
		kind: 'activity',
		title: 'Skak i kulturhuset',
		area: 'Lyngbæk midtby',
		address: 'Kulturhuset, caféen',
		description: 'Skak for alle aldre hver mandag. Brætter er der.',
		ages: [8, 25],
		weekdays: [1],
		time: ['16:00', '18:00'],
		languages: ['uk', 'fa'],
		firstStep: 'Kom bare en mandag.',
		companion: false
	},
	{
		partner: 'fc',
		kind: 'volunteering',
		title: 'Hjælpetræner for de små',
		area: 'Lyngbæk Parken',
		description: 'Hjælp træneren med 6–9-årige om lørdagen. Du får et trænerkursus betalt.',
		ages: [14, 19],
		weekdays: [6],
		time: ['09:30', '11:30'],
		languages: ['so', 'ar'],
		firstStep: 'Snak med Abdi efter en træning.'
	}
];

export async function seedOpportunities(db: Db, organisationId: string): Promise<void> {
	const today = copenhagenDate();
	const partnerIds = new Map<string, string>();
	for (const p of demoPartners) {
		const [row] = await db
			.insert(partners)
			.values({ organisationId, name: p.name, kind: p.kind, area: p.area, notes: p.notes ?? '' })
			.returning({ id: partners.id });
		partnerIds.set(p.key, row.id);
		await db.insert(partnerContacts).values(p.contacts.map((c) => ({ partnerId: row.id, ...c })));
	}
	for (const o of demoOpportunities) {
		const [row] = await db
			.insert(opportunities)
			.values({
				organisationId,
				partnerId: partnerIds.get(o.partner)!,
				kind: o.kind,
				title: o.title,
				description: o.description,
				area: o.area,
				address: o.address ?? '',
				minAge: o.ages[0],
				maxAge: o.ages[1],
				costDkk: o.cost?.[0] ?? 0,
				costPeriod: o.cost?.[1] ?? null,
				supportCovers: o.supportCovers ?? false,
				weekdays: o.weekdays ?? [],
				startsAt: o.time?.[0] ?? null,
				endsAt: o.time?.[1] ?? null,
				languages: o.languages ?? [],
				firstStep: o.firstStep,
				companion: o.companion ?? true,
				placesLeft: o.placesLeft ?? null,
				activeFrom: addDays(today, -400),
				activeUntil: o.endedDaysAgo === undefined ? null : addDays(today, -o.endedDaysAgo),
				checkedOn: addDays(today, -(o.checkedDaysAgo ?? 30))
			})
			.returning({ id: opportunities.id });
		const texts = Object.entries(o.texts ?? {}).map(([locale, t]) => ({ opportunityId: row.id, locale, ...t }));
		if (texts.length) await db.insert(opportunityTexts).values(texts);
	}
}

interface DemoInterest {
	member: string;
	opportunity: string;
	by: string;
	visibility: 'family' | 'member_private';
	note?: string;
	companion?: boolean;
	/** The way so far: status, days ago, who (a sign-in's e-mail), a note. */
	events: { status: InterestStatus; daysAgo: number; by: string; note?: string; needsHelp?: boolean }[];
}

/**
 * Interests of the demo's young people: Yusuf's leisure job at the supermarket started four
 * weeks ago (so "still going?" waits for him), his football is shared with his parents; Hodan
 * marked boxing for Abdirahman (still going), girls' swimming for Ifrah (with company) and
 * football for little Liban (the team has called the club).
 */
const demoInterests: DemoInterest[] = [
	{
		member: 'Yusuf Hassan',
		opportunity: 'Fritidsjob: varer på hylderne',
		by: 'yusuf@example.org',
		visibility: 'member_private',
		note: 'Jeg vil gerne tjene mine egne penge',
		companion: true,
		events: [
			{ status: 'interested', daysAgo: 40, by: 'yusuf@example.org', note: 'Jeg vil gerne tjene mine egne penge' },
			{ status: 'contacted', daysAgo: 35, by: 'ali@example.org', note: 'Ringet til Henrik. Samtale torsdag kl. 15.' },
			{ status: 'started', daysAgo: 28, by: 'ali@example.org', note: 'Ali gik med til samtalen. Første vagt mandag.' }
		]
	},
	{
		member: 'Yusuf Hassan',
		opportunity: 'Fodbold for drenge 13–15 år',
		by: 'yusuf@example.org',
		visibility: 'family',
		events: [{ status: 'interested', daysAgo: 5, by: 'yusuf@example.org' }]
	},
	{
		member: 'Abdirahman Warsame',
		opportunity: 'Boksning for unge',
		by: 'hodan@example.org',
		visibility: 'family',
		events: [
			{ status: 'interested', daysAgo: 90, by: 'hodan@example.org' },
			{ status: 'started', daysAgo: 70, by: 'mette@example.org', note: 'Tariq tager imod ham mandag.' },
			{ status: 'still_going', daysAgo: 42, by: 'mette@example.org', note: 'Han kommer hver uge.' }
		]
	},
	{
		member: 'Ifrah Warsame',
		opportunity: 'Svømning kun for piger',
		by: 'hodan@example.org',
		visibility: 'family',
		note: 'Ifrah er lidt bange for vand',
		companion: true,
		events: [{ status: 'interested', daysAgo: 2, by: 'hodan@example.org', note: 'Ifrah er lidt bange for vand' }]
	},
	{
		member: 'Liban Warsame',
		opportunity: 'Fodbold for de små 6–9 år',
		by: 'hodan@example.org',
		visibility: 'family',
		events: [
			{ status: 'interested', daysAgo: 12, by: 'hodan@example.org' },
			{ status: 'contacted', daysAgo: 6, by: 'mette@example.org', note: 'Abdi siger: kom bare på lørdag.' }
		]
	}
];

/** Saved for later: Yusuf keeps two to think about (his own, nobody else sees them); Hodan one for her daughter. */
const demoSaved: { member: string; opportunity: string }[] = [
	{ member: 'Yusuf Hassan', opportunity: 'Kodeklubben på biblioteket' },
	{ member: 'Yusuf Hassan', opportunity: 'Fritidsjob i bageriet' },
	{ member: 'Hodan Warsame', opportunity: 'Læseklub for piger' }
];

export async function seedInterests(db: Db): Promise<void> {
	for (const d of demoSaved) {
		const [member] = await db.select({ id: familyMembers.id }).from(familyMembers).where(eq(familyMembers.name, d.member));
		const [opportunity] = await db.select({ id: opportunities.id }).from(opportunities).where(eq(opportunities.title, d.opportunity));
		if (member && opportunity) await db.insert(savedOpportunities).values({ memberId: member.id, opportunityId: opportunity.id });
	}
	const today = copenhagenDate();
	const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
	for (const d of demoInterests) {
		const [member] = await db.select().from(familyMembers).where(eq(familyMembers.name, d.member));
		const [opportunity] = await db.select({ id: opportunities.id }).from(opportunities).where(eq(opportunities.title, d.opportunity));
		if (!member || !opportunity) continue;
		const userOf = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id ?? null;
		const last = d.events.at(-1)!;
		const started = d.events.find((e) => e.status === 'started');
		const [row] = await db
			.insert(interests)
			.values({
				familyId: member.familyId,
				memberId: member.id,
				opportunityId: opportunity.id,
				status: last.status,
				visibility: d.visibility,
				note: d.note ?? '',
				companion: d.companion ?? false,
				startedOn: started ? addDays(today, -started.daysAgo) : null,
				askOn: last.status === 'started' && started ? addDays(today, -started.daysAgo + stillGoingAfterDays) : null,
				createdBy: await userOf(d.by),
				formKey: randomUUID(),
				createdAt: ago(d.events[0].daysAgo),
				updatedAt: ago(last.daysAgo)
			})
			.returning({ id: interests.id });
		for (const e of d.events)
			await db.insert(interestEvents).values({
				interestId: row.id,
				status: e.status,
				note: e.note ?? '',
				needsHelp: e.needsHelp ?? false,
				byUser: await userOf(e.by),
				at: ago(e.daysAgo)
			});
	}
}
