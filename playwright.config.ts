import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { claimsDir, messageFamilyCount, testFamilyCount } from './tests/e2e/own';

const port = Number(process.env.E2E_PORT ?? 4173);
// Another run side by side (another port) needs its own database too.
const dataDir = process.env.E2E_DATA_DIR ?? '.e2e-data';
export const baseURL = `http://localhost:${port}`;

// Where Playwright cannot download its own browser (as on these machines), use Debian's: its
// headless shell (package chromium-headless-shell) when there, the browser Playwright itself runs
// headless. The full browser in headless mode costs a quarter more CPU for the same tests (measured:
// 33 tests on 2 cores, 203 s against 282 s), and CI is bound by CPU.
const systemChromium = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const executablePath = process.env.CHROMIUM_PATH ?? systemChromium;

export default defineConfig({
	testDir: 'tests/e2e',
	// Flows of several people (sign-ups, argon2) on a busy 2-core machine: a passing test never waits longer.
	timeout: 60_000,
	// A form's answer on a busy 2-core machine can take more than 5 s; a passing check never waits longer.
	expect: { timeout: 10_000 },
	fullyParallel: true,
	// On 2 cores: 3 workers finish sooner than 2 (the tests also wait on the server and the next frame); 4 load
	// the machine so much that long tests time out.
	workers: Number(process.env.E2E_WORKERS ?? 3),
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL,
		browserName: 'chromium',
		// A cheap Android phone.
		viewport: { width: 360, height: 740 },
		isMobile: true,
		hasTouch: true,
		locale: 'da-DK',
		timezoneId: 'Europe/Copenhagen',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: {
		// The production build on a fresh embedded database with the demo data, plus a family
		// for each test that changes something (tests/e2e/own.ts). It trusts X-Forwarded-For as
		// a proxy would set it: tests/e2e/helpers.ts gives each test its own address.
		command: `rm -rf ${dataDir} ${claimsDir} && node scripts/start.js --demo`,
		env: {
			PORT: String(port),
			ORIGIN: baseURL,
			DATA_DIR: dataDir,
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			OPGANG_TEST_FAMILIES: String(testFamilyCount),
			OPGANG_TEST_MESSAGE_FAMILIES: String(messageFamilyCount),
			// The x-opgang-queries header that budgets.spec.ts reads.
			OPGANG_COUNT_QUERIES: '1',
			// Notifications go at once, day or night, and the worker looks every half second
			// (notifications.spec.ts waits for a mail; the quiet hours have their own unit tests).
			NOTIFY_QUIET_HOURS: 'off',
			NOTIFY_GATHER_SECONDS: '0',
			OUTBOX_POLL_MS: '500'
		},
		url: `${baseURL}/login`,
		reuseExistingServer: false,
		// Loading the demo and 190 test families takes ~15 s alone, over a minute beside another run.
		timeout: 180_000,
		stdout: 'ignore'
	}
});
