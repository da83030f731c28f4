/**
 * Runs once per `vitest run`: migrates one in-memory PGlite and writes its data directory to
 * a temp file, which every test file restores (~0.5 s) instead of running initdb and every
 * migration again (~3 s per file).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteSnapshot: string;
	}
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
	return () => rmSync(dir, { recursive: true, force: true });
}
