/**
 * Demo: what the team has noted about how things are going since each family joined (issue 15
 * "outcomes"), so the family's "How things are going" page and the team's figures tell a
 * believable story: most parents from no work towards work or education, school absence falling
 * term by term, teenagers into leisure jobs and clubs. Each note is written by the family's
 * contact person. Dates are fixed and lie in the past, like the families' enrolment dates.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { familyChanges, families, familyMembers, outcomes, staff } from '../db/schema';
import type { EndReason, LeisureStatus, WorkStatus } from '$lib/codes';

type Note =
	| { member: string; work: WorkStatus; from: string }
	| { member: string; absence: number; term: string }
	| { member: string; leisure: LeisureStatus; inEducation: boolean; from: string };

const work = (member: string, ...steps: [string, WorkStatus][]): Note[] => steps.map(([from, w]) => ({ member, work: w, from }));
const school = (member: string, ...terms: [string, number][]): Note[] => terms.map(([term, absence]) => ({ member, absence, term }));
const youth = (member: string, ...steps: [string, LeisureStatus][]): Note[] =>
	steps.map(([from, leisure]) => ({ member, leisure, inEducation: true, from }));

export const demoOutcomes: Note[] = [
	// Hassan (joined February 2024): Amina from no work through job training to a part-time kitchen
	// job; Omar back from sick leave; Yusuf's absence down and a leisure job in the spring.
	...work('Amina Hassan', ['2024-02-12', 'no_work'], ['2025-01-06', 'activation'], ['2025-09-01', 'part_time']),
	...work('Omar Hassan', ['2024-02-12', 'sick_leave'], ['2024-10-01', 'no_work'], ['2026-03-02', 'activation']),
	...school('Yusuf Hassan', ['2024-01-01', 18.5], ['2024-08-01', 15], ['2025-01-01', 11], ['2025-08-01', 9.5], ['2026-01-01', 7]),
	...youth('Yusuf Hassan', ['2024-02-12', 'none'], ['2026-04-13', 'job']),
	...school('Sara Hassan', ['2024-01-01', 9], ['2025-01-01', 6], ['2026-01-01', 4]),
	// Yılmaz (October 2023): Ayşe into education, Mehmet to full time; Emre boxing, then a job.
	...work('Ayşe Yılmaz', ['2023-10-02', 'no_work'], ['2024-08-12', 'education']),
	...work('Mehmet Yılmaz', ['2023-10-02', 'part_time'], ['2025-02-01', 'full_time']),
	...school('Emre Yılmaz', ['2023-08-01', 22], ['2024-01-01', 17], ['2025-01-01', 10], ['2026-01-01', 6]),
	...youth('Emre Yılmaz', ['2024-03-01', 'activity'], ['2025-11-03', 'job']),
	...school('Elif Yılmaz', ['2023-08-01', 5], ['2025-08-01', 3]),
	// Warsame (March 2025): Hodan has started job training; Abdirahman goes to football now.
	...work('Hodan Warsame', ['2025-03-17', 'no_work'], ['2026-02-02', 'activation']),
	...school('Abdirahman Warsame', ['2025-01-01', 25], ['2025-08-01', 19], ['2026-01-01', 14.5]),
	...youth('Abdirahman Warsame', ['2025-03-17', 'none'], ['2025-10-06', 'activity']),
	...school('Ifrah Warsame', ['2025-01-01', 12], ['2026-01-01', 8]),
	// Rahimi (June 2024): Zahra in education; Reza from sick leave to a flex job.
	...work('Zahra Rahimi', ['2024-06-03', 'no_work'], ['2025-08-11', 'education']),
	...work('Reza Rahimi', ['2024-06-03', 'sick_leave'], ['2025-04-01', 'flex_job']),
	...school('Mina Rahimi', ['2024-01-01', 8], ['2025-01-01', 7]),
	...youth('Mina Rahimi', ['2024-09-01', 'activity']),
	...school('Arash Rahimi', ['2025-08-01', 3]),
	// Melnyk (January 2026): early days.
	...work('Iryna Melnyk', ['2026-01-12', 'no_work'], ['2026-06-01', 'activation']),
	...school('Dmytro Melnyk', ['2026-01-01', 16]),
	...school('Sofiia Melnyk', ['2026-01-01', 5]),
	// Qureshi (August 2023): Sana from no work to full time; Bilal's leisure job.
	...work('Sana Qureshi', ['2023-08-21', 'no_work'], ['2024-09-01', 'part_time'], ['2025-10-01', 'full_time']),
	...work('Imran Qureshi', ['2023-08-21', 'full_time']),
	...school('Bilal Qureshi', ['2023-08-01', 14], ['2024-08-01', 9], ['2025-08-01', 6]),
	...youth('Bilal Qureshi', ['2023-08-21', 'none'], ['2025-05-01', 'job']),
	...school('Aisha Qureshi', ['2023-08-01', 7], ['2025-08-01', 4]),
	// Nielsen (September 2025): Camilla back from sick leave into job training.
	...work('Camilla Nielsen', ['2025-09-08', 'sick_leave'], ['2026-04-06', 'activation']),
	...school('Mikkel Nielsen', ['2025-08-01', 21], ['2026-01-01', 15]),
	// Rashid (ended when the goals were reached): both parents in work or education.
	...work('Shilan Rashid', ['2023-03-06', 'no_work'], ['2024-01-08', 'education']),
	...work('Azad Rashid', ['2023-03-06', 'no_work'], ['2024-05-01', 'full_time']),
	...school('Dilan Rashid', ['2023-01-01', 12], ['2024-01-01', 8]),
	...youth('Dilan Rashid', ['2024-06-01', 'job'])
];

export async function seedOutcomes(db: Db): Promise<void> {
	const members = await db
		.select({ id: familyMembers.id, name: familyMembers.name, familyId: familyMembers.familyId, contact: families.contactPersonId })
		.from(familyMembers)
		.innerJoin(families, eq(families.id, familyMembers.familyId));
	const byName = new Map(members.map((m) => [m.name, m]));
	const rows = demoOutcomes.map((n) => {
		const m = byName.get(n.member);
		if (!m) throw new Error(`Demo outcomes: no member named "${n.member}"`);
		const base = {
			familyId: m.familyId,
			memberId: m.id,
			recordedBy: m.contact,
			recordedAt: new Date(`${'term' in n ? n.term : n.from}T12:00:00Z`)
		};
		if ('work' in n) return { ...base, kind: 'work' as const, visibility: 'adults' as const, fromOn: n.from, work: n.work };
		if ('absence' in n)
			return { ...base, kind: 'school' as const, visibility: 'member_private' as const, fromOn: n.term, absencePercent: n.absence };
		return {
			...base,
			kind: 'youth' as const,
			visibility: 'member_private' as const,
			fromOn: n.from,
			leisure: n.leisure,
			inEducation: n.inEducation
		};
	});
	await db.insert(outcomes).values(rows);
}

/**
 * The team's history of three families: the Warsames' first contact person handed them over as
 * the work turned to jobs (she helps with the home still), the Rashids' time with the team
 * ended when both parents were in work or education, and the Melnyks were enrolled by the team
 * leader this winter with Olena as their contact person.
 */
export const demoFamilyChanges: {
	family: string;
	kind: 'contact' | 'ended' | 'enrolled';
	from?: string;
	to?: string;
	reason?: EndReason;
	at: string;
	note: string;
}[] = [
	{
		family: 'Warsame',
		kind: 'contact',
		from: 'Sahra Abdi',
		to: 'Mette Kjær',
		at: '2025-04-01',
		note: 'Hodan vil gerne i job; Sahra hjælper videre med boligen.'
	},
	{ family: 'Rashid', kind: 'ended', reason: 'goals_reached', at: '2026-06-30', note: 'Begge forældre i job eller uddannelse.' },
	{ family: 'Melnyk', kind: 'enrolled', to: 'Olena Kovalenko', at: '2026-01-12', note: '' }
];

export async function seedFamilyChanges(db: Db): Promise<void> {
	const staffIds = new Map((await db.select({ id: staff.id, name: staff.name }).from(staff)).map((s) => [s.name, s.id]));
	const familyIds = new Map((await db.select({ id: families.id, name: families.name }).from(families)).map((f) => [f.name, f.id]));
	const leader = staffIds.get('Lone Bak') ?? null;
	await db.insert(familyChanges).values(
		demoFamilyChanges.map((c) => ({
			familyId: familyIds.get(c.family)!,
			kind: c.kind,
			fromStaffId: c.from ? (staffIds.get(c.from) ?? null) : null,
			toStaffId: c.to ? (staffIds.get(c.to) ?? null) : null,
			endedReason: c.reason ?? null,
			note: c.note,
			changedBy: leader,
			at: new Date(`${c.at}T09:00:00Z`)
		}))
	);
}
