/**
 * The embedded database's directory (hardening issue, finding 6): one process at a time,
 * private file modes. PGlite only: PostgreSQL guards its own directory. Other processes are
 * real ones (a child Node holding the lock through proper-lockfile, as a server does); the
 * two-servers case with the real build is in tests/e2e/hardening.spec.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/lib/server/db';
import { DataDirInUse, holderLine, lockDataDir } from '../../src/lib/server/db/lock';

const migrationsFolder = path.resolve(__dirname, '../../drizzle');
const root = mkdtempSync(path.join(os.tmpdir(), 'opgang-datadir-'));
let n = 0;
const fresh = () => path.join(root, `${n++}`, 'data', 'pglite');
const children: ChildProcess[] = [];
afterAll(() => {
	for (const child of children) child.kill('SIGKILL');
	rmSync(root, { recursive: true, force: true });
});

/** Another process holding the lock as a server does (refreshed every second); resolves once it holds it. */
async function holdInChild(dataDir: string): Promise<ChildProcess> {
	mkdirSync(dataDir, { recursive: true });
	const script = `require('proper-lockfile').lock(${JSON.stringify(dataDir)}, { realpath: false, stale: 30000, update: 1000, onCompromised: () => process.exit(3) })
		.then(() => console.log('locked'), (e) => { console.error(e); process.exit(2); }); setInterval(() => {}, 1000);`;
	const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
	children.push(child);
	await new Promise((resolve, reject) => {
		child.stdout!.once('data', resolve);
		child.once('exit', reject);
	});
	return child;
}

function modes(dir: string): { dirs: Set<number>; files: Set<number> } {
	const out = { dirs: new Set<number>([statSync(dir).mode & 0o777]), files: new Set<number>() };
	for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		const mode = statSync(path.join(e.parentPath, e.name)).mode & 0o777;
		(e.isDirectory() ? out.dirs : out.files).add(mode);
	}
	return out;
}

describe('one process at a time on the embedded database directory', () => {
	it('refuses a second opener in this process, and is free again after close', async () => {
		const dataDir = fresh();
		const first = await openDatabase({ dataDir, migrationsFolder });
		const second = openDatabase({ dataDir, migrationsFolder });
		await expect(second).rejects.toBeInstanceOf(DataDirInUse);
		await expect(second).rejects.toThrow(/\(DATA_DIR\) is in use by another Opgang process \(pid \d+ on .+\)\. Stop that process first/);
		await first.close();
		await first.close(); // the shutdown hook and a caller may both close
		expect(existsSync(`${dataDir}.lock`)).toBe(false);
		const again = await openDatabase({ dataDir, migrationsFolder });
		await again.close();
	});

	it('refuses at once while another live process holds it, and takes over at once when that process is killed', async () => {
		const dataDir = fresh();
		const child = await holdInChild(dataDir);
		writeFileSync(`${dataDir}.holder`, holderLine(child.pid!));
		let start = Date.now();
		await expect(openDatabase({ dataDir, migrationsFolder })).rejects.toThrow(
			`in use by another Opgang process (pid ${child.pid} on ${os.hostname()})`
		);
		expect(Date.now() - start).toBeLessThan(2_000);
		child.kill('SIGKILL');
		await new Promise((resolve) => child.once('exit', resolve));
		start = Date.now();
		const db = await openDatabase({ dataDir, migrationsFolder });
		expect(Date.now() - start).toBeLessThan(15_000); // initdb included; the stale time is 30 s
		expect(readFileSync(`${dataDir}.holder`, 'utf8')).toBe(holderLine(process.pid));
		await db.close();
	});

	it('takes over at once a lock whose holder died on this machine, also one with our own pid (a restarted container)', async () => {
		for (const pid of [spawnSync(process.execPath, ['-e', '0']).pid!, process.pid]) {
			const dataDir = fresh();
			mkdirSync(`${dataDir}.lock`, { recursive: true });
			writeFileSync(`${dataDir}.holder`, holderLine(pid));
			const start = Date.now();
			const release = await lockDataDir(dataDir);
			expect(Date.now() - start).toBeLessThan(1_000);
			await release();
		}
	});

	it('does not steal a live lock whose holder it cannot check (same host name, other container or boot)', async () => {
		const dataDir = fresh();
		const child = await holdInChild(dataDir);
		const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
		writeFileSync(`${dataDir}.holder`, `${dead} ${os.hostname()} another-boot/pid:[1]\n`);
		// A 2 s stale time (the child refreshes every second): waits it out, finds the lock still fresh.
		await expect(lockDataDir(dataDir, { staleMs: 2_000 })).rejects.toThrow(`(pid ${dead} on ${os.hostname()})`);
		expect(child.exitCode).toBe(null); // its lock was never compromised
	});

	it('takes over, after waiting, a lock left by a holder it cannot check once the lock is stale', async () => {
		const dataDir = fresh();
		mkdirSync(`${dataDir}.lock`, { recursive: true });
		writeFileSync(`${dataDir}.holder`, `4242 some-other-host\n`);
		const old = new Date(Date.now() - 28_000); // last refreshed 28 s ago; stale at 30 s
		utimesSync(`${dataDir}.lock`, old, old);
		const release = await lockDataDir(dataDir);
		expect(readFileSync(`${dataDir}.holder`, 'utf8')).toBe(holderLine(process.pid));
		await release();
	});

	it('reports a lost lock instead of writing on', async () => {
		const dataDir = fresh();
		let lost: Error | undefined;
		const release = await lockDataDir(dataDir, { staleMs: 2_000, onLost: (e) => (lost = e) });
		rmSync(`${dataDir}.lock`, { recursive: true });
		await expect.poll(() => lost?.message, { timeout: 5_000 }).toMatch(/ENOENT/);
		await expect(release()).rejects.toThrow(/released/);
	});
});

describe('private files in the embedded database directory', () => {
	it('makes a new directory 0700 and every file 0600 as soon as it is open', async () => {
		const dataDir = fresh();
		const db = await openDatabase({ dataDir, migrationsFolder });
		const m = modes(dataDir);
		await db.close();
		expect([...m.dirs]).toEqual([0o700]);
		expect([...m.files]).toEqual([0o600]);
		expect(statSync(path.dirname(dataDir)).mode & 0o777).toBe(0o700);
	});

	it('makes private the files an older release left 0666, and keeps them so after close', async () => {
		const dataDir = fresh();
		await (await openDatabase({ dataDir, migrationsFolder })).close();
		chmodSync(path.dirname(dataDir), 0o777);
		chmodSync(dataDir, 0o777);
		for (const e of readdirSync(dataDir, { recursive: true, withFileTypes: true }))
			chmodSync(path.join(e.parentPath, e.name), e.isFile() ? 0o666 : 0o777);
		const again = await openDatabase({ dataDir, migrationsFolder });
		const open = modes(dataDir);
		await again.close();
		const closed = modes(dataDir);
		for (const m of [open, closed]) {
			expect([...m.dirs]).toEqual([0o700]);
			expect([...m.files]).toEqual([0o600]);
		}
		expect(statSync(path.dirname(dataDir)).mode & 0o777).toBe(0o700);
	});

	it("leaves the files of a directory another process holds alone (they are not the refused opener's to touch)", async () => {
		const dataDir = fresh();
		const release = await lockDataDir(dataDir);
		writeFileSync(path.join(dataDir, 'busy'), '', { mode: 0o600 });
		chmodSync(path.join(dataDir, 'busy'), 0o640);
		writeFileSync(`${dataDir}.holder`, holderLine(process.ppid)); // a live holder that is not us
		await expect(lockDataDir(dataDir)).rejects.toBeInstanceOf(DataDirInUse);
		expect(statSync(path.join(dataDir, 'busy')).mode & 0o777).toBe(0o640);
		await release();
	});
});
