/**
 * Runs once per `vitest run`: migrates one in-memory PGlite and writes its data directory to
 * a temp file, which every test file restores (~0.5 s) instead of running initdb and every
 * migration again (~3 s per file). On PostgreSQL likewise: one migrated template database,
 * which each suite's database is copied from (harness.ts) instead of migrating its own.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteSnapshot: string;
		/** The migrated PostgreSQL template database's name, or '' without PostgreSQL. */
		postgresTemplate: string;
	}
}

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates and migrates the template; null when PostgreSQL does not answer (harness.ts decides what that means). */
async function postgresTemplate(): Promise<{ name: string; drop: () => Promise<void> } | null> {
	const { default: postgres } = await import('postgres');
	const { drizzle } = await import('drizzle-orm/postgres-js');
	const { migrate } = await import('drizzle-orm/postgres-js/migrator');
	const admin = postgres(adminUrl, { max: 1, connect_timeout: 2, onnotice: () => {} });
	const name = `opgang_template_${randomBytes(6).toString('hex')}`;
	try {
		await admin.unsafe(`create database ${name}`);
	} catch {
		await admin.end({ timeout: 1 });
		return null;
	}
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const client = postgres(url.href, { max: 1, onnotice: () => {} });
	await migrate(drizzle({ client }), { migrationsFolder: path.resolve('drizzle') });
	// A template must have nobody connected while it is copied.
	await client.end();
	return {
		name,
		drop: async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

export default async function setup(project: TestProject) {
	const { PGlite } = await import('@electric-sql/pglite');
	const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	const client = await PGlite.create({ extensions: { btree_gist } });
	await migrate(drizzle({ client }), { migrationsFolder: path.resolve('drizzle') });
	const dump = await client.dumpDataDir('none');
	await client.close();
	const dir = mkdtempSync(path.join(os.tmpdir(), 'opgang-snapshot-'));
	const file = path.join(dir, 'migrated.tar');
	writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	project.provide('pgliteSnapshot', file);
	const template = await postgresTemplate();
	project.provide('postgresTemplate', template?.name ?? '');
	return async () => {
		rmSync(dir, { recursive: true, force: true });
		await template?.drop();
	};
}
