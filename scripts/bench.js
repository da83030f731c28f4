#!/usr/bin/env node
// Benchmark: the signed-in family home (/home: session lookup + a few queries) and the family's
// wishes (/wishes) against a public page with no data (/privacy, no cookie), first on embedded PGlite, then on
// PostgreSQL when one answers. Needs a build (`npm run bench` builds first).
//
// Env: BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_DATABASE_URL (admin URL,
// default postgres://postgres@127.0.0.1:5432/postgres), BENCH_BASELINE (the data-free
// page, default /privacy). Everything goes to 127.0.0.1 only; the script stops by itself
// and exits non-zero on any non-2xx response or error.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { stripVTControlCharacters } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchApi } from './bench-api.js';
import postgres from 'postgres';

const root = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = positiveInt(process.env.BENCH_SECONDS, 10);
const CONNECTIONS = positiveInt(process.env.BENCH_CONNECTIONS, 10);
const WARMUP_SECONDS = 2;
const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const BASELINE = process.env.BENCH_BASELINE || '/privacy';
const DEMO = { email: 'amina@example.org', password: 'opgang-demo-2026' };
// Amina's contact person, whose inbox holds 200 more conversations (OPGANG_BENCH_MESSAGES).
const STAFF = { email: 'mette@example.org', password: DEMO.password };
const LIVE_CONNECTIONS = positiveInt(process.env.BENCH_LIVE_CONNECTIONS, 1000);
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

function positiveInt(value, fallback) {
	const n = Number.parseInt(value ?? '', 10);
	return Number.isFinite(n) && n > 0 ? n : fallback;
}

// ---------------------------------------------------------------- cleanup

/** Async cleanups, newest first; run on normal end, on errors and on SIGINT/SIGTERM. */
const cleanups = [];
/** The running server, so the 'exit' handler can still kill it synchronously. */
let current = null;

async function runCleanups() {
	while (cleanups.length) {
		const fn = cleanups.pop();
		try {
			await fn();
		} catch (err) {
			console.error(`cleanup failed: ${err?.message ?? err}`);
		}
	}
}

let interrupted = false;
/** After Ctrl-C the cleanups exit the process; the main flow just stops where it is. */
const halt = () => (interrupted ? new Promise(() => {}) : undefined);
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		if (interrupted) process.exit(130); // second Ctrl-C: give up on a tidy exit
		interrupted = true;
		console.error(`\n${signal}: stopping …`);
		runCleanups().finally(() => process.exit(130));
	});
}
process.on('exit', () => {
	if (current && current.child.exitCode === null && current.child.signalCode === null) {
		current.child.kill('SIGKILL');
	}
});

// ---------------------------------------------------------------- server

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts `scripts/start.js --demo` and resolves once the port answers HTTP. */
async function startServer(label, extraEnv) {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	// 500 more meetings for Amina's contact person: the free-times page against a full calendar.
	// 200 more conversations in her contact person's inbox and a conversation of 500 messages.
	const env = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		OPGANG_BENCH_MEETINGS: '500',
		OPGANG_BENCH_MESSAGES: '1',
		// API v1 (scripts/bench-api.js): a token's per-minute limit far above what autocannon sends.
		API_RATE_LIMIT_PER_MINUTE: '100000000',
		...extraEnv
	};
	if (!extraEnv.DATABASE_URL) delete env.DATABASE_URL;
	delete env.OPGANG_DEMO;

	const child = spawn(process.execPath, ['scripts/start.js', '--demo'], {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const output = [];
	child.stdout.on('data', (d) => output.push(d));
	child.stderr.on('data', (d) => output.push(d));
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	const server = { label, child, port, origin, exited, output: () => clip(Buffer.concat(output).toString()) };
	current = server;
	cleanups.push(() => stopServer(server));

	const deadline = Date.now() + READY_TIMEOUT_MS;
	let exitInfo = null;
	exited.then((info) => (exitInfo = info));
	for (;;) {
		await halt();
		if (exitInfo) throw serverError(server, `${label} server exited early (${exitInfo.signal ?? `code ${exitInfo.code}`})`);
		if (Date.now() > deadline) throw serverError(server, `${label} server did not answer within ${READY_TIMEOUT_MS / 1000} s`);
		try {
			const res = await fetch(`${origin}/login`, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
			await res.arrayBuffer();
			return server;
		} catch {
			await sleep(200);
		}
	}
}

/** The server's output for a failure report: start and end only (it logs every 404). */
function clip(text, head = 40, tail = 20) {
	const lines = text.split('\n');
	if (lines.length <= head + tail + 1) return text;
	return [...lines.slice(0, head), `… ${lines.length - head - tail} lines left out …`, ...lines.slice(-tail)].join('\n');
}

/** Error whose message carries the server's captured output (only shown on failure). */
function serverError(server, message) {
	const out = server.output().trimEnd();
	return new Error(out ? `${message}\n--- ${server.label} server output ---\n${out}\n--- end ---` : message);
}

async function stopServer(server) {
	const { child } = server;
	if (child.exitCode === null && child.signalCode === null) {
		child.kill('SIGTERM');
		const stopped = await Promise.race([server.exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
		if (!stopped) {
			child.kill('SIGKILL');
			await server.exited;
		}
	}
	if (current === server) current = null;
}

// ---------------------------------------------------------------- requests

async function signIn(server, who = DEMO) {
	const res = await fetch(`${server.origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: server.origin
		},
		body: new URLSearchParams(who).toString()
	});
	await res.arrayBuffer();
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('opgang-session='));
	if (res.status !== 303 || !cookie) {
		throw serverError(server, `sign-in as ${who.email} failed: HTTP ${res.status}, session cookie ${cookie ? 'set' : 'missing'}`);
	}
	return cookie;
}

/** The booking step with free times of Amina's contact person, by phone (found from step 1's choices). */
async function freeTimesPage(server, cookie) {
	const res = await fetch(`${server.origin}/meetings/book`, { headers: { cookie, accept: 'text/html' } });
	const m = /value="([0-9a-f-]{36})~phone"/.exec(await res.text());
	if (!m) throw new Error('/meetings/book offered no phone meeting');
	return `/meetings/book/time?staff=${m[1]}&type=phone`;
}

/** Amina's newest conversation (the bench's one of 500 messages): the first in her list. */
async function longConversation(server, cookie) {
	const res = await fetch(`${server.origin}/messages`, { headers: { cookie, accept: 'text/html' } });
	const m = /href="\/messages\/([0-9a-f-]{36})"/.exec(await res.text());
	if (!m) throw new Error('/messages listed no conversation');
	return `/messages/${m[1]}`;
}

/** The server's resident memory in MB (Linux), or null. */
async function rssMb(server) {
	try {
		const { readFile } = await import('node:fs/promises');
		const status = await readFile(`/proc/${server.child.pid}/status`, 'utf8');
		const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
		return Number.isFinite(kb) ? kb / 1024 : null;
	} catch {
		return null;
	}
}

/**
 * Memory of idle live pages: opens `n` event streams of one conversation (as n open pages
 * would), waits until each has its first line, and reads the server's memory before and after.
 */
async function liveMemory(server, page, cookie, n = LIVE_CONNECTIONS) {
	const http = await import('node:http');
	const url = new URL(`${server.origin}${page}/events`);
	global.gc?.();
	await sleep(500);
	const before = await rssMb(server);
	const requests = [];
	const opened = [];
	for (let i = 0; i < n; i++) {
		opened.push(
			new Promise((resolve, reject) => {
				const req = http.get(url, { headers: { cookie, accept: 'text/event-stream' }, agent: false }, (res) => {
					if (res.statusCode !== 200) reject(new Error(`live stream answered HTTP ${res.statusCode}`));
					res.once('data', () => resolve());
				});
				req.on('error', reject);
				requests.push(req);
			})
		);
	}
	await Promise.all(opened);
	await sleep(1000);
	const after = await rssMb(server);
	for (const req of requests) req.destroy();
	await sleep(500);
	return { n, before, after, perConnectionKb: before !== null && after !== null ? ((after - before) * 1024) / n : null };
}

/**
 * How long the server takes to find three weeks of free times (its Server-Timing header), over
 * 50 requests one after another: median and slowest, and how many meetings it worked around.
 */
async function slotTiming(server, page, cookie) {
	const times = [];
	let busy = '?';
	for (let i = 0; i < 50; i++) {
		const res = await fetch(`${server.origin}${page}`, { headers: { cookie, accept: 'text/html' } });
		await res.arrayBuffer();
		const m = /slots;dur=([\d.]+);desc="free times \((\d+) busy\)"/.exec(res.headers.get('server-timing') ?? '');
		if (m) {
			times.push(Number(m[1]));
			busy = m[2];
		}
	}
	times.sort((a, b) => a - b);
	return { busy, median: times[Math.floor(times.length / 2)], max: times.at(-1), n: times.length };
}

/** One plain request: status and body size in bytes (as served, no compression asked). */
async function pageSize(server, page, headers) {
	const res = await fetch(`${server.origin}${page}`, {
		redirect: 'manual',
		headers: { ...headers, 'accept-encoding': 'identity' }
	});
	const body = await res.arrayBuffer();
	return { status: res.status, location: res.headers.get('location'), bytes: body.byteLength };
}

function cannon(url, headers, seconds) {
	return autocannon({ url, headers, connections: CONNECTIONS, duration: seconds });
}

async function benchBackend(label, extraEnv) {
	const server = await startServer(label, extraEnv);
	const cookie = await signIn(server);
	const staffCookie = await signIn(server, STAFF);
	const timePage = await freeTimesPage(server, cookie);
	const longPage = await longConversation(server, cookie);
	const pages = [
		{ page: '/home', headers: { accept: 'text/html', cookie } },
		{ page: '/wishes', headers: { accept: 'text/html', cookie } },
		{ page: timePage, name: '/meetings/book/time', headers: { accept: 'text/html', cookie } },
		{ page: longPage, name: '/messages/[id] (500 messages)', headers: { accept: 'text/html', cookie } },
		{ page: '/staff/inbox', name: '/staff/inbox (200+ conversations)', headers: { accept: 'text/html', cookie: staffCookie } },
		{ page: BASELINE, headers: { accept: 'text/html' } }
	];
	const rows = [];
	for (const { page, name, headers } of pages) {
		await halt();
		const size = await pageSize(server, page, headers);
		const url = `${server.origin}${page}`;
		process.stderr.write(`${label} ${page}: warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s …\n`);
		const warm = await cannon(url, headers, WARMUP_SECONDS);
		await halt();
		const r = await cannon(url, headers, SECONDS);
		await halt();
		rows.push({
			backend: label,
			page: name ?? page,
			status: size.status,
			location: size.location,
			bytes: size.bytes,
			rps: r.requests.average,
			p50: r.latency.p50,
			p99: r.latency.p99,
			non2xx: r.non2xx,
			errors: r.errors + r.timeouts,
			codes: Object.keys(r.statusCodeStats).filter((c) => !c.startsWith('2')),
			warmBad: warm.non2xx + warm.errors + warm.timeouts
		});
	}
	// API v1 (scripts/bench-api.js): the list endpoints with a team token; target p99 ≤ 100 ms.
	await halt();
	rows.push(...(await benchApi(server, { label, signIn, cannon, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS })));
	rows.slotTiming = await slotTiming(server, timePage, cookie);
	rows.live = await liveMemory(server, longPage, cookie);
	const bad = rows.some((row) => row.status < 200 || row.status > 299 || row.non2xx || row.errors || row.warmBad);
	if (bad) {
		// Keep the table clean, but show what the server said when something went wrong.
		const out = server.output().trimEnd();
		if (out) console.error(`--- ${label} server output ---\n${out}\n--- end ---`);
	}
	await stopServer(server); // also registered as a cleanup; stopping twice is harmless
	return rows;
}

// ---------------------------------------------------------------- backends

function pglite() {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'opgang-bench-'));
	cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
	return benchBackend('pglite', { DATA_DIR: dir });
}

/** Null when PostgreSQL does not answer within 2 s. */
async function postgresBackend() {
	const admin = postgres(ADMIN_URL, { max: 1, connect_timeout: 2, idle_timeout: 1, onnotice: () => {} });
	let version;
	try {
		const [row] = await Promise.race([
			admin`show server_version`,
			sleep(2000).then(() => Promise.reject(new Error('no answer within 2 s')))
		]);
		version = row.server_version;
	} catch (err) {
		await admin.end({ timeout: 1 }).catch(() => {});
		console.log(`PostgreSQL at ${redact(ADMIN_URL)} skipped: ${err?.message ?? err}`);
		return null;
	}
	const name = `opgang_bench_${randomBytes(6).toString('hex')}`;
	await admin`create database ${admin(name)}`;
	cleanups.push(async () => {
		try {
			await admin`drop database if exists ${admin(name)} with (force)`;
		} finally {
			await admin.end({ timeout: 2 });
		}
	});
	const url = new URL(ADMIN_URL);
	url.pathname = `/${name}`;
	console.log(`PostgreSQL ${version} at ${redact(ADMIN_URL)}, fresh database ${name}`);
	return benchBackend('postgres', { DATABASE_URL: url.toString() });
}

function redact(u) {
	try {
		const url = new URL(u);
		if (url.password) url.password = '***';
		return url.toString();
	} catch {
		return '(unparsable URL)';
	}
}

// ---------------------------------------------------------------- main

function fmtMs(ms) {
	return ms < 10 ? ms.toFixed(1) : String(Math.round(ms));
}

function printTable(rows) {
	const header = ['backend', 'page', 'bytes', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx'];
	const lines = rows.map((r) => [
		r.backend,
		r.page,
		r.status >= 200 && r.status <= 299 ? String(r.bytes) : `${r.bytes} (HTTP ${r.status})`,
		String(Math.round(r.rps)),
		fmtMs(r.p50),
		fmtMs(r.p99),
		String(r.non2xx) + (r.codes.length ? ` (${r.codes.join(',')})` : '') + (r.errors ? ` +${r.errors} errors` : '')
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
	const fmt = (cols) => cols.map((c, i) => (i === cols.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
	console.log('');
	console.log(fmt(header));
	for (const l of lines) console.log(fmt(l));
}

async function main() {
	if (!existsSync(path.join(root, 'build', 'index.js'))) {
		console.error('No build found. Run `npm run build` first (or `npm run bench`).');
		process.exitCode = 1;
		return;
	}
	const cpus = os.cpus();
	console.log(`Node ${process.version} on ${os.platform()} ${os.release()} (${os.arch()})`);
	console.log(`CPU: ${cpus.length} × ${cpus[0]?.model?.trim() ?? 'unknown'}, memory ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
	console.log(
		`autocannon: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s per page; family pages signed in as Amina, the inbox as Mette, ${BASELINE} without cookie`
	);

	const rows = [];
	rows.timings = [];
	const add = (backend, list) => {
		rows.push(...list);
		if (list.slotTiming) rows.timings.push({ backend, ...list.slotTiming });
		if (list.live) (rows.live ??= []).push({ backend, ...list.live });
	};
	try {
		add('pglite', await pglite());
		await runCleanups(); // temp dir gone, server stopped, before the next backend
		const pg = await postgresBackend();
		if (pg) add('postgres', pg);
	} finally {
		await runCleanups();
	}
	printTable(rows);
	for (const r of rows.timings ?? []) {
		console.log(
			`${r.backend}: free times for three weeks around ${r.busy} coming meetings: median ${fmtMs(r.median)} ms, slowest ${fmtMs(r.max)} ms of ${r.n} (target ≤ 20 ms)`
		);
	}

	for (const l of rows.live ?? []) {
		const mb = (v) => (v === null ? '?' : v.toFixed(0));
		console.log(
			`${l.backend}: ${l.n} idle live pages: server memory ${mb(l.before)} MB → ${mb(l.after)} MB (${l.perConnectionKb === null ? '?' : l.perConnectionKb.toFixed(1)} KB each)`
		);
	}

	// The outbox worker's throughput to a local SMTP server (tests/bench/outbox.test.ts), the
	// directory's filtered search among 500 opportunities (tests/bench/directory.test.ts) and the
	// team's figures over 1,000 families and 50,000 events (tests/bench/dashboard.test.ts), on both databases.
	console.log('');
	const outbox = spawn('npx', ['vitest', 'run', 'tests/bench/'], {
		cwd: root,
		env: { ...process.env, OPGANG_BENCH: '1', NO_COLOR: '1' },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let out = '';
	outbox.stdout.on('data', (chunk) => (out += chunk));
	const outboxCode = await new Promise((resolve) => outbox.on('close', resolve));
	// Vitest colours its console lines (an escape code before each): strip those before matching.
	const plain = stripVTControlCharacters(out);
	const figures = plain.split('\n').filter((line) => /^(outbox|directory|dashboard) \[/.test(line));
	for (const line of figures) console.log(line);
	const silent = outboxCode === 0 && figures.length === 0;

	const problems = [];
	if (outboxCode !== 0)
		problems.push(`outbox throughput, directory search or the team's figures: vitest exited ${outboxCode}\n${out.slice(-2000)}`);
	if (silent) problems.push('the benches under tests/bench passed but printed no figures');
	// API v1: p99 of the API's lists over their target.
	for (const r of rows)
		if (r.apiTargetMs && !(r.p99 <= r.apiTargetMs)) problems.push(`${r.backend} ${r.page}: p99 ${r.p99} ms, over ${r.apiTargetMs} ms`);
	for (const t of rows.timings) if (!(t.median <= 20)) problems.push(`${t.backend}: free times took ${t.median} ms (median), over 20 ms`);
	for (const r of rows) {
		if (r.status < 200 || r.status > 299) {
			problems.push(`${r.backend} ${r.page}: plain request answered HTTP ${r.status}${r.location ? ` → ${r.location}` : ''}`);
		}
		if (r.non2xx) problems.push(`${r.backend} ${r.page}: ${r.non2xx} non-2xx responses (${r.codes.join(', ')})`);
		if (r.errors) problems.push(`${r.backend} ${r.page}: ${r.errors} connection errors/timeouts`);
		if (r.warmBad) problems.push(`${r.backend} ${r.page}: ${r.warmBad} non-2xx/errors during warm-up`);
	}
	if (problems.length) {
		console.error('');
		for (const p of problems) console.error(`FAIL ${p}`);
		if (rows.some((r) => r.page === '/home' && r.location?.includes('/login'))) {
			console.error('(/home redirected to /login: the session cookie was not accepted)');
		}
		process.exitCode = 1;
	}
}

main().catch(async (err) => {
	console.error(err?.stack ?? err);
	await runCleanups();
	process.exitCode = 1;
});
