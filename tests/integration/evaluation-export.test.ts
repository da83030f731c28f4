/**
 * The evaluators' export (issue 15): the team leader downloads the team's families, members and
 * outcome notes over time, pseudonymised — no name, e-mail, phone, id or free text; a random key
 * per family that holds within one export and differs between two; birth year and area kept;
 * another team's families never; one audit line per export, with counts, not who.
 */
import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { grantFor, makeFamily, makeStaff, makeTeam, makePhoneUser, makeUser, staffActor } from './fixtures';
import { teamGrant } from '../../src/lib/server/access';
import { evaluationExport, exportColumns, exportCsv } from '../../src/lib/server/evaluation-export';
import { recordOutcome } from '../../src/lib/server/outcomes';
import { auditLog, families, staff as staffTable } from '../../src/lib/server/db/schema';
import { recordOutcomeForm } from '../../src/lib/schemas/outcomes';

const year = new Date().getFullYear();
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describeEachBackend('evaluation export', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const leaderRow = await makeStaff(db, team.id, { role: 'team_leader', name: 'Lone Ledersen', phone: '+4587102030' });
		const kim = await makeStaff(db, team.id, { name: 'Kim Kontaktsen', phone: '+4520304050' });
		const one = await makeFamily(db, team.id, kim.id, [
			{ name: 'Amina Haddad', role: 'parent', birthYear: 1984, preferredLanguage: 'ar' },
			{ name: 'Yusuf Haddad', role: 'child', birthYear: year - 15, preferredLanguage: 'da' },
			{ name: 'Sara Haddad', role: 'child', birthYear: year - 9 }
		]);
		const two = await makeFamily(db, team.id, kim.id, [
			{ name: 'Olena Kovalenko', role: 'parent', birthYear: 1990, preferredLanguage: 'uk' },
			{ name: 'Mykola Kovalenko', role: 'other_adult', birthYear: 1958, preferredLanguage: 'uk' }
		]);
		await db.update(families).set({ area: '=Gellerup, "Toveshøj"', enrolledOn: '2025-02-03' }).where(eq(families.id, two.family.id));
		const leaderUser = await makeUser(db, { staffId: leaderRow.id });
		const kimUser = await makePhoneUser(db, { staffId: kim.id });
		const leader = staffActor(leaderRow, leaderUser.id);
		const contact = staffActor(kim, kimUser.id);
		const amina = one.members[0];
		const parentUser = await makeUser(db, { familyMemberId: amina.id });
		const parentPhone = await makePhoneUser(db, { familyMemberId: two.members[0].id });
		// Notes: work over time for Amina, school and leisure for Yusuf, school for Sara.
		for (const [family, form] of [
			[one.family.id, { kind: 'work', member: amina.id, work: 'no_work', from: '2024-02-12' }],
			[one.family.id, { kind: 'work', member: amina.id, work: 'part_time', from: '2026-03-01' }],
			[one.family.id, { kind: 'school', member: one.members[1].id, term: '2026-01-01', absence: '14,5' }],
			[one.family.id, { kind: 'youth', member: one.members[1].id, leisure: 'job', education: 'yes', from: '2026-05-04' }],
			[one.family.id, { kind: 'school', member: one.members[2].id, term: '2025-08-01', absence: '4' }],
			[two.family.id, { kind: 'work', member: two.members[0].id, work: 'full_time', from: '2026-04-01' }]
		] as const) {
			const grant = await grantFor(db, contact, family, 'outcome.record');
			expect(await recordOutcome(db, grant, recordOutcomeForm.parse(form))).toMatchObject({ ok: true });
		}
		// Another team, with a family of its own and a note: never in this team's export.
		const otherTeam = await makeTeam(db);
		const otherStaff = await makeStaff(db, otherTeam.id, { name: 'Jens Fremmed' });
		const other = await makeFamily(db, otherTeam.id, otherStaff.id, [{ name: 'Fatma Yilmaz', role: 'parent', birthYear: 1977 }]);
		const otherActor = staffActor(otherStaff, (await makeUser(db, { staffId: otherStaff.id })).id);
		await recordOutcome(
			db,
			await grantFor(db, otherActor, other.family.id, 'outcome.record'),
			recordOutcomeForm.parse({ kind: 'work', member: other.members[0].id, work: 'flex_job', from: '2026-02-02' })
		);
		const secrets = [
			leaderRow.name,
			kim.name,
			otherStaff.name,
			one.family.name,
			two.family.name,
			other.family.name,
			...[...one.members, ...two.members, ...other.members].map((m) => m.name),
			leaderUser.email,
			kimUser.phone,
			parentUser.email,
			parentPhone.phone,
			'+4587102030',
			'+4520304050',
			'Fatma',
			'Haddad',
			'Kovalenko'
		];
		return { db, team, leaderRow, leader, contact, one, two, other, otherActor, secrets };
	}

	it('gives every family, member and note of the team under fresh keys, and nothing that names anyone', async () => {
		const w = await world();
		const data = (await evaluationExport(w.db, teamGrant(w.leader, 'edit')!))!;
		expect(data.families).toHaveLength(2);
		for (const f of data.families) expect(f.key).toMatch(/^F-[A-Z2-7]{8}$/);
		const haddad = data.families.find((f) => f.members.length === 3)!;
		const kovalenko = data.families.find((f) => f.members.length === 2)!;
		expect(haddad).toMatchObject({ area: 'Gellerup', status: 'active', endedOn: null, endedReason: null });
		expect(kovalenko).toMatchObject({ area: '=Gellerup, "Toveshøj"', enrolledOn: '2025-02-03' });
		expect(haddad.members.map((m) => m.key)).toEqual([`${haddad.key}-P1`, `${haddad.key}-P2`, `${haddad.key}-P3`]);
		const byYear = Object.fromEntries(haddad.members.map((m) => [m.birthYear, m]));
		expect(byYear[1984]).toMatchObject({ role: 'parent', language: 'ar' });
		expect(byYear[1984].outcomes).toEqual([
			{ kind: 'work', fromOn: '2024-02-12', work: 'no_work', absencePercent: null, leisure: null, inEducation: null, source: 'staff' },
			{ kind: 'work', fromOn: '2026-03-01', work: 'part_time', absencePercent: null, leisure: null, inEducation: null, source: 'staff' }
		]);
		expect(byYear[year - 15].outcomes).toMatchObject([
			{ kind: 'school', fromOn: '2026-01-01', absencePercent: 14.5 },
			{ kind: 'youth', fromOn: '2026-05-04', leisure: 'job', inEducation: true }
		]);
		expect(byYear[year - 9].outcomes).toMatchObject([{ kind: 'school', absencePercent: 4 }]);
		const mykola = kovalenko.members.find((m) => m.role === 'other_adult')!;
		expect(mykola).toMatchObject({ birthYear: 1958, language: 'uk', outcomes: [] });

		// The CSV: a header, one row per note, a person without notes one row with the note's columns empty.
		const csv = exportCsv(data);
		expect(csv.startsWith('\uFEFF' + exportColumns.join(',') + '\r\n')).toBe(true);
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines).toHaveLength(1 + 6 + 1);
		expect(lines.filter((l) => l.startsWith(`${mykola.key.slice(0, 10)},`))).toHaveLength(2);
		expect(lines).toContain(`${kovalenko.key},"'=Gellerup, ""Toveshøj""",2025-02-03,,,active,${mykola.key},other_adult,1958,uk,,,,,,,`);

		// Nothing that names or identifies anyone: no name, e-mail, phone or id, in either format.
		for (const text of [JSON.stringify(data), csv]) {
			expect(text).not.toMatch(uuid);
			expect(text).not.toMatch(/@/);
			for (const secret of w.secrets) expect(text).not.toContain(secret);
		}
	});

	it('keys hold within one export and differ between two; another team sees only its own', async () => {
		const w = await world();
		const first = (await evaluationExport(w.db, teamGrant(w.leader, 'edit')!))!;
		const second = (await evaluationExport(w.db, teamGrant(w.leader, 'edit')!))!;
		for (const f of first.families) for (const m of f.members) expect(m.key.startsWith(`${f.key}-P`)).toBe(true);
		expect(new Set(first.families.map((f) => f.key)).size).toBe(2);
		const firstKeys = first.families.map((f) => f.key);
		for (const f of second.families) expect(firstKeys).not.toContain(f.key);
		// The other team's leader gets their one family, none of ours.
		const otherLeaderRow = await makeStaff(w.db, w.otherActor.teamId, { role: 'team_leader' });
		const otherLeader = staffActor(otherLeaderRow, (await makeUser(w.db, { staffId: otherLeaderRow.id })).id);
		const theirs = (await evaluationExport(w.db, teamGrant(otherLeader, 'edit')!))!;
		expect(theirs.families).toHaveLength(1);
		expect(theirs.families[0].members[0]).toMatchObject({ birthYear: 1977, outcomes: [{ work: 'flex_job' }] });
		expect(first.families.some((f) => f.members.some((m) => m.birthYear === 1977))).toBe(false);
	});

	it('only the team leader; each export is one audit line with counts, not who', async () => {
		const w = await world();
		expect(teamGrant(w.contact, 'edit')).toBeNull();
		// A grant made by hand for a caseworker (never issued by access.ts) is refused all the same.
		const forged = { ...teamGrant(w.contact, 'view')!, mayEdit: true };
		expect(await evaluationExport(w.db, forged)).toBeNull();
		const now = new Date();
		await evaluationExport(w.db, teamGrant(w.leader, 'edit')!, now);
		const lines = await w.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.actorStaffId, w.leaderRow.id), eq(auditLog.action, 'team.export')));
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({ familyId: null, actorName: w.leaderRow.name, detail: 'families=2 people=5 notes=6' });
		// The caseworker's refused attempt wrote nothing.
		const kims = await w.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.actorStaffId, w.contact.staffId), eq(auditLog.action, 'team.export')));
		expect(kims).toHaveLength(0);
		// The leader's staff row is still named (the audit keeps the name; the export never does).
		const [row] = await w.db.select({ name: staffTable.name }).from(staffTable).where(eq(staffTable.id, w.leaderRow.id));
		expect(row.name).toBe(w.leaderRow.name);
	});
});
