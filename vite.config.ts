import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

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
		pool: 'forks'
	}
});
