/**
 * The team's API tokens (/staff/team/api, /api/v1). The team leader makes one for another of
 * the municipality's systems: `id.secret`, shown once, only SHA-256 of the secret kept, compared
 * in constant time (auth/tokens.ts). A token acts as its team within its scopes (access.ts
 * apiActor) until its expiry day is over or it is revoked.
 *
 * Rate limit: at most API_RATE_LIMIT_PER_MINUTE calls (default 600) per token in a minute's
 * window, counted on the token's row in the same statement that notes its last use — atomic
 * under the row's lock, and shared by every instance of the app (one database).
 */
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from './db';
import { apiTokens, staff } from './db/schema';
import { writeAudit } from './audit';
import type { ApiCaller, TeamGrant } from './access';
import { newToken, secretMatches, splitToken } from './auth/tokens';
import type { ApiScope } from '$lib/codes';
import type { CreateApiTokenForm } from '$lib/schemas/api-tokens';

export const rateWindowMs = 60_000;

/** Calls per token per minute, from the environment (a whole number ≥ 1). */
export function rateLimit(env = process.env.API_RATE_LIMIT_PER_MINUTE): number {
	const n = env ? Number(env) : 600;
	if (!Number.isInteger(n) || n < 1) throw new Error(`API_RATE_LIMIT_PER_MINUTE must be a whole number ≥ 1 (got "${env}")`);
	return n;
}

export interface ApiTokenRow {
	id: string;
	name: string;
	scopes: ApiScope[];
	expiresAt: Date | null;
	revokedAt: Date | null;
	lastUsedAt: Date | null;
	createdAt: Date;
	createdBy: string | null;
}

function manager(grant: TeamGrant) {
	return {
		actorUserId: grant.actor.id,
		actorStaffId: grant.actor.staffId,
		actorName: grant.actor.name,
		action: 'apiToken.manage' as const
	};
}

/**
 * Makes a token for the team (a grant to edit the team: its leader). The whole token is in the
 * answer and nowhere else: the page shows it once.
 */
export async function createApiToken(db: Db, grant: TeamGrant, input: CreateApiTokenForm): Promise<{ id: string; token: string } | null> {
	if (!grant.mayEdit) return null;
	const t = newToken();
	// The expiry day is the last day it works: it stops at the midnight after it, in Copenhagen.
	const expiresAt = input.expires ? sql`((${input.expires}::date + 1)::timestamp at time zone 'Europe/Copenhagen')` : null;
	await db.insert(apiTokens).values({
		id: t.id,
		secretHash: t.secretHash,
		teamId: grant.teamId,
		createdBy: grant.actor.staffId,
		name: input.name,
		scopes: input.scopes,
		expiresAt,
		// No window yet: the first call starts one.
		windowStartedAt: new Date(0)
	});
	await writeAudit(db, { ...manager(grant), detail: `created ${t.id.slice(0, 8)}` });
	return { id: t.id, token: t.token };
}

/** The team's tokens, newest first, with who made each (a grant to edit the team). */
export async function listApiTokens(db: Db, grant: TeamGrant): Promise<ApiTokenRow[]> {
	if (!grant.mayEdit) return [];
	const rows = await db
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			scopes: apiTokens.scopes,
			expiresAt: apiTokens.expiresAt,
			revokedAt: apiTokens.revokedAt,
			lastUsedAt: apiTokens.lastUsedAt,
			createdAt: apiTokens.createdAt,
			createdBy: staff.name
		})
		.from(apiTokens)
		.leftJoin(staff, eq(staff.id, apiTokens.createdBy))
		.where(eq(apiTokens.teamId, grant.teamId))
		.orderBy(desc(apiTokens.createdAt), apiTokens.id);
	return rows as ApiTokenRow[];
}

/** Revokes one of the team's tokens for good; false when the team has no such open token. */
export async function revokeApiToken(db: Db, grant: TeamGrant, id: string): Promise<boolean> {
	if (!grant.mayEdit) return false;
	const rows = await db
		.update(apiTokens)
		.set({ revokedAt: sql`now()` })
		.where(and(eq(apiTokens.id, id), eq(apiTokens.teamId, grant.teamId), isNull(apiTokens.revokedAt)))
		.returning({ id: apiTokens.id });
	if (rows.length === 0) return false;
	await writeAudit(db, { ...manager(grant), detail: `revoked ${id.slice(0, 8)}` });
	return true;
}

export type TokenCheck = { ok: true; caller: ApiCaller; scopes: ApiScope[] } | { ok: false; reason: 'invalid' | 'expired' | 'revoked' };
export type TokenUse = TokenCheck | { ok: false; reason: 'rateLimited'; retryAfterSeconds: number };

/**
 * Checks a bearer token (one statement): the caller, or why not. Anything not shaped like a
 * token is refused before any query; a wrong secret looks like no token at all.
 */
export async function checkApiToken(db: Db, bearer: string, now = new Date()): Promise<TokenCheck> {
	const parts = splitToken(bearer);
	if (!parts) return { ok: false, reason: 'invalid' };
	const [row] = await db
		.select({
			secretHash: apiTokens.secretHash,
			teamId: apiTokens.teamId,
			name: apiTokens.name,
			scopes: apiTokens.scopes,
			expiresAt: apiTokens.expiresAt,
			revokedAt: apiTokens.revokedAt
		})
		.from(apiTokens)
		.where(eq(apiTokens.id, parts.id));
	if (!row || !secretMatches(parts.secret, row.secretHash)) return { ok: false, reason: 'invalid' };
	if (row.revokedAt) return { ok: false, reason: 'revoked' };
	if (row.expiresAt && row.expiresAt <= now) return { ok: false, reason: 'expired' };
	return { ok: true, caller: { tokenId: parts.id, teamId: row.teamId, name: row.name }, scopes: row.scopes as ApiScope[] };
}

/**
 * SQL for a data-modifying CTE: takes one call from the token's minute and notes its last use,
 * returning a row only when the call is allowed. Atomic under the row's lock, so a parallel
 * burst cannot slip past the limit. access.ts runs it in the statement that audits the call.
 */
export function takeCall(tokenId: string, now = new Date(), limit = rateLimit()): SQL {
	const at = sql`${now.toISOString()}::timestamptz`;
	const fresh = sql`${apiTokens.windowStartedAt} <= ${new Date(now.getTime() - rateWindowMs).toISOString()}::timestamptz`;
	return sql`update ${apiTokens} set calls = case when ${fresh} then 1 else ${apiTokens.calls} + 1 end,
		window_started_at = case when ${fresh} then ${at} else ${apiTokens.windowStartedAt} end, last_used_at = ${at}
		where ${apiTokens.id} = ${tokenId} and (${fresh} or ${apiTokens.calls} < ${limit}::int) returning ${apiTokens.id}`;
}

/** Seconds until a limited token's window is over (at least 1). */
export async function retryAfterSeconds(db: Db, tokenId: string, now = new Date()): Promise<number> {
	const [w] = await db.select({ started: apiTokens.windowStartedAt }).from(apiTokens).where(eq(apiTokens.id, tokenId));
	const waitMs = (w?.started.getTime() ?? now.getTime()) + rateWindowMs - now.getTime();
	return Math.max(1, Math.ceil(waitMs / 1000));
}

/** Checks a token and takes one call from its minute, on its own (no audit line): for tests and tools. */
export async function useApiToken(db: Db, bearer: string, now = new Date(), limit = rateLimit()): Promise<TokenUse> {
	const check = await checkApiToken(db, bearer, now);
	if (!check.ok) return check;
	const taken = rowsOf(await db.execute(sql`with taken as (${takeCall(check.caller.tokenId, now, limit)}) select 1 from taken`));
	if (taken.length === 0)
		return { ok: false, reason: 'rateLimited', retryAfterSeconds: await retryAfterSeconds(db, check.caller.tokenId, now) };
	return check;
}
