/**
 * The team's API tokens and what a token reaches (issue: API v1): the team leader makes a token
 * (only a hash of its secret is kept), it works until its expiry day is over or it is revoked,
 * counts its calls per minute in the database and notes its last use; it reaches its own team's
 * families only — the same SQL rules as the staff pages — and every call is in the audit log.
 * An outcome written through the API is what the staff's outcomes page reads back.
 */
import { expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { validate, compileErrors } from '@readme/openapi-parser';
import { describeEachBackend } from './harness';
import { makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { apiFamilyGrant, auditApiCall, teamGrant, type Action, type FamilyGrant } from '../../src/lib/server/access';
import { createApiToken, listApiTokens, revokeApiToken, takeCall, useApiToken } from '../../src/lib/server/api-tokens';
import { getApiFamily, listApiFamilies, listApiOutcomes } from '../../src/lib/server/api';
import { listOutcomes, recordOutcome } from '../../src/lib/server/outcomes';
import { teamDashboard } from '../../src/lib/server/dashboard';
import { apiTokens, auditLog } from '../../src/lib/server/db/schema';
import { createApiTokenForm } from '../../src/lib/schemas/api-tokens';
import { outcomeBody } from '../../src/lib/schemas/api';
import { fieldErrors } from '../../src/lib/schemas/forms';
import { openApiDocument } from '../../src/lib/server/api-openapi';
import { addDays, copenhagenDate } from '../../src/lib/i18n/format';
import { grantFor } from './fixtures';

const year = new Date().getFullYear();
const page = { limit: 50, after: null };

describeEachBackend('api tokens', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const leaderRow = await makeStaff(db, team.id, { role: 'team_leader' });
		const workerRow = await makeStaff(db, team.id);
		const leader = staffActor(leaderRow, (await makeUser(db, { staffId: leaderRow.id })).id);
		const worker = staffActor(workerRow, (await makeUser(db, { staffId: workerRow.id })).id);
		const { family, members } = await makeFamily(db, team.id, workerRow.id, [
			{ name: 'Hodan', role: 'parent', birthYear: 1986 },
			{ name: 'Liban', role: 'child', birthYear: year - 15 }
		]);
		const otherTeam = await makeTeam(db);
		const otherStaff = await makeStaff(db, otherTeam.id);
		const other = await makeFamily(db, otherTeam.id, otherStaff.id, [{ name: 'Oksana', role: 'parent' }]);
		const grant = teamGrant(leader, 'edit')!;
		const make = async (scopes: Record<string, string>, more: Record<string, string> = {}) =>
			(await createApiToken(db, grant, createApiTokenForm.parse({ name: 'Jobcentrets sagssystem', ...scopes, ...more })))!;
		return { db, team, leader, worker, leaderRow, workerRow, family, members, other, grant, make };
	}

	it('the leader makes a token: shown once, only a hash kept; it works and notes its last use', async () => {
		const w = await world();
		const made = await w.make({ 'scope-families-read': 'on', 'scope-outcomes-write': 'on' });
		expect(made.token).toMatch(/^[a-z2-7]{39}\.[a-z2-7]{39}$/);
		const [row] = await w.db.select().from(apiTokens).where(eq(apiTokens.id, made.id));
		expect(row.secretHash).toHaveLength(32);
		expect(JSON.stringify(row)).not.toContain(made.token.split('.')[1]);
		expect(row.lastUsedAt).toBeNull();

		const used = await useApiToken(w.db, made.token);
		expect(used).toMatchObject({ ok: true, caller: { tokenId: made.id, teamId: w.team.id }, scopes: ['families:read', 'outcomes:write'] });
		const [list] = await listApiTokens(w.db, w.grant);
		expect(list).toMatchObject({ id: made.id, createdBy: w.leaderRow.name, revokedAt: null });
		expect(list.lastUsedAt).toBeInstanceOf(Date);

		// A wrong secret, another shape, a made-up id: all the same "invalid".
		const [id, secret] = made.token.split('.');
		expect(await useApiToken(w.db, `${id}.${secret.replace(/.$/, secret.endsWith('a') ? 'b' : 'a')}`)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await useApiToken(w.db, 'nonsense')).toEqual({ ok: false, reason: 'invalid' });
		expect(await useApiToken(w.db, `${'a'.repeat(39)}.${secret}`)).toEqual({ ok: false, reason: 'invalid' });
		// The making is in the audit log, never the token.
		const audit = await w.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.actorUserId, w.leader.id), eq(auditLog.action, 'apiToken.manage')));
		expect(audit).toHaveLength(1);
		expect(audit[0].detail).toBe(`created ${made.id.slice(0, 8)}`);
	});

	it('only the team leader makes or revokes; a revoked or expired token stops working', async () => {
		const w = await world();
		expect(teamGrant(w.worker, 'edit')).toBeNull();
		expect(await createApiToken(w.db, teamGrant(w.worker, 'view')!, { name: 'x', scopes: ['families:read'], expires: null })).toBeNull();

		const made = await w.make({ 'scope-families-read': 'on' });
		expect(await revokeApiToken(w.db, teamGrant(w.worker, 'view')!, made.id)).toBe(false);
		// Another team's leader cannot revoke it either.
		const otherLeader = await makeStaff(w.db, w.other.family.teamId, { role: 'team_leader' });
		const theirs = teamGrant(staffActor(otherLeader, (await makeUser(w.db, { staffId: otherLeader.id })).id), 'edit')!;
		expect(await revokeApiToken(w.db, theirs, made.id)).toBe(false);
		expect(await listApiTokens(w.db, theirs)).toEqual([]);
		expect(await revokeApiToken(w.db, w.grant, made.id)).toBe(true);
		expect(await revokeApiToken(w.db, w.grant, made.id)).toBe(false);
		expect(await useApiToken(w.db, made.token)).toEqual({ ok: false, reason: 'revoked' });

		// The expiry day is the last day it works, in Copenhagen.
		const today = copenhagenDate();
		const lasting = await w.make({ 'scope-families-read': 'on' }, { expires: today });
		expect(await useApiToken(w.db, lasting.token)).toMatchObject({ ok: true });
		const [row] = await w.db.select({ expiresAt: apiTokens.expiresAt }).from(apiTokens).where(eq(apiTokens.id, lasting.id));
		expect(copenhagenDate(new Date(row.expiresAt!.getTime() - 1))).toBe(today);
		expect(copenhagenDate(row.expiresAt!)).toBe(addDays(today, 1));
		expect(await useApiToken(w.db, lasting.token, row.expiresAt!)).toEqual({ ok: false, reason: 'expired' });
	});

	it('the form asks for a name, a scope and a day not passed; the database refuses unknown scopes', async () => {
		const w = await world();
		const bad = createApiTokenForm.safeParse({ name: ' ', expires: addDays(copenhagenDate(), -1) });
		expect(bad.success).toBe(false);
		expect(fieldErrors(bad.error!)).toMatchObject({ name: 'validation.nameRequired', expires: 'validation.expiryPast' });
		const noScope = createApiTokenForm.safeParse({ name: 'Skolesystem' });
		expect(fieldErrors(noScope.error!)).toEqual({ scopes: 'validation.scopesRequired' });
		const insert = (scopes: string[]) =>
			w.db.execute(
				sql`insert into api_tokens (id, secret_hash, team_id, name, scopes) values (${'x' + Math.random()}, '\\x00', ${w.team.id}::uuid, 'x', ${sql.param(scopes)}::text[])`
			);
		await expect(insert(['families:write'])).rejects.toMatchObject({ cause: { code: '23514' } });
		await expect(insert([])).rejects.toMatchObject({ cause: { code: '23514' } });
	});

	it('counts calls per token per minute in the database: past the limit it says when to come back', async () => {
		const w = await world();
		const made = await w.make({ 'scope-families-read': 'on' });
		const t0 = new Date(Date.now() + 1000);
		for (let i = 0; i < 3; i++)
			expect(await useApiToken(w.db, made.token, new Date(t0.getTime() + i * 1000), 3)).toMatchObject({ ok: true });
		expect(await useApiToken(w.db, made.token, new Date(t0.getTime() + 20_000), 3)).toEqual({
			ok: false,
			reason: 'rateLimited',
			retryAfterSeconds: 40
		});
		// A parallel burst cannot slip past: of ten at once after the window, three pass.
		const later = new Date(t0.getTime() + 61_000);
		const burst = await Promise.all(Array.from({ length: 10 }, () => useApiToken(w.db, made.token, later, 3)));
		expect(burst.filter((r) => r.ok)).toHaveLength(3);
		// Another token of the team has its own count.
		const second = await w.make({ 'scope-families-read': 'on' });
		expect(await useApiToken(w.db, second.token, later, 3)).toMatchObject({ ok: true });

		// In the API the count is taken in the statement that checks the family and audits the call:
		// a call past the limit reads nothing and leaves no audit line.
		const third = await w.make({ 'scope-families-read': 'on' });
		const used = await useApiToken(w.db, third.token);
		if (!used.ok) throw new Error('token refused');
		const now = new Date();
		expect(
			await apiFamilyGrant(w.db, used.caller, w.family.id, 'api.read', 'GET /families/{id}', takeCall(third.id, now, 2))
		).toMatchObject({
			familyId: w.family.id
		});
		expect(await apiFamilyGrant(w.db, used.caller, w.family.id, 'api.read', 'GET /families/{id}', takeCall(third.id, now, 2))).toBe(
			'limited'
		);
		expect(await auditApiCall(w.db, used.caller, 'GET /families', takeCall(third.id, now, 2))).toBe(false);
		const lines = await w.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.detail, `${third.id.slice(0, 8)} GET /families/{id}`));
		expect(lines).toHaveLength(1);
	});

	it("a token reaches its own team's families only, every call audited; it writes outcomes the staff page reads", async () => {
		const w = await world();
		const made = await w.make({ 'scope-families-read': 'on' });
		const used = await useApiToken(w.db, made.token);
		if (!used.ok) throw new Error('token refused');
		const caller = used.caller;
		const grantOf = async (familyId: string, action: Action, what: string) =>
			(await apiFamilyGrant(w.db, caller, familyId, action, what, takeCall(caller.tokenId))) as FamilyGrant | null;

		const families = await listApiFamilies(w.db, caller, page);
		expect(families.data.map((f) => f.id)).toEqual([w.family.id]);
		expect(await grantOf(w.other.family.id, 'api.read', 'GET /families/{id}')).toBeNull();
		expect(await grantOf(crypto.randomUUID(), 'api.read', 'GET /families/{id}')).toBeNull();
		const grant = (await grantOf(w.family.id, 'api.read', 'GET /families/{id}'))!;
		const detail = await getApiFamily(w.db, grant);
		expect(detail).toMatchObject({
			id: w.family.id,
			contactPerson: { id: w.workerRow.id },
			members: [{ name: 'Hodan' }, { name: 'Liban' }]
		});
		expect(Object.keys(detail!.members[0]).sort()).toEqual(['birthYear', 'id', 'name', 'preferredLanguage', 'role']);

		const write = (await grantOf(w.family.id, 'outcome.record', 'POST /families/{id}/outcomes'))!;
		const [, liban] = w.members;
		const term = `${copenhagenDate() >= `${year}-08-01` ? year : year - 1}-08-01`;
		const body = outcomeBody.parse({ kind: 'school', member: liban.id, term, absence: 7.5 });
		const written = await recordOutcome(w.db, write, body, 'api');
		expect(written).toMatchObject({ ok: true });
		// Written through the API, read back by the staff's outcomes page: by another system, nobody on the team.
		const staffView = await listOutcomes(w.db, await grantFor(w.db, w.worker, w.family.id, 'outcome.record'));
		expect(staffView).toMatchObject([{ memberName: 'Liban', kind: 'school', absencePercent: 7.5, recordedBy: null }]);
		// The teenager's school is the team's to see, so the token sees it too.
		expect((await listApiOutcomes(w.db, grant, page)).data).toMatchObject([{ memberId: liban.id, source: 'api', absencePercent: 7.5 }]);
		// Hodan's work, written by the other system, counts on the team leader's dashboard this month.
		const [hodan] = w.members;
		const thisMonth = copenhagenDate().slice(0, 7);
		const before = await teamDashboard(w.db, w.leader, { from: thisMonth, to: thisMonth });
		expect(before.parents.now).toEqual({ total: 0, yes: 0 });
		const job = outcomeBody.parse({ kind: 'work', member: hodan.id, work: 'part_time', from: copenhagenDate() });
		expect(await recordOutcome(w.db, write, job, 'api')).toMatchObject({ ok: true });
		expect((await teamDashboard(w.db, w.leader, { from: thisMonth, to: thisMonth })).parents.now).toEqual({ total: 1, yes: 1 });
		// A member of another family is refused.
		expect(await recordOutcome(w.db, write, { ...body, member: w.other.members[0].id }, 'api')).toEqual({
			ok: false,
			reason: 'wrongMember'
		});

		const audit = await w.db.select().from(auditLog).where(eq(auditLog.actorName, `API: Jobcentrets sagssystem`)).orderBy(asc(auditLog.id));
		const mine = audit.filter((a) => a.detail?.startsWith(made.id.slice(0, 8)));
		expect(mine.map((a) => [a.action, a.familyId, a.actorUserId])).toEqual([
			['api.read', w.family.id, null],
			['outcome.record', w.family.id, null]
		]);
	});

	it('pages through a list with a cursor', async () => {
		const w = await world();
		for (let i = 0; i < 4; i++) await makeFamily(w.db, w.team.id, w.workerRow.id);
		const made = await w.make({ 'scope-families-read': 'on' });
		const used = await useApiToken(w.db, made.token);
		if (!used.ok) throw new Error('token refused');
		const seen: string[] = [];
		let after: string | null = null;
		for (let n = 0; n < 5; n++) {
			const p = await listApiFamilies(w.db, used.caller, { limit: 2, after });
			seen.push(...p.data.map((f) => f.id));
			if (!p.next) break;
			after = Buffer.from(p.next, 'base64url').toString();
		}
		expect(seen).toHaveLength(5);
		expect(new Set(seen).size).toBe(5);
		expect([...seen].sort()).toEqual(seen);
	});

	it('the OpenAPI document is valid OpenAPI 3.1', async () => {
		const doc = openApiDocument('http://127.0.0.1:3000');
		const result = await validate(structuredClone(doc) as never);
		expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
		expect(doc.openapi).toBe('3.1.0');
		expect(Object.keys(doc.paths)).toEqual([
			'/families',
			'/families/{id}',
			'/families/{id}/outcomes',
			'/families/{id}/meetings',
			'/families/{id}/goals'
		]);
		expect(doc.components.schemas).toHaveProperty('OutcomeInput');
	});
});
