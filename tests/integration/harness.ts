/**
 * Runs a suite against every database backend: in-memory PGlite always, PostgreSQL when
 * TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) answers. Under CI
 * PostgreSQL is required, so a missing server fails the run instead of quietly shrinking it.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, beforeAll, afterAll, inject } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db';

const migrationsFolder = path.resolve(__dirname, '../../drizzle');
const defaultMigrations = migrationsFolder;
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<boolean> {
	const { default: postgres } = await import('postgres');
	const sql = postgres(adminUrl, { connect_timeout: 2, max: 1, onnotice: () => {} });
	try {
		await sql`select 1`;
		return true;
	} catch {
		return false;
	} finally {
		await sql.end({ timeout: 1 });
	}
}

const withPostgres = await postgresReachable();
if (!withPostgres) {
	if (process.env.CI) throw new Error(`PostgreSQL is required under CI but ${adminUrl} does not answer`);
	console.warn(`[harness] PostgreSQL at ${adminUrl} does not answer: running on PGlite only`);
}

/** The migrated PGlite data dir that global-setup.ts made once for the whole run. */
let snapshot: Promise<Blob> | undefined;
function migratedSnapshot(): Promise<Blob> {
	snapshot ??= readFile(inject('pgliteSnapshot')).then((bytes) => new Blob([bytes]));
	return snapshot;
}

async function openPglite(): Promise<Database> {
	return openDatabase({ migrationsFolder, loadDataDir: await migratedSnapshot() });
}

async function openPostgres(migrationsFolder = defaultMigrations): Promise<Database & { url: string }> {
	const { default: postgres } = await import('postgres');
	const name = `opgang_test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	// Every migration: a copy of the template global-setup.ts migrated once. An older release's
	// migrations (upgrade.test.ts): an empty database that runs them.
	const template = migrationsFolder === defaultMigrations ? inject('postgresTemplate') : '';
	await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ''}`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const database = await openDatabase({ url: url.href, migrationsFolder });
	return {
		...database,
		url: url.href,
		async close() {
			await database.close();
			const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
			await dropper.unsafe(`drop database if exists ${name} with (force)`);
			await dropper.end();
		}
	};
}

/**
 * Another app process on the same database, as production runs several: on PostgreSQL a
 * second connection pool; PGlite is one process, so the same database.
 */
export async function secondInstance(database: Database): Promise<Database> {
	const url = (database as Database & { url?: string }).url;
	if (!url) return { ...database, close: async () => {} };
	return openDatabase({ url, migrationsFolder });
}

export interface Backend {
	name: string;
	/** A database with every migration applied. */
	open: () => Promise<Database>;
	/** A fresh database with only the migrations in this folder (an older release's). */
	openAt: (migrationsFolder: string) => Promise<Database>;
}

export const backends: Backend[] = [
	{ name: 'pglite', open: openPglite, openAt: (folder) => openDatabase({ migrationsFolder: folder }) },
	...(withPostgres ? [{ name: 'postgres', open: () => openPostgres(), openAt: (folder: string) => openPostgres(folder) }] : [])
];

/**
 * `describe` once per backend; `ctx()` returns that backend's open database inside tests.
 * One database per suite: tests make their own rows (see fixtures.ts) and do not clean up.
 */
export function describeEachBackend(title: string, body: (ctx: () => Database) => void): void {
	for (const backend of backends) {
		describe(`${title} [${backend.name}]`, () => {
			let database: Database | undefined;
			beforeAll(async () => {
				database = await backend.open();
			});
			afterAll(async () => {
				await database?.close();
			});
			body(() => {
				if (!database) throw new Error('database not open');
				return database;
			});
		});
	}
}
