/**
 * The embedded database's directory belongs to one process at a time: two servers on one
 * DATA_DIR would each keep their own copy in memory and overwrite the other's writes. A lock
 * (proper-lockfile: a `<dir>.lock` directory whose mtime the holder refreshes every 10 s) makes
 * a second process refuse to start with a message that says what to do. A holder that died on
 * this machine is taken over at once; one we cannot ask (another host, another container) is
 * waited for until its lock goes stale (30 s: PGlite can stall the event loop for seconds).
 *
 * The files hold password hashes and families' data: the directory is made 0700 and every
 * file 0600 (an older release left them 0666) once the lock is ours, and again at close, and
 * the process umask stays 077, because PGlite keeps writing new files for as long as it runs.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export const staleMs = 30_000;

export class DataDirInUse extends Error {
	constructor(dir: string, holder: string, stale = staleMs) {
		super(
			`The embedded database in ${dir} (DATA_DIR) is in use by another Opgang process (${holder}). Stop that process first, or give this one its own DATA_DIR. ` +
				`(The lock ${dir}.lock is refreshed while its holder runs; one left by a crashed process is taken over after ${stale / 1000} s.)`
		);
		this.name = 'DataDirInUse';
	}
}

/** Directories 0700, files 0600, all the way down. A file that vanishes meanwhile is fine. */
export function makePrivate(dir: string): void {
	const chmod = (p: string, mode: number) => {
		try {
			chmodSync(p, mode);
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
		}
	};
	chmod(dir, 0o700);
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) makePrivate(full);
		else if (entry.isFile()) chmod(full, 0o600);
	}
}

/**
 * Where a pid means something: the host name alone is not enough, because a container
 * restarted under the same name (or a cloned VM) has other processes behind the same numbers.
 * Boot id and pid namespace pin the kernel and the namespace (Linux; elsewhere just the name).
 */
function machine(): string {
	const read = (f: () => string) => {
		try {
			return f().trim();
		} catch {
			return '';
		}
	};
	return `${os.hostname()} ${read(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8'))}/${read(() => readlinkSync('/proc/self/ns/pid'))}`;
}

/** The holder line: `pid host bootid/pidns`. Exported for the tests' stand-in holders. */
export const holderLine = (pid: number) => `${pid} ${machine()}\n`;

/** Who holds the lock, beside it (the lock directory itself must stay empty to be removed). */
const holderFile = (dir: string) => `${dir}.holder`;

/** Directories this process holds: a holder line with our own pid is otherwise a previous life. */
const held = new Set<string>();

type Holder = { pid: number; host: string; where: string };

function readHolder(dir: string): Holder | null {
	try {
		const [pid, host, where = ''] = readFileSync(holderFile(dir), 'utf8').trim().split(' ');
		return { pid: Number(pid), host, where };
	} catch {
		return null;
	}
}

/** 'alive' or 'gone' when the holder is a process we can see; 'unknown' otherwise. */
function holderState(dir: string, holder: Holder | null): 'alive' | 'gone' | 'unknown' {
	if (!holder || !Number.isInteger(holder.pid) || `${holder.host} ${holder.where}` !== machine()) return 'unknown';
	// Our own pid: this process holds it (a second open), or the holder was an earlier process
	// with this pid (a container's pid 1 restarted in the same namespace).
	if (holder.pid === process.pid) return held.has(dir) ? 'alive' : 'gone';
	try {
		process.kill(holder.pid, 0);
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'ESRCH' ? 'gone' : 'alive';
	}
	// A killed process that nobody has reaped yet (a zombie) still answers kill(0) on Linux.
	try {
		return readFileSync(`/proc/${holder.pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ? 'gone' : 'alive';
	} catch {
		return 'alive';
	}
}

const who = (h: Holder | null) => (h ? `pid ${h.pid} on ${h.host}` : 'unknown process');

export interface LockOptions {
	/** Called when another process took the lock (it may be writing now); default: log and exit. */
	onLost?: (error: Error) => void;
	/** For tests only: a shorter stale time (proper-lockfile's minimum is 2 s). */
	staleMs?: number;
}

/**
 * Locks and prepares a PGlite data directory; resolves to the release function. Rejects with
 * DataDirInUse when another live process holds it.
 */
export async function lockDataDir(
	dir: string,
	{ onLost = exitOnLost, staleMs: stale = staleMs }: LockOptions = {}
): Promise<() => Promise<void>> {
	// Before PGlite writes anything; for the whole process, since PGlite creates files (WAL
	// segments, new tables) as long as it runs. In a test worker this makes the worker's own
	// temp files private too, which is harmless.
	process.umask(0o077);
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	const options = {
		realpath: false,
		stale,
		update: stale / 3,
		onCompromised: (error: Error) => {
			held.delete(dir);
			onLost(error);
		}
	};
	let release: () => Promise<void>;
	try {
		release = await lockfile.lock(dir, options);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
		const holder = readHolder(dir);
		const state = holderState(dir, holder);
		if (state === 'alive') throw new DataDirInUse(dir, who(holder), stale);
		if (state === 'gone') {
			// The holder crashed on this machine: its lock is ours without waiting for it to go stale.
			rmSync(`${dir}.lock`, { recursive: true, force: true });
			release = await lockfile.lock(dir, options);
		} else {
			// A holder we cannot ask refreshes its lock while it runs: wait until the lock is
			// stale (taken over) or, still fresh after the stale time, its holder is alive.
			console.warn(
				`Opgang: ${dir} is locked by ${who(holder)}, which cannot be checked from here; waiting up to ${stale / 1000 + 2} s for the lock to go stale …`
			);
			const retries = { retries: Math.ceil(stale / 1000) + 2, factor: 1, minTimeout: 1000, maxTimeout: 1000 };
			try {
				release = await lockfile.lock(dir, { ...options, retries });
			} catch (e) {
				if ((e as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirInUse(dir, who(readHolder(dir)), stale);
				throw e;
			}
			console.warn(`Opgang: took over the stale lock on ${dir}.`);
		}
	}
	held.add(dir);
	writeFileSync(holderFile(dir), holderLine(process.pid), { mode: 0o600 });
	// Only now, holding the lock: walking a directory a live server writes in meets files that
	// vanish under it (measured: ENOENT in 2 % of walks), and its files are not ours to touch.
	makePrivate(dir);
	return async () => {
		// PGlite's file system sets some modes itself while it runs (initdb's files 0666,
		// pg_internal.init 0644) — the 0700 directory keeps those private meanwhile — so the
		// files are made 0600 again on the way out.
		makePrivate(dir);
		held.delete(dir);
		rmSync(holderFile(dir), { force: true });
		await release();
	};
}

function exitOnLost(error: Error): void {
	// Someone else took the directory (this process stalled past the stale time, or the lock was
	// removed): writing on could destroy their data, so stop and let the supervisor start afresh.
	console.error(`Opgang: lost the lock on the database directory (${error.message}); another process may be writing to it now. Stopping.`);
	process.exit(1);
}
