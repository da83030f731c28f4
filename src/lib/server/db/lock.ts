/**
 * The embedded database's directory belongs to one process at a time: two servers on one
 * DATA_DIR would each keep their own copy in memory and overwrite the other's writes. A lock
 * (proper-lockfile: a `<dir>.lock` directory whose mtime the holder refreshes) makes a second
 * process refuse to start with a message that says what to do. A holder that died on this
 * host is taken over at once; one whose host cannot be asked goes stale after 30 s.
 *
 * The files hold password hashes and families' data: the directory is made 0700 and every
 * file 0600 (an older release left them 0666) at open and at close, and the process umask
 * stays 077, because PGlite keeps writing new files for as long as it runs.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export const staleMs = 30_000;

export class DataDirInUse extends Error {
	constructor(dir: string, holder: string) {
		super(
			`The embedded database in ${dir} (DATA_DIR) is in use by another Opgang process (${holder}). Stop that process first, or give this one its own DATA_DIR. ` +
				`(A lock left behind by a process that crashed on another host is taken over after ${staleMs / 1000} s.)`
		);
		this.name = 'DataDirInUse';
	}
}

/** Directories 0700, files 0600, all the way down. */
export function makePrivate(dir: string): void {
	chmodSync(dir, 0o700);
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) makePrivate(full);
		else if (entry.isFile()) chmodSync(full, 0o600);
	}
}

/** Who holds the lock, beside it (the lock directory itself must stay empty to be removed). */
const holderFile = (dir: string) => `${dir}.holder`;

function readHolder(dir: string): { pid: number; host: string } | null {
	try {
		const [pid, host] = readFileSync(holderFile(dir), 'utf8').trim().split(' ');
		return { pid: Number(pid), host };
	} catch {
		return null;
	}
}

/** True when the holder was a process on this host that no longer runs. */
function holderIsGone(holder: { pid: number; host: string } | null): boolean {
	if (!holder || holder.host !== os.hostname() || !Number.isInteger(holder.pid)) return false;
	if (holder.pid === process.pid) return false;
	try {
		process.kill(holder.pid, 0);
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'ESRCH';
	}
	// A killed process that nobody has reaped yet (a zombie) still answers kill(0) on Linux.
	try {
		return readFileSync(`/proc/${holder.pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? false;
	} catch {
		return false;
	}
}

/**
 * Prepares and locks a PGlite data directory; resolves to the release function. Rejects with
 * DataDirInUse when another live process holds it.
 */
export async function lockDataDir(dir: string, onLost: (error: Error) => void = exitOnLost): Promise<() => Promise<void>> {
	process.umask(0o077);
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	makePrivate(dir);
	const options = { realpath: false, stale: staleMs, update: staleMs / 3, onCompromised: onLost };
	let release: () => Promise<void>;
	try {
		release = await lockfile.lock(dir, options);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
		const holder = readHolder(dir);
		if (!holderIsGone(holder)) throw new DataDirInUse(dir, holder ? `pid ${holder.pid} on ${holder.host}` : 'unknown process');
		// The holder crashed on this host: its lock is ours without waiting for it to go stale.
		rmSync(`${dir}.lock`, { recursive: true, force: true });
		release = await lockfile.lock(dir, options);
	}
	writeFileSync(holderFile(dir), `${process.pid} ${os.hostname()}\n`, { mode: 0o600 });
	return async () => {
		// PGlite's file system sets some modes itself (0644) while it runs — the 0700 directory
		// keeps those private meanwhile — so the files are made 0600 again on the way out.
		makePrivate(dir);
		rmSync(holderFile(dir), { force: true });
		await release();
	};
}

function exitOnLost(error: Error): void {
	// Someone else took the directory (this process stalled past the stale time): writing on
	// could destroy their data, so stop and let the supervisor start a fresh process.
	console.error(`Opgang: lost the lock on the database directory (${error.message}); stopping.`);
	process.exit(1);
}
