/**
 * What the team notes about how things are going (issue 15 "outcomes"): staff write an adult's
 * work, a child's school absence per term and a teenager's leisure; the family reads them, each
 * only what is theirs to see; nobody outside the family's team reads or writes any; the database
 * refuses notes that do not fit; every staff write is in the audit log.
 */
import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { familyActor, grantFor, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { familyGrant, ownFamily } from '../../src/lib/server/access';
import { currentOutcomes, listOutcomes, outcomeMembers, recentTerms, recordOutcome, removeOutcome } from '../../src/lib/server/outcomes';
import { auditLog, outcomes } from '../../src/lib/server/db/schema';
import { recordOutcomeForm } from '../../src/lib/schemas/outcomes';
import { fieldErrors } from '../../src/lib/schemas/forms';
import { copenhagenDate } from '../../src/lib/i18n/format';

const year = new Date().getFullYear();

describeEachBackend('outcomes', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id);
		const { family, members } = await makeFamily(db, team.id, contact.id, [
			{ name: 'Amina', role: 'parent', birthYear: 1984 },
			{ name: 'Omar', role: 'parent', birthYear: 1979 },
			{ name: 'Yusuf', role: 'child', birthYear: year - 15 },
			{ name: 'Sara', role: 'child', birthYear: year - 9 }
		]);
		const [amina, omar, yusuf, sara] = members;
		const staff = staffActor(contact, (await makeUser(db, { staffId: contact.id })).id);
		const mother = familyActor(amina, (await makeUser(db, { familyMemberId: amina.id })).id);
		const father = familyActor(omar, (await makeUser(db, { familyMemberId: omar.id })).id);
		const teen = familyActor(yusuf, (await makeUser(db, { familyMemberId: yusuf.id })).id);
		return { db, team, contact, family, amina, omar, yusuf, sara, staff, mother, father, teen };
	}

	it('staff note each member what fits them; the family reads its own, a teenager’s only he and the team', async () => {
		const w = await world();
		const grant = await grantFor(w.db, w.staff, w.family.id, 'outcome.record');
		const [autumn, spring] = recentTerms(copenhagenDate()).slice(1);
		const note = (form: Record<string, string>) => recordOutcome(w.db, grant, recordOutcomeForm.parse(form));
		expect(await note({ kind: 'work', member: w.amina.id, work: 'no_work', from: '2024-02-12' })).toMatchObject({ ok: true });
		expect(await note({ kind: 'work', member: w.amina.id, work: 'part_time', from: '2026-03-01' })).toMatchObject({ ok: true });
		expect(await note({ kind: 'school', member: w.yusuf.id, term: spring, absence: '14,5' })).toMatchObject({ ok: true });
		expect(await note({ kind: 'school', member: w.sara.id, term: autumn, absence: '4' })).toMatchObject({ ok: true });
		expect(await note({ kind: 'youth', member: w.yusuf.id, leisure: 'job', education: 'yes', from: '2026-05-04' })).toMatchObject({
			ok: true
		});
		// What does not fit the person is refused: work for a child, leisure for a 9-year-old, another family's member.
		expect(await note({ kind: 'work', member: w.yusuf.id, work: 'full_time', from: '2026-01-05' })).toEqual({
			ok: false,
			reason: 'wrongMember'
		});
		expect(await note({ kind: 'youth', member: w.sara.id, leisure: 'activity', education: 'yes', from: '2026-01-05' })).toEqual({
			ok: false,
			reason: 'wrongMember'
		});
		const other = await makeFamily(w.db, w.team.id, w.contact.id, [{ role: 'parent' }]);
		expect(await note({ kind: 'work', member: other.members[0].id, work: 'no_work', from: '2026-01-05' })).toEqual({
			ok: false,
			reason: 'wrongMember'
		});

		// The same person, kind and day again corrects the note: one row, the new words.
		expect(await note({ kind: 'school', member: w.yusuf.id, term: spring, absence: '12.5' })).toMatchObject({ ok: true });

		const shown = async (actor: Parameters<typeof ownFamily>[0]) =>
			(await listOutcomes(w.db, ownFamily(actor)!)).map((n) => `${n.memberName}:${n.kind}:${n.work ?? n.absencePercent ?? n.leisure}`);
		const adults = ['Amina:work:part_time', 'Amina:work:no_work'];
		// Sara is 9: her parents read her school; Yusuf is 15: his school and leisure are his.
		expect(await shown(w.mother)).toEqual([...adults, 'Sara:school:4']);
		expect(await shown(w.father)).toEqual([...adults, 'Sara:school:4']);
		expect(await shown(w.teen)).toEqual(['Yusuf:school:12.5', 'Yusuf:youth:job']);
		const team = await listOutcomes(w.db, grant);
		expect(team).toHaveLength(5);
		expect(team.find((n) => n.kind === 'school' && n.memberName === 'Yusuf')).toMatchObject({
			absencePercent: 12.5,
			recordedBy: w.contact.name
		});

		// What holds today: the latest note that has begun.
		expect(currentOutcomes(team, copenhagenDate()).map((n) => `${n.memberName}:${n.work ?? n.absencePercent ?? n.leisure}`)).toEqual([
			'Amina:part_time',
			'Yusuf:12.5',
			'Yusuf:job',
			'Sara:4'
		]);
		expect((await outcomeMembers(w.db, grant)).map((m) => [m.name, m.kinds.join('+')])).toEqual([
			['Amina', 'work'],
			['Omar', 'work'],
			['Yusuf', 'school+youth'],
			['Sara', 'school']
		]);

		// Every write went through an audited grant.
		const audited = await w.db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(and(eq(auditLog.familyId, w.family.id), eq(auditLog.action, 'outcome.record')));
		expect(audited.length).toBeGreaterThanOrEqual(1);
	});

	it('nobody outside the family’s team reads or writes a note; the family writes none; a removed note is gone', async () => {
		const w = await world();
		const grant = await grantFor(w.db, w.staff, w.family.id, 'outcome.record');
		const written = await recordOutcome(
			w.db,
			grant,
			recordOutcomeForm.parse({ kind: 'work', member: w.omar.id, work: 'activation', from: '2025-09-01' })
		);
		expect(written.ok).toBe(true);
		const id = written.ok ? written.id : '';

		const otherTeam = await makeTeam(w.db);
		const stranger = await makeStaff(w.db, otherTeam.id);
		const strangerActor = staffActor(stranger, (await makeUser(w.db, { staffId: stranger.id })).id);
		expect(await familyGrant(w.db, strangerActor, w.family.id, 'outcome.record')).toBeNull();
		expect(await familyGrant(w.db, strangerActor, w.family.id, 'family.view')).toBeNull();
		// A colleague on the team who does not work with the family sees nothing either.
		const colleague = await makeStaff(w.db, w.team.id);
		expect(
			await familyGrant(w.db, staffActor(colleague, (await makeUser(w.db, { staffId: colleague.id })).id), w.family.id, 'outcome.record')
		).toBeNull();
		// A family member has no grant to write, and a view grant writes nothing.
		expect(ownFamily(w.mother, 'outcome.record')).toBeNull();
		const input = recordOutcomeForm.parse({ kind: 'work', member: w.amina.id, work: 'full_time', from: '2026-01-05' });
		expect(await recordOutcome(w.db, ownFamily(w.mother)!, input)).toEqual({ ok: false, reason: 'notAllowed' });
		expect(await removeOutcome(w.db, ownFamily(w.mother)!, id)).toBe(false);
		// Another family's grant cannot take this family's note back.
		const other = await makeFamily(w.db, w.team.id, w.contact.id, [{ role: 'parent' }]);
		expect(await removeOutcome(w.db, await grantFor(w.db, w.staff, other.family.id, 'outcome.record'), id)).toBe(false);

		expect(await removeOutcome(w.db, grant, id)).toBe(true);
		expect(await listOutcomes(w.db, grant)).toEqual([]);
		expect(await removeOutcome(w.db, grant, id)).toBe(false);
	});

	it('the database refuses a note that does not fit its kind, a term that is no term, and another family’s member', async () => {
		const w = await world();
		const base = { familyId: w.family.id, memberId: w.amina.id, recordedBy: w.contact.id };
		const refused = async (values: Partial<typeof outcomes.$inferInsert>, code = '23514') =>
			expect(
				w.db.insert(outcomes).values({ ...base, kind: 'work', visibility: 'adults', fromOn: '2026-01-05', ...values })
			).rejects.toMatchObject({
				cause: { code }
			});
		await refused({ work: null });
		await refused({ work: 'no_work', absencePercent: 10 });
		await refused({ work: 'no_work', visibility: 'member_private' });
		await refused({ kind: 'school', visibility: 'member_private', absencePercent: 101, memberId: w.yusuf.id });
		await refused({ kind: 'school', visibility: 'member_private', absencePercent: 10, fromOn: '2026-03-01', memberId: w.yusuf.id });
		await refused({ kind: 'youth', visibility: 'member_private', leisure: 'job', inEducation: null, memberId: w.yusuf.id });
		const other = await makeFamily(w.db, w.team.id, w.contact.id, [{ role: 'parent' }]);
		await refused({ work: 'no_work', memberId: other.members[0].id }, '23503');
		// The same person, kind and day twice.
		await w.db.insert(outcomes).values({ ...base, kind: 'work', visibility: 'adults', fromOn: '2026-01-05', work: 'no_work' });
		await refused({ work: 'part_time' }, '23505');
	});
});

it('reads a note’s form as a browser sends it, and says what is wrong in words', () => {
	const errors = (form: Record<string, string>) => {
		const r = recordOutcomeForm.safeParse(form);
		return r.success ? r.data : fieldErrors(r.error);
	};
	const member = '00000000-0000-4000-8000-000000000001';
	expect(errors({ kind: 'school', member, term: '2026-01-01', absence: '' })).toEqual({ absence: 'validation.percentRequired' });
	expect(errors({ kind: 'school', member, term: '2026-01-01', absence: '130' })).toEqual({ absence: 'validation.percentInvalid' });
	expect(errors({ kind: 'school', member, term: '2026-03-01', absence: 'mange' })).toEqual({
		term: 'validation.termChoose',
		absence: 'validation.percentInvalid'
	});
	expect(errors({ kind: 'school', member, term: '2026-01-01', absence: ' 7,5 ' })).toMatchObject({ absence: 7.5 });
	expect(errors({ kind: 'work', member, work: 'boss', from: '2099-01-01' })).toEqual({
		work: 'validation.workChoose',
		from: 'validation.dateFuture'
	});
	expect(errors({ kind: 'youth', member, leisure: '', education: '', from: '2026-02-30' })).toEqual({
		leisure: 'validation.leisureChoose',
		education: 'validation.educationChoose',
		from: 'validation.dateInvalid'
	});
	expect(errors({ kind: 'boss', member })).toEqual({ kind: 'validation.invalid' });
	expect(errors({ kind: 'work', member: 'x', work: 'no_work', from: '2026-01-05' })).toEqual({ member: 'validation.invalid' });
});

it('offers this school term and the three before it', () => {
	expect(recentTerms('2026-12-01')).toEqual(['2026-08-01', '2026-01-01', '2025-08-01', '2025-01-01']);
	expect(recentTerms('2027-01-01')).toEqual(['2027-01-01', '2026-08-01', '2026-01-01', '2025-08-01']);
	expect(recentTerms('2026-07-31')).toEqual(['2026-01-01', '2025-08-01', '2025-01-01', '2024-08-01']);
});
