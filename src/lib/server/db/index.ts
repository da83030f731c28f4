/**
 * The one place a database is opened. Embedded PGlite (a directory on disk, or memory)
 * by default; PostgreSQL when a URL is given. Migrations in drizzle/ are applied on open,
 * on either backend, so the server and the tests always see the current schema.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { lockDataDir, makePrivate } from './lock';
import { countingQueries, queryCounter } from './query-count';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Backend = 'pglite' | 'postgres';

export interface Database {
	db: Db;
	backend: Backend;
	/**
	 * Hears `NOTIFY channel` from every process on the database (PostgreSQL's LISTEN on one
	 * connection of its own; PGlite's listen in this process). Resolves once listening; the
	 * function it gives stops it.
	 */
	listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

export interface OpenOptions {
	/** postgres://… — when set, PostgreSQL is used. */
	url?: string;
	/** Directory for PGlite; `memory://` or undefined keeps it in memory. */
	dataDir?: string;
	/** Where the SQL migrations are; defaults to ./drizzle under the working directory. */
	migrationsFolder?: string;
	/** A migrated PGlite data directory (from dumpDataDir) to start from, for fast tests. */
	loadDataDir?: Blob;
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
	const migrationsFolder = options.migrationsFolder ?? path.resolve('drizzle');
	if (options.url) {
		const { default: postgres } = await import('postgres');
		const { drizzle } = await import('drizzle-orm/postgres-js');
		const { migrate } = await import('drizzle-orm/postgres-js/migrator');
		const client = postgres(options.url, { max: 10, onnotice: () => {} });
		const db = drizzle({ client, schema, logger: countingQueries ? queryCounter : false });
		await migrate(db, { migrationsFolder });
		return {
			db: db as unknown as Db,
			backend: 'postgres',
			listen: async (channel, onPayload) => {
				// postgres-js keeps one LISTEN connection for all channels and reconnects it.
				const { unlisten } = await client.listen(channel, onPayload);
				return unlisten;
			},
			close: () => client.end({ timeout: 5 })
		};
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	const dataDir = options.dataDir && options.dataDir !== 'memory://' ? path.resolve(options.dataDir) : undefined;
	let release = async () => {};
	if (dataDir) {
		// PGlite does not create missing parent directories; DATA_DIR is private like the rest.
		mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o700 });
		chmodSync(path.dirname(dataDir), 0o700);
		release = await lockDataDir(dataDir);
	}
	try {
		const client = await PGlite.create({
			dataDir,
			extensions: { btree_gist },
			loadDataDir: options.loadDataDir
		});
		const db = drizzle({ client, schema, logger: countingQueries ? queryCounter : false });
		await migrate(db, { migrationsFolder });
		// A new directory's initdb files come out 0666 whatever the umask (the WAL among them,
		// soon holding password hashes): private now, not only at the next start. PGlite runs
		// on this thread and is idle between statements, so nothing moves under the walk.
		if (dataDir) makePrivate(dataDir);
		let closed: Promise<void> | undefined;
		return {
			db: db as unknown as Db,
			backend: 'pglite',
			listen: async (channel, onPayload) => client.listen(channel, onPayload),
			// Once only: a second close (shutdown hook and a test, say) must not fail on the lock.
			close: () =>
				(closed ??= (async () => {
					await client.close();
					await release();
				})())
		};
	} catch (e) {
		await release();
		throw e;
	}
}

let opened: Promise<Database> | undefined;

/** The server's database, opened once from the environment (DATABASE_URL or DATA_DIR). */
export function getDatabase(): Promise<Database> {
	opened ??= openDatabase({
		url: process.env.DATABASE_URL || undefined,
		dataDir: process.env.DATABASE_URL ? undefined : path.join(process.env.DATA_DIR || 'data', 'pglite')
	});
	return opened;
}

/** Rows from db.execute, whichever driver answered (postgres-js: an array; PGlite: { rows }). */
/**
 * Gives the query planner fresh statistics. PostgreSQL's autovacuum does this by itself; PGlite
 * runs no background workers, so there every table looks empty to the planner until someone
 * runs ANALYZE, and a statement over many rows picks nested loops that take seconds (measured:
 * the team's figures over 1,000 families, 1.8 s without statistics, 0.25 s with). The server
 * runs this at start and hourly (hooks.server.ts).
 */
export async function refreshStatistics({ db, backend }: Pick<Database, 'db' | 'backend'>): Promise<void> {
	if (backend === 'pglite') await db.execute(sql`analyze`);
}

export function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const preparedByDb = new WeakMap<Db, Map<string, unknown>>();

/**
 * A prepared statement for the hot paths (every request's session lookup, the family
 * home), built once per database: drizzle skips building the SQL and PGlite skips planning
 * it (measured: 1.7 → 0.8 ms for the session lookup on PGlite).
 */
export function prepared<T>(db: Db, name: string, build: () => T): T {
	let statements = preparedByDb.get(db);
	if (!statements) preparedByDb.set(db, (statements = new Map()));
	let statement = statements.get(name) as T | undefined;
	if (!statement) statements.set(name, (statement = build()));
	return statement;
}

/** The SQLSTATE of a database error, wherever drizzle put it. */
export function sqlState(error: unknown): string | undefined {
	const e = error as { code?: unknown; cause?: { code?: unknown } };
	const code = e?.cause?.code ?? e?.code;
	return typeof code === 'string' ? code : undefined;
}

/** The name of the constraint a database error is about (PGlite says `constraint`, postgres.js `constraint_name`). */
export function sqlConstraint(error: unknown): string | undefined {
	const e = error as { cause?: Record<string, unknown> } & Record<string, unknown>;
	const name = e?.cause?.constraint ?? e?.cause?.constraint_name ?? e?.constraint ?? e?.constraint_name;
	return typeof name === 'string' ? name : undefined;
}

export { schema };

/** Applies the migrations in a folder that the database has not had yet (the upgrade test steps through releases). */
export async function applyMigrations(database: Database, migrationsFolder: string): Promise<void> {
	if (database.backend === 'postgres') {
		const { migrate } = await import('drizzle-orm/postgres-js/migrator');
		await migrate(database.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
	} else {
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		await migrate(database.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
	}
}
