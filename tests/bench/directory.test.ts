/**
 * `npm run bench`: the directory (issue 14) with 500 opportunities answers a filtered search
 * (words, age, free, weekday, in Somali) within 50 ms on the server, on both databases.
 */
import { expect, it } from 'vitest';
import { describeEachBackend } from '../integration/harness';
import { familyActor, makeFamily, makeStaff, makeTeam, makeUser } from '../integration/fixtures';
import { findOpportunities } from '../../src/lib/server/activities/directory';
import { seedOpportunities } from '../../src/lib/server/demo/opportunities';
import { opportunities } from '../../src/lib/server/db/schema';

describeEachBackend('directory', (ctx) => {
	it('answers a filtered search among 500 opportunities', async () => {
		const { db } = ctx();
		const team = await makeTeam(db);
		await seedOpportunities(db, team.organisationId);
		const contact = await makeStaff(db, team.id);
		const { members } = await makeFamily(db, team.id, contact.id, [
			{ role: 'child', name: 'Abdi Warsame', birthYear: new Date().getFullYear() - 15 }
		]);
		const teen = familyActor(members[0], (await makeUser(db, { familyMemberId: members[0].id })).id);
		const [one] = await db.select().from(opportunities).limit(1);
		const { id: _id, search: _search, createdAt: _c, updatedAt: _u, ...template } = one;
		const words = ['Fodbold', 'Svømning', 'Kodeklub', 'Fritidsjob', 'Spejder', 'Boksning', 'Lektiecafé', 'Dans', 'Teater', 'Skak'];
		await db.insert(opportunities).values(
			Array.from({ length: 470 }, (_, i) => ({
				...template,
				title: `${words[i % words.length]} for ${6 + (i % 10)}–${12 + (i % 10)} år, hold ${i}`,
				minAge: 6 + (i % 10),
				maxAge: 12 + (i % 10),
				costDkk: i % 3 === 0 ? 0 : 300,
				costPeriod: i % 3 === 0 ? null : ('season' as const),
				supportCovers: i % 2 === 0,
				weekdays: [1 + (i % 7)]
			}))
		);
		const search = () => findOpportunities(db, teen, { q: 'fodbold', age: 15, free: true, weekday: 2 }, 'so');
		for (let i = 0; i < 5; i++) await search();
		const times: number[] = [];
		for (let i = 0; i < 30; i++) {
			const start = performance.now();
			await search();
			times.push(performance.now() - start);
		}
		times.sort((a, b) => a - b);
		const median = times[15];
		const p90 = times[27];
		console.log(
			`directory [${expect.getState().currentTestName?.match(/\[(\w+)\]/)?.[1]}] filtered search among 500 opportunities: median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms`
		);
		expect(median).toBeLessThan(50);
	});
});
