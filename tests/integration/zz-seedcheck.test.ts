import { test, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../../src/lib/server/db/index';
import { seedDemoIfEmpty, demoSignIns, demoPassword } from '../../src/lib/server/demo/seed';
import { verifyPassword } from '../../src/lib/server/auth/password';

test('seed', async () => {
	const { db, close } = await openDatabase({ migrationsFolder: '/work/main/drizzle' });
	const t0 = Date.now();
	expect(await seedDemoIfEmpty(db)).toBe(true);
	console.log('seed ms', Date.now() - t0);
	expect(await seedDemoIfEmpty(db)).toBe(false);
	const counts = rowsOf(await db.execute(sql`select
		(select count(*)::int from organisations) orgs, (select count(*)::int from teams) teams,
		(select count(*)::int from staff) staff, (select count(*)::int from families) families,
		(select count(*)::int from family_members) members, (select count(*)::int from family_staff) family_staff,
		(select count(*)::int from users) users`));
	console.log(JSON.stringify(counts));
	const access = rowsOf<{ name: string; who: string }>(await db.execute(sql`
		select s.name, string_agg(f.name || ':' || case when f.contact_person_id = s.id then 'contact'
			when c.stand_in_id = s.id then 'stand_in' else 'involved' end, ', ' order by f.name) who
		from staff s join families f on true join staff c on c.id = f.contact_person_id
		where f.contact_person_id = s.id or c.stand_in_id = s.id
			or exists (select 1 from family_staff fs where fs.family_id = f.id and fs.staff_id = s.id)
		group by s.name order by s.name`));
	for (const r of access) console.log(r.name.padEnd(16), r.who);
	const away = rowsOf(await db.execute(sql`select s.name, s.away_until, si.name stand_in from staff s left join staff si on si.id = s.stand_in_id where s.away`));
	console.log('away', JSON.stringify(away));
	const u = rowsOf<{ email: string; password_hash: string }>(await db.execute(sql`select email, password_hash from users order by email`));
	expect(new Set(u.map((x) => x.password_hash)).size).toBe(1);
	expect(await verifyPassword(u[0].password_hash, demoPassword)).toBe(true);
	expect(demoSignIns.slice(0, 8).map((s) => s.email)).toEqual(['amina@example.org','omar@example.org','yusuf@example.org','ayse@example.org','hodan@example.org','mette@example.org','ali@example.org','lone@example.org']);
	await close();
});
