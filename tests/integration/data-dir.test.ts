/**
 * The embedded database's directory (hardening issue, finding 6): one process at a time,
 * private file modes. PGlite only: PostgreSQL guards its own directory. The two-process case
 * with the real server is in tests/e2e/hardening.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/lib/server/db';
import { DataDirInUse } from '../../src/lib/server/db/lock';

const migrationsFolder = path.resolve(__dirname, '../../drizzle');
const fresh = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'opgang-datadir-')), 'data', 'pglite');

function modes(dir: string): { dirs: Set<number>; files: Set<number> } {
	const out = { dirs: new Set<number>([statSync(dir).mode & 0o777]), files: new Set<number>() };
	for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		const mode = statSync(path.join(e.parentPath, e.name)).mode & 0o777;
		(e.isDirectory() ? out.dirs : out.files).add(mode);
	}
	return out;
}

describe('the embedded database directory', () => {
	it('is held by one opener at a time, with a message that says what to do, and is free again after close', async () => {
		const dataDir = fresh();
		const first = await openDatabase({ dataDir, migrationsFolder });
		const second = openDatabase({ dataDir, migrationsFolder });
		await expect(second).rejects.toBeInstanceOf(DataDirInUse);
		await expect(second).rejects.toThrow(/\(DATA_DIR\) is in use by another Opgang process \(pid \d+ on .+\)\. Stop that process first/);
		await first.close();
		const again = await openDatabase({ dataDir, migrationsFolder });
		await again.close();
	});

	it('takes over at once a lock left by a process on this host that died', async () => {
		const dataDir = fresh();
		// A lock as a crashed server leaves it: the lock, and a holder that no longer runs.
		const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
		mkdirSync(`${dataDir}.lock`, { recursive: true });
		writeFileSync(`${dataDir}.holder`, `${dead} ${os.hostname()}\n`);
		const start = Date.now();
		const db = await openDatabase({ dataDir, migrationsFolder });
		expect(Date.now() - start).toBeLessThan(20_000);
		await db.close();
	});

	it('keeps a lock whose holder may still run elsewhere (another host)', async () => {
		const dataDir = fresh();
		mkdirSync(path.dirname(dataDir), { recursive: true });
		mkdirSync(`${dataDir}.lock`);
		writeFileSync(`${dataDir}.holder`, `4242 some-other-host\n`);
		await expect(openDatabase({ dataDir, migrationsFolder })).rejects.toThrow(/pid 4242 on some-other-host/);
	});

	it('makes the directory 0700 and every file 0600, also files an older release left 0666', async () => {
		const dataDir = fresh();
		const db = await openDatabase({ dataDir, migrationsFolder });
		await db.close();
		chmodSync(dataDir, 0o777);
		const sample = readdirSync(dataDir, { recursive: true, withFileTypes: true })
			.filter((e) => e.isFile())
			.slice(0, 20);
		for (const e of sample) chmodSync(path.join(e.parentPath, e.name), 0o666);
		const again = await openDatabase({ dataDir, migrationsFolder });
		await again.close();
		const m = modes(dataDir);
		expect([...m.dirs]).toEqual([0o700]);
		expect([...m.files]).toEqual([0o600]);
		expect(statSync(path.dirname(dataDir)).mode & 0o777).toBe(0o700);
	});
});
