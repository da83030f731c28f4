import { beforeAll, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { staffActor } from './fixtures';
import { defaultFamilyListQuery, listFamiliesForStaff } from '../../src/lib/server/family-list';
import { signIn } from '../../src/lib/server/auth/signin';
import { demoPassword, demoSignIns, seedDemoIfEmpty } from '../../src/lib/server/demo/seed';
import { departments, opportunities, partners } from '../../src/lib/server/db/schema';
import { standardDepartments } from '../../src/lib/codes';
import { parseLogin } from '../../src/lib/login';
import { forgetOrganisationFrame, getOrganisationFrame, organisationFrameRead } from '../../src/lib/server/organisation';
import {
	availabilityWindows,
	familyMembers,
	families,
	familyStaff,
	meetingMembers,
	meetingPoints,
	meetings,
	organisations,
	staff,
	teams,
	users
} from '../../src/lib/server/db/schema';
import { familyActor } from './fixtures';
import { copenhagenDate } from '../../src/lib/i18n/format';
import { currentOutcomes, listOutcomes } from '../../src/lib/server/outcomes';
import { familyGrant, ownFamily } from '../../src/lib/server/access';
import { manageView } from '../../src/lib/server/family-manage';
import { getGoal, listGoals } from '../../src/lib/server/goals';
import { homeFigures } from '../../src/lib/server/goal-steps';
import { listWishes } from '../../src/lib/server/wishes';
import { listMeetings } from '../../src/lib/server/meetings/meetings';
import { teamDashboard } from '../../src/lib/server/dashboard';
import { shiftMonth } from '../../src/lib/schemas/dashboard';
import { listConversations, unreadCount } from '../../src/lib/server/messages/conversations';
import { readThread, seenBy } from '../../src/lib/server/messages/thread';
import { teamQuickReplies } from '../../src/lib/server/messages/inbox';
import { locales } from '../../src/lib/i18n/locales';
import { findOpportunities } from '../../src/lib/server/activities/directory';
import { listInterests } from '../../src/lib/server/activities/interests';
import { listSaved } from '../../src/lib/server/activities/saved';
import { opportunityStaleDays } from '../../src/lib/codes';

// This suite's database is its own, so it starts empty and the demo can be loaded into it.
describeEachBackend('demo data', (ctx) => {
	let seeded: boolean | undefined;
	beforeAll(async () => {
		seeded = await seedDemoIfEmpty(ctx().db);
	});

	async function actorFor(email: string) {
		const { db } = ctx();
		const [row] = await db
			.select({ userId: users.id, staff })
			.from(users)
			.innerJoin(staff, eq(staff.id, users.staffId))
			.where(eq(users.email, email));
		if (!row) throw new Error(`no staff sign-in ${email}`);
		return staffActor(row.staff, row.userId);
	}

	/** A demo family member's own grant, by their sign-in. */
	async function as(email: string) {
		const [row] = await ctx()
			.db.select({ user: users, member: familyMembers })
			.from(users)
			.innerJoin(familyMembers, eq(familyMembers.id, users.familyMemberId))
			.where(eq(users.email, email));
		return ownFamily(familyActor(row.member, row.user.id))!;
	}

	const familyNames = async (email: string) => (await listFamiliesForStaff(ctx().db, await actorFor(email))).map((f) => f.name).sort();

	it('seeds an empty database once, and leaves it alone the second time', async () => {
		const { db } = ctx();
		expect(seeded).toBe(true);
		const before = await db.select({ n: count() }).from(families);
		expect(await seedDemoIfEmpty(db)).toBe(false);
		expect(await db.select({ n: count() }).from(families)).toEqual(before);
		expect(await db.select({ n: count() }).from(organisations)).toEqual([{ n: 1 }]);
		expect(await db.select({ n: count() }).from(teams)).toEqual([{ n: 1 }]);
		expect(before[0].n).toBeGreaterThanOrEqual(8);
	});

	it('lets every listed demo user sign in with the demo password', async () => {
		const { db } = ctx();
		expect(demoSignIns.length).toBeGreaterThan(0);
		for (const [i, s] of demoSignIns.entries()) {
			const result = await signIn(db, { login: s.login, password: demoPassword, address: `192.0.2.${i + 1}`, device: 'seed-test-device' });
			expect(result, s.login).toMatchObject({ ok: true });
			const login = parseLogin(s.login)!;
			const [user] = await db
				.select()
				.from(users)
				.where(login.kind === 'email' ? eq(users.email, login.value) : eq(users.phone, login.value));
			expect(user.locale, s.login).toBe(s.locale);
			if (result.ok) expect(result.kind).toBe(user.staffId ? 'staff' : 'family');
		}
		expect(
			await signIn(db, { login: demoSignIns[0].login, password: 'forkert kodeord', address: '192.0.2.200', device: 'seed-test-device' })
		).toEqual({
			ok: false,
			reason: 'wrongCredentials'
		});
	});

	it("has a neighbourhood's directory: thirty opportunities of twelve partners, one ended, two to check, one full", async () => {
		const { db } = ctx();
		const [{ n: partnerCount }] = await db.select({ n: count() }).from(partners);
		expect(partnerCount).toBe(12);
		const all = await db.select().from(opportunities);
		expect(all).toHaveLength(30);
		expect(new Set(all.map((o) => o.kind))).toEqual(new Set(['leisure_job', 'activity', 'club', 'course', 'volunteering']));
		const staleBefore = new Date(Date.now() - opportunityStaleDays * 86_400_000).toISOString().slice(0, 10);
		expect(all.filter((o) => o.checkedOn < staleBefore)).toHaveLength(2);
		expect(all.filter((o) => o.placesLeft === 0)).toHaveLength(1);
		// A teenager of the demo sees the 29 active ones.
		const [teen] = await db
			.select({ user: users, member: familyMembers })
			.from(users)
			.innerJoin(familyMembers, eq(familyMembers.id, users.familyMemberId))
			.where(eq(familyMembers.role, 'child'))
			.limit(1);
		expect(await findOpportunities(db, familyActor(teen.member, teen.user.id), {}, 'da')).toHaveLength(29);
		// Yusuf's leisure job waits for his "still going?"; his mother sees only the football he shared.
		const yusufs = await listInterests(db, await as('yusuf@example.org'), 'da');
		expect(yusufs.map((i) => [i.title, i.status, i.askNow])).toEqual([
			['Fodbold for drenge 13–15 år', 'interested', false],
			['Fritidsjob: varer på hylderne', 'started', true]
		]);
		expect((await listInterests(db, await as('amina@example.org'), 'da')).map((i) => i.title)).toEqual(['Fodbold for drenge 13–15 år']);
		expect(await listInterests(db, await as('hodan@example.org'), 'da')).toHaveLength(3);
		// Saved for later: Yusuf's two are his own; his mother has none of them.
		expect((await listSaved(db, await as('yusuf@example.org'), 'da')).map((o) => o.title).sort()).toEqual([
			'Fritidsjob i bageriet',
			'Kodeklubben på biblioteket'
		]);
		expect(await listSaved(db, await as('amina@example.org'), 'da')).toEqual([]);
		expect((await listSaved(db, await as('hodan@example.org'), 'da')).map((o) => o.title)).toEqual(['Læseklub for piger']);
	});

	it('tells how things are going: parents towards work, absence falling, each reading only what is theirs', async () => {
		const { db } = ctx();
		// Amina works part time now and reads the adults' notes, not Yusuf's
		// school; Yusuf reads his own absence falling and his leisure job.
		const today = copenhagenDate();
		const now = async (email: string) =>
			currentOutcomes(await listOutcomes(db, await as(email)), today).map(
				(n) => `${n.memberName}: ${n.work ?? n.absencePercent ?? n.leisure}`
			);
		expect(await now('amina@example.org')).toEqual(['Amina Hassan: part_time', 'Omar Hassan: activation', 'Sara Hassan: 4']);
		expect(await now('yusuf@example.org')).toEqual(['Yusuf Hassan: 7', 'Yusuf Hassan: job']);
		const yusufSchool = (await listOutcomes(db, await as('yusuf@example.org'))).filter((n) => n.kind === 'school');
		expect(yusufSchool.map((n) => n.absencePercent)).toEqual([7, 9.5, 11, 15, 18.5]);
		expect(await now('hodan@example.org')).toEqual(['Hodan Warsame: activation', 'Ifrah Warsame: 8']);
	});

	it('gives the team leader figures that tell a story: parents into work, absence falling, meetings held', async () => {
		const { db } = ctx();
		const thisMonth = copenhagenDate().slice(0, 7);
		const d = await teamDashboard(db, await actorFor('lone@example.org'), { from: shiftMonth(thisMonth, -11), to: thisMonth });
		expect(d.months.every((m) => m.active >= 7)).toBe(true);
		expect(d.parents.now.yes).toBeGreaterThan(d.parents.atStart.yes);
		expect(d.parents.now.total).toBeGreaterThanOrEqual(10);
		expect(d.school.change).toBeLessThan(0);
		expect(d.teenagers.yes).toBeGreaterThanOrEqual(4);
		expect(d.replies.count).toBeGreaterThan(0);
		// A year of meetings with each family: home visits and walks most, a few not held.
		const held = Object.fromEntries(d.meetings.map((m) => [m.type, m.held]));
		expect(held.home).toBeGreaterThan(held.office);
		expect(held.walk).toBeGreaterThan(held.video);
		expect(d.meetings.reduce((n, m) => n + m.notHeld, 0)).toBeGreaterThan(0);
		// Mette, a caseworker, counts her own families only, and sees only her own caseload.
		const mette = await teamDashboard(db, await actorFor('mette@example.org'), { from: thisMonth, to: thisMonth });
		expect(mette.caseloads.map((c) => c.name)).toEqual(['Mette Kjær']);
		expect(mette.months[0].active).toBeLessThan(d.months[d.months.length - 1].active);
	});

	it('has a team of at least ten staff covering all five departments', async () => {
		const { db } = ctx();
		const [team] = await db.select().from(teams);
		const rows = await db.select().from(staff).where(eq(staff.teamId, team.id));
		expect(rows.length).toBeGreaterThanOrEqual(10);
		const codes = await db
			.select({ code: departments.code })
			.from(staff)
			.innerJoin(departments, eq(departments.id, staff.departmentId))
			.where(eq(staff.teamId, team.id));
		// Every one of the five departments has someone in the team.
		expect(new Set(codes.map((c) => c.code))).toEqual(new Set(standardDepartments));
		expect(rows.filter((s) => s.role === 'team_leader').map((s) => s.name)).toEqual(['Lone Bak']);
		for (const s of rows) {
			expect(s.standInId, s.name).not.toBe(s.id);
			if (s.standInId)
				expect(
					rows.map((r) => r.id),
					s.name
				).toContain(s.standInId);
		}
	});

	it('gives every family exactly one contact person from its own team', async () => {
		const { db } = ctx();
		const rows = await db
			.select({ name: families.name, teamId: families.teamId, contactTeamId: staff.teamId, contactPersonId: families.contactPersonId })
			.from(families)
			.leftJoin(staff, eq(staff.id, families.contactPersonId));
		expect(rows.length).toBeGreaterThanOrEqual(8);
		for (const f of rows) {
			expect(f.contactPersonId, f.name).toBeTruthy();
			expect(f.contactTeamId, f.name).toBe(f.teamId);
		}
		// (That there is exactly one is the schema's NOT NULL column; what the demo must add is
		// that the one contact person is not listed again among the family's other staff.)
		const doubled = await db
			.select({ name: families.name })
			.from(families)
			.innerJoin(familyStaff, and(eq(familyStaff.familyId, families.id), eq(familyStaff.staffId, families.contactPersonId)));
		expect(doubled).toEqual([]);
	});

	it('leaves Halima and Sara Hassan without a sign-in', async () => {
		const { db } = ctx();
		for (const name of ['Halima Hassan', 'Sara Hassan']) {
			const rows = await db
				.select({ member: familyMembers.id, user: users.id })
				.from(familyMembers)
				.leftJoin(users, eq(users.familyMemberId, familyMembers.id))
				.where(eq(familyMembers.name, name));
			expect(rows, name).toHaveLength(1);
			expect(rows[0].user, name).toBeNull();
		}
	});

	it('gives Mehmet Yılmaz a phone sign-in without e-mail, and the municipality a phone', async () => {
		const { db } = ctx();
		const [mehmet] = await db
			.select({ email: users.email, phone: users.phone, locale: users.locale })
			.from(users)
			.innerJoin(familyMembers, eq(familyMembers.id, users.familyMemberId))
			.where(eq(familyMembers.name, 'Mehmet Yılmaz'));
		expect(mehmet).toEqual({ email: null, phone: '+4552601493', locale: 'tr' });
		expect(demoSignIns.map((s) => s.login)).toContain('+45 52 60 14 93');
		const result = await signIn(db, { login: '52 60 14 93', password: demoPassword, address: '192.0.2.210', device: 'seed-test-device' });
		expect(result).toMatchObject({ ok: true, kind: 'family' });
		expect(await db.select({ name: organisations.name, phone: organisations.phone }).from(organisations)).toEqual([
			{ name: 'Lyngbæk Kommune', phone: '+45 87 10 20 30' }
		]);
	});

	it('shows Ali Demir exactly Yılmaz and Hassan', async () => {
		expect(await familyNames('ali@example.org')).toEqual(['Hassan', 'Yılmaz']);
		const rows = await listFamiliesForStaff(ctx().db, await actorFor('ali@example.org'));
		expect(Object.fromEntries(rows.map((f) => [f.name, f.relation]))).toEqual({ Yılmaz: 'contact', Hassan: 'involved' });
	});

	it('shows Mette Kjær exactly Hassan and Warsame', async () => {
		expect(await familyNames('mette@example.org')).toEqual(['Hassan', 'Warsame']);
		const rows = await listFamiliesForStaff(ctx().db, await actorFor('mette@example.org'));
		expect(rows.every((f) => f.relation === 'contact')).toBe(true);
	});

	it('finds Hodan for the team leader and for Mette, never for Ali, whose families she is not in', async () => {
		const search = async (email: string, q: string) =>
			(await listFamiliesForStaff(ctx().db, await actorFor(email), { ...defaultFamilyListQuery, q })).map((f) => [f.name, f.found]);
		expect(await search('lone@example.org', 'hodan')).toEqual([['Warsame', ['Hodan Warsame']]]);
		expect(await search('mette@example.org', 'HODAN')).toEqual([['Warsame', ['Hodan Warsame']]]);
		expect(await search('ali@example.org', 'hodan')).toEqual([]);
		expect(await search('ali@example.org', 'warsame')).toEqual([]);
		expect(await search('ali@example.org', 'ayse')).toEqual([['Yılmaz', ['Ayşe Yılmaz']]]);
	});

	it('shows the team leader every family', async () => {
		const { db } = ctx();
		const all = (await db.select({ name: families.name }).from(families)).map((f) => f.name).sort();
		expect(await familyNames('lone@example.org')).toEqual(all);
	});

	it("shows the team leader the Melnyks' enrolment in their history, with Olena as their first contact person", async () => {
		const { db } = ctx();
		const [melnyk] = await db.select({ id: families.id }).from(families).where(eq(families.name, 'Melnyk'));
		const view = await manageView(db, (await familyGrant(db, await actorFor('lone@example.org'), melnyk.id, 'family.manage'))!);
		expect(view?.history).toMatchObject([{ kind: 'enrolled', to: 'Olena Kovalenko', by: 'Lone Bak' }]);
	});

	it('gives the municipality the frame every page shows, kept for a minute', async () => {
		const { db } = ctx();
		forgetOrganisationFrame();
		const frame = await getOrganisationFrame(db);
		expect(frame).toMatchObject({
			name: 'Lyngbæk Kommune',
			phone: '+45 87 10 20 30',
			logoPath: '/logo-lyngbaek.svg',
			dpoEmail: expect.stringContaining('@'),
			privacyEmail: expect.stringContaining('@'),
			accessibilityReviewedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)
		});
		expect(frame!.openingHours.map((h) => h.days).flat()).toEqual([1, 2, 3, 4, 5]);
		// A change shows after the minute (or when forgotten), not on every page view.
		await db.update(organisations).set({ phone: '+45 87 10 20 31' });
		expect((await getOrganisationFrame(db))!.phone).toBe('+45 87 10 20 30');
		// After the minute the page still gets the kept frame at once, and the new one next time.
		expect((await getOrganisationFrame(db, Date.now() + 61_000))!.phone).toBe('+45 87 10 20 30');
		await organisationFrameRead();
		expect((await getOrganisationFrame(db, Date.now() + 62_000))!.phone).toBe('+45 87 10 20 31');
		await db.update(organisations).set({ phone: '+45 87 10 20 30' });
		forgetOrganisationFrame();
		// The database keeps opening hours a list.
		await expect(db.update(organisations).set({ openingHours: {} as never })).rejects.toMatchObject({ cause: { code: '23514' } });
	});

	it('gives the team an office of its own and walk meeting points, one of them put aside', async () => {
		const { db } = ctx();
		const [team] = await db.select({ officeAddress: teams.officeAddress }).from(teams);
		expect(team.officeAddress).toMatch(/Karensvej/);
		const points = await db.select().from(meetingPoints).orderBy(meetingPoints.sortOrder);
		expect(points.length).toBeGreaterThanOrEqual(4);
		expect(points.filter((p) => !p.active).map((p) => p.name)).toEqual(['Multibanen']);
		const [office] = await db.select({ place: meetings.place }).from(meetings).where(eq(meetings.type, 'office'));
		expect(office.place).toBe(team.officeAddress);
	});

	it('lets families book every demo staff member, and has a few meetings: an interpreter, a home visit, a walk', async () => {
		const { db } = ctx();
		const windows = await db.select({ staffId: availabilityWindows.staffId }).from(availabilityWindows);
		const everyone = await db.select({ id: staff.id }).from(staff);
		expect(new Set(windows.map((w) => w.staffId))).toEqual(new Set(everyone.map((s) => s.id)));
		const rows = await db
			.select({
				family: families.name,
				type: meetings.type,
				status: meetings.status,
				place: meetings.place,
				startsAt: meetings.startsAt,
				interpreter: meetings.interpreterLanguage
			})
			.from(meetings)
			.innerJoin(families, eq(families.id, meetings.familyId));
		const coming = rows.filter((r) => r.status === 'booked');
		expect(coming.every((r) => r.startsAt > new Date())).toBe(true);
		expect(coming.find((r) => r.interpreter === 'ar')?.family).toBe('Hassan');
		expect(coming.some((r) => r.type === 'home')).toBe(true);
		expect(coming.find((r) => r.type === 'walk')?.place).not.toBe('');
		expect(rows.some((r) => r.status === 'held' && r.startsAt < new Date())).toBe(true);
		expect(await db.select({ n: count() }).from(meetingMembers)).not.toEqual([{ n: 0 }]);
	});

	it("gives the Hassans goals: Amina's with a step done and one for the family, Ali's proposal to Omar, Yusuf's private one", async () => {
		const { db } = ctx();
		const member = async (email: string) => {
			const [row] = await db
				.select({ userId: users.id, m: familyMembers })
				.from(users)
				.innerJoin(familyMembers, eq(familyMembers.id, users.familyMemberId))
				.where(eq(users.email, email));
			return ownFamily(familyActor(row.m, row.userId))!;
		};
		const goalsOf = async (grant: Awaited<ReturnType<typeof member>>) =>
			(await Promise.all((await listWishes(db, grant)).map((w) => listGoals(db, grant, w.id)))).flat();
		const omar = await member('omar@example.org');
		// Two meetings about a goal: Amina's (the family sees it) and Yusuf's own (only he does).
		const about = async (grant: Awaited<ReturnType<typeof member>>) =>
			(await listMeetings(db, grant)).coming.map((m) => [m.type, m.goal?.text ?? null]).sort();
		expect(await about(omar)).toEqual([
			['office', 'أن أحصل على شهادة النظافة الغذائية'],
			['phone', null]
		]);
		expect(await about(await member('yusuf@example.org'))).toEqual([
			['office', 'أن أحصل على شهادة النظافة الغذائية'],
			['phone', 'Tale med min lærer om, hvordan jeg har det i klassen']
		]);
		const yusuf = await member('yusuf@example.org');
		const seenByOmar = await goalsOf(omar);
		expect(seenByOmar.map((g) => [g.status, g.text]).sort()).toEqual([
			['active', 'أن أحصل على شهادة النظافة الغذائية'],
			['proposed', 'Bestå teoriprøven til buskørekort']
		]);
		expect(seenByOmar.find((g) => g.status === 'proposed')!.authorName).toBe('Ali Demir');
		const amina = (await getGoal(db, omar, seenByOmar.find((g) => g.status === 'active')!.id))!;
		expect(amina.steps.map((s) => !!s.doneAt)).toEqual([false, false, true]);
		expect(amina.events.map((e) => e.kind)).toEqual(['note', 'step_done', 'step_added', 'step_added', 'step_added', 'created']);
		expect((await homeFigures(db, omar)).steps.map((s) => s.text)).toEqual(['Finde et hygiejnekursus, der passer med børnenes skoletid']);
		expect((await goalsOf(yusuf)).map((g) => g.text)).toContain('Tale med min lærer om, hvordan jeg har det i klassen');
		expect((await homeFigures(db, yusuf)).steps.map((s) => s.text)).toEqual([
			'Skrive ned, hvad der er svært',
			'Finde et hygiejnekursus, der passer med børnenes skoletid'
		]);
	});

	it("has conversations in the families' languages: Yusuf's is his and the team's, each reader's unread figure, seen marks and quick replies in every language", async () => {
		const { db } = ctx();
		const member = async (login: { email: string } | { name: string }) => {
			const [row] = await db
				.select({ userId: users.id, m: familyMembers })
				.from(users)
				.innerJoin(familyMembers, eq(familyMembers.id, users.familyMemberId))
				.where('email' in login ? eq(users.email, login.email) : eq(familyMembers.name, login.name));
			return familyActor(row.m, row.userId);
		};
		const subjects = async (actor: Awaited<ReturnType<typeof member>>) =>
			(await listConversations(db, ownFamily(actor, 'message.write')!)).map((c) => c.subject);
		const [amina, omar, yusuf, faadumo] = await Promise.all([
			member({ email: 'amina@example.org' }),
			member({ email: 'omar@example.org' }),
			member({ email: 'yusuf@example.org' }),
			member({ name: 'Faadumo Warsame' })
		]);
		// The parents' two, newest first; Yusuf's own is never among them, and the parents' never his.
		expect(await subjects(omar)).toEqual(['خطاب من شركة السكن', 'Svømning til Sara']);
		expect(await subjects(amina)).toEqual(['خطاب من شركة السكن', 'Svømning til Sara']);
		expect(await subjects(yusuf)).toEqual(['Fritidsjob']);
		expect(await subjects(faadumo)).toEqual(['Warqad ka timid isbitaalka']);
		// Omar has not read Mette's answer to Amina, Amina not Jonas's to Omar, Yusuf not Jonas's congratulations.
		expect([await unreadCount(db, omar), await unreadCount(db, amina), await unreadCount(db, yusuf)]).toEqual([1, 1, 1]);

		// Amina's letter: Mette answered with a quick reply in Arabic, a note Amina never sees, then Danish and Arabic; she saw Amina's thanks.
		const [letter] = await listConversations(db, ownFamily(amina, 'message.write')!);
		const thread = (await readThread(db, ownFamily(amina, 'message.write')!, letter.id))!;
		expect(thread.lines.map((l) => l.kind)).toEqual(['message', 'message', 'message', 'message', 'message']);
		expect(thread.lines[1]).toMatchObject({ lang: 'ar', body: 'هل يمكنك إرسال صورة للخطاب؟', bodyDa: null });
		expect(seenBy(thread, thread.lines.at(-1)!, true).map((r) => r.name)).toEqual(['Mette Kjær']);
		// Omar's swimming question went from Mette to Jonas: the family sees the handover and who answers now.
		const [, swim] = await listConversations(db, ownFamily(omar, 'message.write')!);
		const handed = (await readThread(db, ownFamily(omar, 'message.write')!, swim.id))!;
		expect(handed.staff.name).toBe('Jonas Holm');
		expect(handed.lines.find((l) => l.kind === 'handover')).toMatchObject({ author: { name: 'Mette Kjær' }, handedTo: 'Jonas Holm' });

		// The team's quick replies, each in Danish and every language the portal speaks.
		const replies = await teamQuickReplies(db, await actorFor('mette@example.org'));
		expect(replies.map((r) => r.da)).toEqual([
			'Tak, jeg kigger på det og svarer dig i dag.',
			'Kan du sende et billede af brevet?',
			'Lad os tale om det på vores næste møde.',
			'Jeg har ringet til dem. Jeg skriver, når jeg ved mere.'
		]);
		for (const r of replies) expect(Object.keys(r.texts).sort()).toEqual(locales.map((l) => l.code).sort());
	});
});
