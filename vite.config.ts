import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	test: {
		// `npm run bench` adds its measurements (tests/bench), which print figures rather than test.
		include: [
			'src/**/*.test.ts',
			'tests/integration/**/*.test.ts',
			...(process.env.OPGANG_BENCH === '1' ? ['tests/bench/**/*.test.ts'] : [])
		],
		// One migrated PGlite snapshot for the whole run (tests/integration/harness.ts restores it).
		globalSetup: ['tests/integration/global-setup.ts'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// PGlite runs on the main thread; one file at a time per worker keeps memory modest.
		fileParallelism: true,
		pool: 'forks',
		// Vitest's default is half the cores: one file at a time on a 2-core machine. Two at a time
		// took the suite from 305 s to 196 s there (each file waits ~3 s on start-up and on PostgreSQL).
		maxWorkers: Math.max(2, availableParallelism())
	}
});
