/**
 * Families for the end-to-end tests, one per test that changes something: each test claims a
 * family of its own (tests/e2e/helpers.ts, fixture `own`), so tests that run in parallel never
 * share a row they write (a sign-in link, a saved language, a throttle count, a session list).
 *
 * Loaded only when the test server starts with OPGANG_TEST_FAMILIES=N next to --demo (see
 * playwright.config.ts), into a team of their own in the demo municipality: no demo user's
 * page changes, and the demo's own families stay as a new user first sees them.
 *
 * Family k (1 … N) — the names are what the tests look for:
 * - "Prøve k": Pia Prøve k (parent, Danish, sign-in parent-k@e2e.test), Theo Prøve k (15, no
 *   sign-in yet), Bo Prøve k (9), Gerda Prøve k (grandmother, Arabic, no sign-in).
 * - Contact person Kim Kontakt k (sign-in staff-k@e2e.test), who sees only this family, and
 *   Ida Involveret k on its team (no sign-in), so the family's pages show a whole team.
 * - Kim can be booked every day 10:00–14:00 for every kind of meeting, so a booking test finds
 *   free times whatever day it runs; Ida offers no times. No meetings: each test books its own.
 * The team has an office of its own, three walk meeting points (`testMeetingPoints`) and three
 * team leaders who keep them: Lis Leder (leader@e2e.test) for the tests, who gives a point she
 * adds a name of its own so tests booking walks meanwhile still find theirs, and Lars Leder
 * (axe-leader@e2e.test) and Lea Leder (axe-leader-2@e2e.test) for the axe sweeps, which change
 * their language one locale after another;
 * and Sahra Saabir (`testColleague`, no sign-in, no families), whose profile the leader keeps.
 */
import type { Db } from '../db';
import {
	availabilityWindows,
	departments,
	families,
	familyMembers,
	familyStaff,
	meetingPoints,
	organisations,
	staff,
	teams,
	users
} from '../db/schema';
import { copenhagenDate } from '../../i18n/format';
import { hashPassword } from '../auth/password';
import { demoPassword } from './seed';
import { isoWeekdays, meetingTypes } from '../../codes';

export const testEmails = (k: number) => ({ parent: `parent-${k}@e2e.test`, staff: `staff-${k}@e2e.test` });
export const testLeaders = [
	{ name: 'Lis Leder', email: 'leader@e2e.test' },
	{ name: 'Lars Leder', email: 'axe-leader@e2e.test' },
	// A second for the axe sweep, so the team leader's pages are swept in two tests side by side.
	{ name: 'Lea Leder', email: 'axe-leader-2@e2e.test' }
];
/** A colleague of the team that no other spec reads: the team leader's staff pages (staff-admin.spec.ts) change her profile. */
export const testColleague = { name: 'Sahra Saabir', phone: '+45 40 39 00 09' };
export const testOfficeAddress = 'Prøvekontoret, Prøvevej 1, 8000 Prøvested';
export const testMeetingPoints = [
	{ name: 'Parkens indgang', description: 'Ved legepladsen' },
	{ name: 'Biblioteket', description: '' },
	{ name: 'Søstien', description: 'Ved bænken' }
];

/** Adds `count` test families (and their contact persons and sign-ins) in one transaction. */
export async function seedTestFamilies(db: Db, count: number): Promise<void> {
	if (!Number.isInteger(count) || count < 1 || count > 500) throw new Error('OPGANG_TEST_FAMILIES must be a whole number from 1 to 500');
	const passwordHash = await hashPassword(demoPassword);
	const year = Number(copenhagenDate().slice(0, 4));
	await db.transaction(async (tx) => {
		const [org] = await tx.select({ id: organisations.id }).from(organisations).limit(1);
		if (!org) throw new Error('Test families need the demo municipality: start with --demo');
		const [team] = await tx
			.insert(teams)
			.values({ organisationId: org.id, name: 'Prøveteamet', area: 'Prøvested', officeAddress: testOfficeAddress })
			.returning({ id: teams.id });
		await tx.insert(meetingPoints).values(testMeetingPoints.map((p, i) => ({ teamId: team.id, ...p, sortOrder: i })));
		const [department] = await tx.select({ id: departments.id }).from(departments).limit(1);
		for (const [i, l] of testLeaders.entries()) {
			const [leader] = await tx
				.insert(staff)
				.values({
					teamId: team.id,
					name: l.name,
					departmentId: department.id,
					role: 'team_leader',
					languages: ['da'],
					phone: `+45 40 39 00 0${i}`
				})
				.returning({ id: staff.id });
			await tx.insert(users).values({ email: l.email, passwordHash, locale: 'da', staffId: leader.id });
		}
		await tx.insert(staff).values({
			teamId: team.id,
			name: testColleague.name,
			departmentId: department.id,
			languages: ['da', 'so'],
			phone: testColleague.phone
		});
		for (let k = 1; k <= count; k++) {
			const person = async (name: string, languages: string[], phone: string) => {
				const [row] = await tx
					.insert(staff)
					.values({
						teamId: team.id,
						name,
						departmentId: department.id,
						role: 'caseworker',
						languages,
						phone,
						helpTopics: ['family'],
						helpText: { da: 'Det, familien gerne vil.' }
					})
					.returning({ id: staff.id });
				return row;
			};
			const digits = String(k)
				.padStart(4, '0')
				.replace(/(..)(..)/, '$1 $2');
			const contact = await person(`Kim Kontakt ${k}`, ['da', 'en'], `+45 40 40 ${digits}`);
			await tx
				.insert(availabilityWindows)
				.values(
					isoWeekdays.map((weekday) => ({ staffId: contact.id, weekday, startsAt: '10:00', endsAt: '14:00', types: [...meetingTypes] }))
				);
			const involved = await person(`Ida Involveret ${k}`, ['da', 'ar'], `+45 40 41 ${digits}`);
			const [family] = await tx
				.insert(families)
				.values({ teamId: team.id, name: `Prøve ${k}`, contactPersonId: contact.id, area: 'Prøvested' })
				.returning({ id: families.id });
			await tx.insert(familyStaff).values({
				familyId: family.id,
				teamId: team.id,
				staffId: involved.id,
				topics: ['school', 'leisure'],
				helpsWith: 'Fritid og skole'
			});
			const members = await tx
				.insert(familyMembers)
				.values([
					{ familyId: family.id, name: `Pia Prøve ${k}`, role: 'parent', birthYear: 1985, preferredLanguage: 'da' },
					{ familyId: family.id, name: `Theo Prøve ${k}`, role: 'child', birthYear: year - 15, preferredLanguage: 'da' },
					{ familyId: family.id, name: `Bo Prøve ${k}`, role: 'child', birthYear: year - 9, preferredLanguage: 'da' },
					{ familyId: family.id, name: `Gerda Prøve ${k}`, role: 'other_adult', birthYear: 1950, preferredLanguage: 'ar' }
				])
				.returning({ id: familyMembers.id, role: familyMembers.role });
			const parent = members.find((m) => m.role === 'parent')!;
			const emails = testEmails(k);
			await tx.insert(users).values([
				{ email: emails.parent, passwordHash, locale: 'da', familyMemberId: parent.id },
				{ email: emails.staff, passwordHash, locale: 'da', staffId: contact.id }
			]);
		}
	});
}
