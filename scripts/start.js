#!/usr/bin/env node
// Starts the built portal (build/). With --demo, loads the demo families into an empty
// database. Defaults: PORT 3000, ORIGIN http://localhost:PORT, DATA_DIR ./data (PGlite);
// DATABASE_URL switches to PostgreSQL. Migrations are applied by the server at start.
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../build/index.js', import.meta.url))) {
	console.error('No build found. Run `npm run build` first (or `npm run demo`).');
	process.exit(1);
}
process.env.PORT ||= '3000';
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
process.env.DATA_DIR ||= 'data';
// Five files of 10 MB on a message, and the form around them (hooks.server.ts keeps every other
// form at adapter-node's 512 KB). An operator may set another.
process.env.BODY_SIZE_LIMIT ||= '51M';
if (process.argv.includes('--demo')) process.env.OPGANG_DEMO = '1';

const where = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${process.env.DATA_DIR}/`;
console.log(`Opgang: opening ${where} …`);
try {
	await import('../build/index.js');
} catch (error) {
	// Expected refusals (another process holds DATA_DIR, a bad setting) say what to do; no stack.
	if (error instanceof Error && ['DataDirInUse'].includes(error.name)) {
		console.error(`Opgang did not start: ${error.message}`);
		process.exit(1);
	}
	throw error;
}
console.log(`Opgang is running at ${process.env.ORIGIN}`);
