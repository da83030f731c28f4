#!/usr/bin/env node
/**
 * API v1's list endpoints under load (target: p99 ≤ 100 ms at 10 connections). Given a running
 * demo server, the team leader (Lone) signs in, makes a token with every scope through the keys
 * page (/staff/team/api, as a person would, without JavaScript), and autocannon calls the lists
 * with it: the team's families, and one family's outcomes, meetings and goals.
 *
 * The server must allow the calls: start it with API_RATE_LIMIT_PER_MINUTE well above what
 * autocannon sends (scripts/bench.js does), or the token's limit answers 429.
 *
 * Used by scripts/bench.js (benchApi) with its sign-in and autocannon helpers; alone:
 *   API_RATE_LIMIT_PER_MINUTE=100000000 node scripts/start.js --demo   (another shell)
 *   node scripts/bench-api.js http://127.0.0.1:3000
 */
import autocannon from 'autocannon';
import { fileURLToPath } from 'node:url';

export const LEADER = { email: 'lone@example.org', password: 'opgang-demo-2026' };
export const API_TARGET_P99_MS = 100;
const scopes = ['families:read', 'outcomes:read', 'meetings:read', 'goals:read'];

/** A new token of Lone's team with the read scopes, from the keys page's answer. */
export async function makeToken(origin, cookie) {
	const body = new URLSearchParams({ name: `Bench ${new Date().toISOString()}` });
	for (const s of scopes) body.set(`scope-${s.replace(':', '-')}`, 'on');
	const res = await fetch(`${origin}/staff/team/api?/create`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin, cookie },
		body: body.toString()
	});
	const html = await res.text();
	const m =
		/id="created-token"[^>]*value="([a-z2-7]{39}\.[a-z2-7]{39})"/.exec(html) ??
		/value="([a-z2-7]{39}\.[a-z2-7]{39})"[^>]*id="created-token"/.exec(html);
	if (!m) throw new Error(`the keys page made no token (HTTP ${res.status})`);
	return m[1];
}

/**
 * Benches the API's lists on a running server: rows in scripts/bench.js's table shape.
 * `signIn(server, who)` returns a session cookie; `cannon(url, headers, seconds)` runs autocannon.
 */
export async function benchApi(server, { label, signIn, cannon, seconds = 10, warmupSeconds = 2, log = (s) => process.stderr.write(s) }) {
	const cookie = await signIn(server, LEADER);
	const token = await makeToken(server.origin, cookie);
	const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
	const first = await fetch(`${server.origin}/api/v1/families?limit=1`, { headers });
	const family = (await first.json()).data?.[0]?.id;
	if (!family) throw new Error(`/api/v1/families answered ${first.status} without a family`);
	const lists = [
		'/api/v1/families?limit=50',
		`/api/v1/families/${family}/outcomes`,
		`/api/v1/families/${family}/meetings`,
		`/api/v1/families/${family}/goals`
	];
	const rows = [];
	for (const page of lists) {
		const probe = await fetch(`${server.origin}${page}`, { headers });
		const bytes = (await probe.arrayBuffer()).byteLength;
		log(`${label} ${page}: warm-up ${warmupSeconds} s, then ${seconds} s …\n`);
		const warm = await cannon(`${server.origin}${page}`, headers, warmupSeconds);
		const r = await cannon(`${server.origin}${page}`, headers, seconds);
		rows.push({
			backend: label,
			page: page.replace(family, '{id}'),
			status: probe.status,
			bytes,
			rps: r.requests.average,
			p50: r.latency.p50,
			p99: r.latency.p99,
			non2xx: r.non2xx,
			errors: r.errors + r.timeouts,
			codes: Object.keys(r.statusCodeStats).filter((c) => !c.startsWith('2')),
			warmBad: warm.non2xx + warm.errors + warm.timeouts,
			apiTargetMs: API_TARGET_P99_MS
		});
	}
	return rows;
}

// Alone: bench a server that is already running.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const origin = process.argv[2] ?? 'http://127.0.0.1:3000';
	const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
	const seconds = Number(process.env.BENCH_SECONDS ?? 10);
	const signIn = async (server, who) => {
		const res = await fetch(`${server.origin}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: server.origin },
			body: new URLSearchParams(who).toString()
		});
		const cookie = res.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.find((c) => c.startsWith('opgang-session='));
		if (!cookie) throw new Error(`sign-in as ${who.email} failed: HTTP ${res.status}`);
		return cookie;
	};
	const cannon = (url, headers, duration) => autocannon({ url, headers, connections, duration });
	const rows = await benchApi({ origin }, { label: origin, signIn, cannon, seconds });
	console.log(`autocannon: ${connections} connections, ${seconds} s per list`);
	for (const r of rows)
		console.log(
			`${r.page.padEnd(36)} ${String(r.status)}  ${String(Math.round(r.rps)).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  non-2xx ${r.non2xx}${r.p99 > API_TARGET_P99_MS ? '  OVER TARGET' : ''}`
		);
}
