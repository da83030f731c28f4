/**
 * Migrations as an upgrade: a database of release 0.1 (its two migrations and its demo data,
 * tests/integration/fixtures/release-0.1-demo.sql) is brought to today's schema by every later
 * migration, and nothing people rely on is lost. Generic on purpose: a future migration that
 * drops or rewrites these rows makes it fail without anyone editing it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { backends } from './harness';
import { applyMigrations, type Database } from '../../src/lib/server/db';
import { signIn } from '../../src/lib/server/auth/signin';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { ownFamily } from '../../src/lib/server/access';
import { getFamilyOverview } from '../../src/lib/server/families';

const drizzleDir = path.resolve(__dirname, '../../drizzle');
const release01 = ['0000_init', '0001_guards'];

/** A migrations folder holding only release 0.1's migrations (the journal's first entries). */
function releaseFolder(tags: string[]): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'opgang-release-'));
	mkdirSync(path.join(dir, 'meta'));
	const journal = JSON.parse(readFileSync(path.join(drizzleDir, 'meta/_journal.json'), 'utf8'));
	journal.entries = journal.entries.filter((e: { tag: string }) => tags.includes(e.tag));
	writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
	for (const tag of tags) copyFileSync(path.join(drizzleDir, `${tag}.sql`), path.join(dir, `${tag}.sql`));
	return dir;
}

/** What must survive, as id lists per table (plus the values a person would miss). */
const survivors = {
	organisations: 'select id::text as k from organisations',
	teams: 'select id::text as k from teams',
	staff: "select id::text || ' ' || name || ' ' || coalesce(phone, '') as k from staff",
	families: "select id::text || ' ' || name || ' ' || contact_person_id::text || ' ' || enrolled_on::text as k from families",
	family_members:
		"select id::text || ' ' || name || ' ' || coalesce(birth_year::text, '') || ' ' || preferred_language as k from family_members",
	family_staff: "select family_id::text || ' ' || staff_id::text || ' ' || helps_with as k from family_staff",
	users: "select id::text || ' ' || email || ' ' || password_hash || ' ' || locale as k from users",
	sessions: "select id || ' ' || user_id::text as k from sessions",
	invitations: "select id || ' ' || family_member_id::text || ' ' || coalesce(used_at::text, '') as k from invitations",
	audit_log:
		"select id::text || ' ' || coalesce(actor_user_id::text, '') || ' ' || coalesce(family_id::text, '') || ' ' || action as k from audit_log"
};

async function snapshot(database: Database): Promise<Record<string, string[]>> {
	const out: Record<string, string[]> = {};
	for (const [table, query] of Object.entries(survivors)) {
		const result = await database.db.execute(sql.raw(query));
		const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { k: string }[];
		out[table] = rows.map((r) => r.k).sort();
	}
	return out;
}

for (const backend of backends) {
	describe(`upgrade from release 0.1 [${backend.name}]`, () => {
		let database: Database | undefined;
		afterAll(async () => database?.close());

		// Every migration from an empty database, then the release's data: ~10 s alone, three times that beside other files.
		it("keeps every person, family, sign-in, session, link and audit row, and today's code reads them", async () => {
			database = await backend.openAt(releaseFolder(release01));
			const fixture = readFileSync(path.join(__dirname, 'fixtures/release-0.1-demo.sql'), 'utf8')
				.split('\n')
				.filter((line) => !line.startsWith('--'))
				.join('\n');
			// One transaction: one connection, so the SET at its top holds for every INSERT.
			await database.db.transaction(async (tx) => {
				for (const statement of fixture
					.split(/;\n/)
					.map((s) => s.trim())
					.filter(Boolean))
					await tx.execute(sql.raw(statement));
			});
			const before = await snapshot(database);
			expect(before.families).toHaveLength(8);
			expect(before.users.length).toBeGreaterThan(10);

			await applyMigrations(database, drizzleDir);
			const after = await snapshot(database);
			expect(after).toEqual(before);

			// Olena was "away" in 0.1: she is away today, with her stand-in.
			const { db } = database;
			const away = await db.execute(
				sql.raw(`select s.name from absences a join staff s on s.id = a.staff_id join staff si on si.id = a.stand_in_id
					where a.starts_on <= current_date and a.ends_on >= current_date and si.name = 'Sahra Abdi'`)
			);
			expect((Array.isArray(away) ? away : (away as { rows: unknown[] }).rows).length).toBe(1);
			// Yusuf was a 'teenager'; now a child born 2011, so still a teenager with a sign-in.
			const yusuf = await signIn(db, { login: 'yusuf@example.org', password: 'opgang-demo-2026', address: '192.0.2.1', device: 'upgrade' });
			expect(yusuf).toMatchObject({ ok: true, kind: 'family' });
			const mette = await signIn(db, { login: 'mette@example.org', password: 'opgang-demo-2026', address: '192.0.2.2', device: 'upgrade' });
			expect(mette).toMatchObject({ ok: true, kind: 'staff' });
			// The 0.1 session still finds its person (its secret is unknown here, so it is refused, not broken).
			expect(await validateSessionToken(db, 'releasezeroonesessionidaaaaaaaaaaaaaaaa.' + 'a'.repeat(39))).toBeNull();
			const amina = await signIn(db, { login: 'amina@example.org', password: 'opgang-demo-2026', address: '192.0.2.3', device: 'upgrade' });
			if (!amina.ok) throw new Error('Amina could not sign in after the upgrade');
			const session = await import('../../src/lib/server/auth/session').then((m) => m.createSession(db, amina.userId, 'family', ''));
			const valid = await validateSessionToken(db, session.token);
			if (!valid || valid.user.kind !== 'family') throw new Error('no family session');
			const overview = await getFamilyOverview(db, ownFamily(valid.user)!);
			expect(overview?.name).toBe('Hassan');
			expect(overview?.contactPerson).toMatchObject({ name: 'Mette Kjær', department: 'employment', departmentName: 'Job og uddannelse' });
			expect(overview?.members.map((m) => m.name)).toContain('Yusuf Hassan');
			// What staff wrote about themselves in 0.1 (Danish) is their Danish text now.
			expect(overview?.contactPerson.helpText).toEqual({
				da: 'Job, uddannelse og praktik – og alt det, der skal til for at komme derhen.'
			});
		}, 90_000);
	});
}
