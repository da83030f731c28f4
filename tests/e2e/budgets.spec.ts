/**
 * The speed budgets as tests, not promises: every page a family member or a visitor can reach
 * runs at most 6 database statements per request and makes the browser load at most 50 KB of
 * JavaScript (gzip); staff pages keep to the same 6 statements and 60 KB. The pages are found
 * by following links (signed in as a demo parent, as a caseworker, and signed out), so a page
 * added later is measured without anyone editing this file; every family and public route
 * without a parameter must have been reached.
 *
 * Statements are counted by the server itself (OPGANG_COUNT_QUERIES=1 in playwright.config.ts,
 * src/lib/server/db/query-count.ts); JavaScript is what the page preloads, gzipped from the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, signIn } from './helpers';
import { discover } from './fuzzer/routes';
import { claimMessageFamily } from './own';

const maxQueries = 6;
const maxJavaScript = 50_000;
/** Staff work on laptops and office phones: their pages may carry more (the family table, the slips). */
const maxStaffJavaScript = 60_000;
/**
 * Links the crawl never follows: they change state or leave the page's kind. The API's reference
 * (/api/v1/docs) ships no JavaScript at all; api.spec.ts measures it.
 */
const skip = /^\/(logout|language|api)(\/|$)|^\/_app\//;
const maxPages = 60;

interface Measure {
	path: string;
	queries: number;
	javascript: number;
}

const gzipped = new Map<string, number>();
function gzipSize(file: string): number {
	let size = gzipped.get(file);
	if (size === undefined) gzipped.set(file, (size = gzipSync(readFileSync(path.join('build/client', file)), { level: 9 }).length));
	return size;
}

/** The JavaScript a page has the browser load: its modulepreload links (header and page) and script imports. */
function javascriptOf(html: string, link: string): number {
	const files = new Set<string>();
	for (const text of [html, link]) for (const m of text.matchAll(/[<"(](?:\.{0,2}\/)*(_app\/[^">)]+\.js)[>")]/g)) files.add(m[1]);
	return [...files].reduce((sum, f) => sum + gzipSize(f), 0);
}

/** Visits pages breadth-first from `start`, following same-site links, and measures each. */
async function crawl(request: APIRequestContext, start: string[]): Promise<Measure[]> {
	const queue = [...start];
	const seen = new Set(queue);
	// Two pages of one route are enough (29 opportunities cost what two do): the shape with ids as ':id'.
	const shapes = new Map<string, number>();
	const out: Measure[] = [];
	while (queue.length && out.length < maxPages) {
		const url = queue.shift()!;
		const response = await request.get(url, { maxRedirects: 0 });
		if (response.status() !== 200 || !(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
		const html = await response.text();
		out.push({
			path: url,
			queries: Number(response.headers()['x-opgang-queries']),
			javascript: javascriptOf(html, response.headers()['link'] ?? '')
		});
		for (const m of html.matchAll(/<a [^>]*href="(\/[^"#]*)"/g)) {
			const link = m[1].replace(/&amp;/g, '&');
			// One page per route and query shape is enough: ?done=… and ?edit=… differ only in a message.
			const key = link.split('?')[0];
			if (skip.test(link) || seen.has(key)) continue;
			seen.add(key);
			const shape = key.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');
			const n = shapes.get(shape) ?? 0;
			if (n >= 2) continue;
			shapes.set(shape, n + 1);
			queue.push(key);
		}
	}
	return out;
}

/** The routes without a parameter that a family member or a visitor can open: each must have been measured. */
function plainRoutes(): { family: string[]; visitor: string[] } {
	// The API (/api/v1) is for other systems: its reference is linked from the team leader's keys page (api.spec.ts measures it).
	const notPages = /^\/(staff|logout|language|api)(\/|$)|^\/$/;
	const visitor = readdirSync('src/routes/(public)', { withFileTypes: true })
		.filter((d) => d.isDirectory() && !d.name.includes('['))
		.map((d) => `/${d.name}`)
		.filter((r) => !notPages.test(r));
	const all = new Set(
		discover()
			.filter((t) => t.method === 'GET' && !t.route.includes('[') && !notPages.test(t.route))
			.map((t) => t.route)
	);
	// A signed-in member is sent from the sign-in pages to their home; they reach privacy and accessibility.
	const family = [...all].filter((r) => !visitor.includes(r) || r === '/privacy' || r === '/accessibility');
	return { family, visitor: visitor.filter((r) => all.has(r)) };
}

function check(measures: Measure[], javascriptLimit = (m: Measure) => (m.path.startsWith('/staff') ? maxStaffJavaScript : maxJavaScript)) {
	console.log(measures.map((m) => `${m.path}: ${m.queries} queries, ${m.javascript} B JS gzip`).join('\n'));
	for (const m of measures) {
		expect.soft(m.queries, `${m.path}: database statements`).toBeLessThanOrEqual(maxQueries);
		expect.soft(m.javascript, `${m.path}: JavaScript (gzip)`).toBeLessThanOrEqual(javascriptLimit(m));
		expect.soft(m.javascript, `${m.path}: JavaScript found`).toBeGreaterThan(0);
	}
}

/**
 * The booking steps after the first are reached by GET forms (their choices in the query), not
 * by links: fill them in as the member would, up to the confirm page (nothing is booked).
 */
async function bookingSteps(page: Page): Promise<string[]> {
	const urls: string[] = [];
	await page.goto('/meetings/book');
	await page.locator('main input[type=radio]').first().check();
	await page.locator('main form button[type=submit]').click();
	await page.waitForURL(/\/meetings\/book\/time\?/);
	urls.push(page.url());
	await page.locator('main button[name=start]').first().click();
	await page.waitForURL(/\/meetings\/book\/who\?/);
	for (const next of ['interpreter', 'confirm']) {
		urls.push(page.url());
		await page.locator('main form button[type=submit]').click();
		await page.waitForURL(new RegExp(`/meetings/book/${next}\\?`));
	}
	urls.push(page.url());
	return urls.map((u) => new URL(u).pathname + new URL(u).search);
}

test('every page a signed-in family member reaches keeps to 6 statements and 50 KB of JavaScript', async ({ page }) => {
	await signIn(page, 'amina@example.org');
	const measures = await crawl(page.request, ['/home', ...(await bookingSteps(page))]);
	expect(measures.some((m) => m.path.startsWith('/staff'))).toBe(false);
	check(measures);
	const reached = new Set(measures.map((m) => m.path.split('?')[0]));
	for (const route of plainRoutes().family) expect.soft(reached.has(route), `${route} is linked from the family's pages`).toBe(true);
});

test('every public page keeps to 6 statements and 50 KB of JavaScript', async ({ request }) => {
	const measures = await crawl(request, ['/login']);
	check(measures);
	const reached = new Set(measures.map((m) => m.path));
	for (const route of plainRoutes().visitor) expect.soft(reached.has(route), `${route} is linked from the public pages`).toBe(true);
});

test('every page a caseworker reaches keeps to 6 statements, and its JavaScript to the staff budget', async ({ page }) => {
	await signIn(page, 'mette@example.org');
	const measures = await crawl(page.request, ['/staff']);
	check(measures);
	expect(measures.filter((m) => m.path.startsWith('/staff/families/')).length).toBeGreaterThan(0);
});

test("the team leader's staff pages keep to 6 statements, and their JavaScript to the staff budget", async ({ page }) => {
	await signIn(page, 'lone@example.org');
	const measures = await crawl(page.request, ['/staff/team', '/staff/team/staff']);
	check(measures);
	expect(measures.filter((m) => /^\/staff\/team\/staff\/[0-9a-f-]{36}$/.test(m.path)).length).toBeGreaterThan(0);
});

test("the team's message pages keep to 6 statements and the staff budget, with conversations to open", async ({ page }) => {
	// The demo's staff may have no conversation yet: a family whose messages wait for the team does.
	const family = claimMessageFamily();
	await signIn(page, family.staff.email);
	const measures = await crawl(page.request, ['/staff/inbox']);
	check(measures);
	const paths = measures.map((x) => x.path);
	expect(paths.filter((p) => /^\/staff\/families\/[^/]+\/messages\/[0-9a-f-]{36}$/.test(p)).length).toBe(2);
	for (const end of ['/staff/inbox', '/messages', '/messages/new']) expect(paths.some((p) => p.endsWith(end))).toBe(true);
});
