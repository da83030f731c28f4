/**
 * The demo data loader: one team in Gellerup with its staff, families and sign-ins, all
 * invented (see data.ts for who sees which family). Relative imports only, so plain Node
 * scripts can load this through vite-node/vitest as well as the SvelteKit server.
 */
import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	absences,
	checkins,
	availabilityWindows,
	bookingRules,
	departments,
	families,
	familyMembers,
	familyStaff,
	meetingMembers,
	meetings,
	goalEvents,
	goalSteps,
	goals,
	memberHelp,
	meetingPoints,
	organisations,
	staff,
	teams,
	users,
	wishes
} from '../db/schema';
import { addDays, copenhagenDate } from '../../i18n/format';
import { hashPassword } from '../auth/password';
import {
	availabilityList,
	bookingRulesList,
	checkinList,
	departmentNames,
	familyList,
	goalList,
	meetingList,
	meetingPointList,
	organisation,
	staffMembers,
	team,
	userList,
	wishList,
	type DemoWho
} from './data';
import { defaultMeetingMinutes, standardDepartments } from '../../codes';
import { daysAsRange, freeSlots, slotStepMinutes, type Range } from '../meetings/slots';
import { localTime, zonedInstant } from '../../time/zone';
import { formatPhone, normaliseEmail, normalisePhone } from '../../login';
import { seedMessages } from './messages';
import { seedNotifications } from './notifications';
import { seedInterests, seedOpportunities } from './opportunities';
import { seedFamilyChanges, seedOutcomes } from './outcomes';
import { seedMeetingHistory } from './meeting-history';

/** Shared by every demo user. Only for the demo: never seed a real database with it. */
export const demoPassword = 'opgang-demo-2026';

function phoneOf(typed: string | undefined): string | null {
	if (typed === undefined) return null;
	const phone = normalisePhone(typed);
	if (!phone) throw new Error(`Demo data: "${typed}" is not a phone number`);
	return phone;
}

/** The sign-ins worth trying (an e-mail, or a phone number as +45 12 34 56 78), in the order shown in the console and the docs. */
export const demoSignIns: { login: string; who: string; locale: string }[] = userList
	.filter((u) => u.listed)
	.map(({ email, phone, who, locale }) => ({ login: email ?? formatPhone(phoneOf(phone)!), who, locale }));

function byName<T>(map: Map<string, T>, name: string, what: string): T {
	const value = map.get(name);
	if (value === undefined) throw new Error(`Demo data: unknown ${what} "${name}"`);
	return value;
}

/** Inserts the whole demo in one transaction: all of it or nothing. */
export async function seedDemo(db: Db): Promise<void> {
	// argon2 is slow on purpose: hash once, outside the transaction, and share the hash.
	const passwordHash = await hashPassword(demoPassword);

	await db.transaction(async (tx) => {
		const [org] = await tx.insert(organisations).values(organisation).returning({ id: organisations.id });
		const [teamRow] = await tx
			.insert(teams)
			.values({ organisationId: org.id, name: team.name, area: team.area, officeAddress: team.officeAddress })
			.returning({ id: teams.id });
		await tx.insert(meetingPoints).values(
			meetingPointList.map((p, i) => ({
				teamId: teamRow.id,
				name: p.name,
				description: p.description ?? '',
				sortOrder: i,
				active: p.active ?? true
			}))
		);

		// The organisation's departments: the five standard ones, under its own (Danish) names.
		const departmentRows = await tx
			.insert(departments)
			.values(standardDepartments.map((code) => ({ organisationId: org.id, code, name: departmentNames[code] })))
			.returning({ id: departments.id, code: departments.code });
		const departmentIds = new Map(departmentRows.map((d) => [d.code, d.id]));

		// Staff first, stand-ins afterwards: a stand-in is another staff row.
		const staffRows = await tx
			.insert(staff)
			.values(
				staffMembers.map((s) => ({
					teamId: teamRow.id,
					name: s.name,
					departmentId: byName(departmentIds, s.department, 'department'),
					role: s.role,
					languages: s.languages,
					phone: s.phone,
					helpTopics: s.helpTopics,
					helpText: s.helpText,
					photoPath: null
				}))
			)
			.returning({ id: staff.id, name: staff.name });
		const staffIds = new Map(staffRows.map((r) => [r.name, r.id]));

		for (const s of staffMembers) {
			if (!s.standIn) continue;
			if (s.standIn === s.name) throw new Error(`Demo data: ${s.name} cannot stand in for themself`);
			await tx
				.update(staff)
				.set({ standInId: byName(staffIds, s.standIn, 'stand-in') })
				.where(eq(staff.id, byName(staffIds, s.name, 'staff member')));
		}

		const today = copenhagenDate();
		for (const s of staffMembers) {
			if (!s.absence) continue;
			const a = s.absence;
			await tx.insert(absences).values({
				staffId: byName(staffIds, s.name, 'staff member'),
				teamId: teamRow.id,
				startsOn: addDays(today, a.startsInDays),
				endsOn: addDays(today, a.startsInDays + a.days - 1),
				kind: a.kind,
				standInId: byName(staffIds, a.standIn, 'stand-in')
			});
		}

		for (const s of staffMembers) {
			const windows = availabilityList[s.name];
			if (!windows?.length) throw new Error(`Demo data: no availability for ${s.name}`);
			await tx.insert(availabilityWindows).values(
				windows.map(([weekday, startsAt, endsAt, types]) => ({
					staffId: byName(staffIds, s.name, 'staff member'),
					weekday,
					startsAt,
					endsAt,
					types
				}))
			);
		}
		for (const [name, rules] of Object.entries(bookingRulesList))
			await tx.insert(bookingRules).values({ staffId: byName(staffIds, name, 'staff member'), ...rules });

		const memberIds = new Map<string, string>();
		const familyIds = new Map<string, string>();
		const goalIds = new Map<string, string>();
		for (const f of familyList) {
			const [familyRow] = await tx
				.insert(families)
				.values({
					teamId: teamRow.id,
					name: f.name,
					contactPersonId: byName(staffIds, f.contactPerson, 'contact person'),
					area: team.area,
					status: f.status,
					enrolledOn: f.enrolledOn,
					endedOn: f.endedOn,
					endedReason: f.endedOn ? ('goals_reached' as const) : null
				})
				.returning({ id: families.id });
			familyIds.set(f.name, familyRow.id);

			const members = await tx
				.insert(familyMembers)
				.values(
					f.members.map((m) => ({
						familyId: familyRow.id,
						name: m.name,
						role: m.role,
						birthYear: m.birthYear,
						preferredLanguage: m.preferredLanguage
					}))
				)
				.returning({ id: familyMembers.id, name: familyMembers.name });
			for (const m of members) {
				if (memberIds.has(m.name)) throw new Error(`Demo data: two members named "${m.name}"`);
				memberIds.set(m.name, m.id);
			}

			if (f.involved.length > 0) {
				await tx.insert(familyStaff).values(
					f.involved.map((i) => ({
						familyId: familyRow.id,
						teamId: teamRow.id,
						staffId: byName(staffIds, i.staff, 'involved staff member'),
						topics: i.topics,
						helpsWith: i.staffNote,
						since: i.since
					}))
				);
				const notes = f.involved.flatMap((i) =>
					(i.forMembers ?? []).map((n) => ({
						familyId: familyRow.id,
						staffId: byName(staffIds, i.staff, 'involved staff member'),
						memberId: byName(memberIds, n.member, 'family member'),
						note: n.note
					}))
				);
				if (notes.length > 0) await tx.insert(memberHelp).values(notes);
			}
			const own = wishList.filter((w) => f.members.some((m) => m.name === w.member));
			if (own.length > 0) {
				const wishRows = await tx
					.insert(wishes)
					.values(
						own.map((w) => {
							const member = f.members.find((m) => m.name === w.member)!;
							const at = sql`now() - make_interval(days => ${w.daysAgo})`;
							return {
								familyId: familyRow.id,
								memberId: byName(memberIds, w.member, 'family member'),
								text: w.text,
								lifeArea: w.lifeArea,
								status: w.status ?? 'open',
								visibility: member.role === 'child' && !w.shared ? ('member_private' as const) : ('family' as const),
								formKey: randomUUID(),
								createdAt: at,
								updatedAt: at
							};
						})
					)
					.returning({ id: wishes.id, text: wishes.text });
				for (const goal of goalList) {
					const wish = wishRows.find((w) => w.text.startsWith(goal.wish));
					if (wish)
						goalIds.set(
							goal.text,
							await seedGoal(tx as unknown as Db, familyRow.id, wish.id, goal, (who) => whoIs(who, memberIds, staffIds))
						);
				}
			}
			const answers = checkinList.filter((c) => f.members.some((m) => m.name === c.member));
			if (answers.length > 0) {
				await tx.insert(checkins).values(
					answers.map((c) => {
						const member = f.members.find((m) => m.name === c.member)!;
						const at = sql`now() - make_interval(days => ${c.daysAgo})`;
						return {
							familyId: familyRow.id,
							memberId: byName(memberIds, c.member, 'family member'),
							lifeArea: c.lifeArea,
							score: c.score,
							note: c.note ?? null,
							day: addDays(copenhagenDate(), -c.daysAgo),
							visibility: member.role === 'child' && !c.shared ? ('member_private' as const) : ('family' as const),
							createdAt: at,
							updatedAt: at
						};
					})
				);
			}
		}

		// Each meeting at the first time its staff member is free from the day it names: found by
		// the same slot engine as the family's booking pages, so the exclusion constraint agrees.
		const busy = new Map<string, Range[]>();
		for (const d of meetingList) {
			const staffId = byName(staffIds, d.staff, 'staff member');
			const rules = { ...bookingRulesList[d.staff] };
			const minutes = d.type === 'home' ? (rules.homeMinutes ?? defaultMeetingMinutes.home) : defaultMeetingMinutes[d.type];
			const buffer = d.type === 'home' ? (rules.travelMinutes ?? 30) : 0;
			const own = staffMembers.find((s) => s.name === d.staff)?.absence;
			const off = own ? [daysAsRange(addDays(today, own.startsInDays), addDays(today, own.startsInDays + own.days - 1))] : [];
			const slots = freeSlots({
				windows: availabilityList[d.staff].map(([weekday, startsAt, endsAt, types]) => ({ weekday, startsAt, endsAt, types })),
				type: d.type,
				rules: { minutes, bufferMinutes: buffer, noticeHours: 0, horizonDays: 28, stepMinutes: slotStepMinutes },
				busy: busy.get(staffId) ?? [],
				off,
				now: zonedInstant(addDays(today, d.inDays), '00:00')!
			});
			const slot = slots.find((s) => localTime(s.start) >= d.time) ?? slots[0];
			if (!slot) throw new Error(`Demo data: no free time for ${d.family} with ${d.staff}`);
			busy.set(staffId, [...(busy.get(staffId) ?? []), slot.blocked]);
			const familyId = byName(familyIds, d.family, 'family');
			const [row] = await tx
				.insert(meetings)
				.values({
					familyId,
					teamId: teamRow.id,
					staffId,
					type: d.type,
					status: d.status ?? 'booked',
					startsAt: slot.start,
					endsAt: slot.end,
					blockedFrom: slot.blocked.from,
					blockedUntil: slot.blocked.to,
					place: d.place ?? '',
					interpreterLanguage: d.interpreterLanguage ?? null,
					interpreterStatus: d.interpreterLanguage ? (d.status === 'held' ? 'arranged' : 'requested') : null,
					topic: d.topic ?? '',
					goalId: d.goal ? byName(goalIds, d.goal, 'goal') : null,
					bookedByMemberId: byName(memberIds, d.bookedBy, 'family member'),
					formKey: randomUUID()
				})
				.returning({ id: meetings.id });
			await tx
				.insert(meetingMembers)
				.values(d.members.map((m) => ({ meetingId: row.id, familyId, memberId: byName(memberIds, m, 'family member') })));
		}

		await tx.insert(users).values(
			userList.map((u) => ({
				email: u.email ? normaliseEmail(u.email) : null,
				phone: phoneOf(u.phone),
				passwordHash,
				locale: u.locale,
				familyMemberId: u.member ? byName(memberIds, u.member, 'family member') : null,
				staffId: u.staff ? byName(staffIds, u.staff, 'staff member') : null
			}))
		);
		await seedMessages(tx as unknown as Db, { teamId: teamRow.id, familyIds, memberIds, staffIds });
		await seedNotifications(tx as unknown as Db);
		await seedOpportunities(tx as unknown as Db, org.id);
		await seedInterests(tx as unknown as Db);
		await seedOutcomes(tx as unknown as Db);
		await seedFamilyChanges(tx as unknown as Db);
		await seedMeetingHistory(tx as unknown as Db);
	});
}

type Author = { memberId: string | null; staffId: string | null };

function whoIs(who: DemoWho, memberIds: Map<string, string>, staffIds: Map<string, string>): Author {
	return 'member' in who
		? { memberId: byName(memberIds, who.member, 'family member'), staffId: null }
		: { memberId: null, staffId: byName(staffIds, who.staff, 'staff member') };
}

/** One demo goal with its steps and story, each event at its own moment, oldest first; its id. */
async function seedGoal(
	tx: Db,
	familyId: string,
	wishId: string,
	goal: (typeof goalList)[number],
	who: (w: DemoWho) => Author
): Promise<string> {
	const ago = (days: number) => sql`now() - make_interval(days => ${days})`;
	const author = who(goal.by);
	const proposed = author.staffId !== null;
	const [row] = await tx
		.insert(goals)
		.values({
			familyId,
			wishId,
			text: goal.text,
			status: proposed ? 'proposed' : 'active',
			...author,
			formKey: randomUUID(),
			createdAt: ago(goal.daysAgo),
			updatedAt: ago(goal.daysAgo)
		})
		.returning({ id: goals.id });
	const events: (typeof goalEvents.$inferInsert & { days: number })[] = [
		{ familyId, goalId: row.id, kind: proposed ? 'proposed' : 'created', text: goal.text, ...author, days: goal.daysAgo }
	];
	for (const step of goal.steps ?? []) {
		const to =
			step.for === 'together'
				? { together: true }
				: (({ memberId, staffId }) => ({ assigneeMemberId: memberId, assigneeStaffId: staffId }))(who(step.for));
		const done = step.done ? who(step.done.by) : null;
		const [s] = await tx
			.insert(goalSteps)
			.values({
				familyId,
				goalId: row.id,
				text: step.text,
				...to,
				dueOn: step.dueInDays === undefined ? null : addDays(copenhagenDate(), step.dueInDays),
				...author,
				doneAt: step.done ? ago(step.done.daysAgo) : null,
				doneByMemberId: done?.memberId ?? null,
				doneByStaffId: done?.staffId ?? null,
				formKey: randomUUID(),
				createdAt: ago(goal.daysAgo)
			})
			.returning({ id: goalSteps.id });
		events.push({ familyId, goalId: row.id, kind: 'step_added', stepId: s.id, ...author, days: goal.daysAgo });
		if (step.done && done) events.push({ familyId, goalId: row.id, kind: 'step_done', stepId: s.id, ...done, days: step.done.daysAgo });
	}
	for (const note of goal.notes ?? [])
		events.push({ familyId, goalId: row.id, kind: 'note', text: note.text, ...who(note.by), days: note.daysAgo });
	events.sort((a, b) => b.days - a.days);
	for (const { days, ...e } of events) await tx.insert(goalEvents).values({ ...e, createdAt: ago(days) });
	return row.id;
}

/** Seeds the demo into an empty database (no organisations yet). Returns whether it did. */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
	const [{ n }] = await db.select({ n: count() }).from(organisations);
	if (n > 0) return false;
	await seedDemo(db);
	return true;
}

/** The demo sign-ins, for the console of `npm run demo`. */
export function printDemoSignIns(loaded: boolean): void {
	const width = Math.max(...demoSignIns.map((s) => s.login.length));
	const lines = [
		'',
		loaded ? 'Opgang demo data loaded. Sign in with one of these:' : 'Opgang demo: sign in with one of these:',
		...demoSignIns.map((s) => `  ${s.login.padEnd(width)}  ${s.locale}  ${s.who}`),
		`Password for all demo users: ${demoPassword}`,
		''
	];
	console.log(lines.join('\n'));
}
