/**
 * Counts the database statements each request runs, so the budget (≤ 6 per citizen page) is a
 * test and not a promise. Off unless OPGANG_COUNT_QUERIES=1 (the end-to-end tests and the
 * bench set it): then every statement drizzle sends is counted against the request that is
 * running (AsyncLocalStorage), and hooks.server.ts puts the figure in the `x-opgang-queries`
 * response header. Statements outside a request (start-up, housekeeping) count nowhere.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm';

export const countingQueries = process.env.OPGANG_COUNT_QUERIES === '1';

const current = new AsyncLocalStorage<{ n: number }>();

/** Drizzle's logger hook: one more statement for the request in progress. */
export const queryCounter: Logger = {
	logQuery() {
		const tally = current.getStore();
		if (tally) tally.n++;
	}
};

/** Runs a request's work and tells how many statements it ran. */
export async function withQueryCount<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
	const tally = { n: 0 };
	const result = await current.run(tally, work);
	return { result, queries: tally.n };
}

/**
 * Runs work that belongs to the process, not to the request that happened to start it (a kept
 * value refreshed in the background): the request neither waits for it nor counts it.
 */
export function outsideRequest<T>(work: () => Promise<T>): Promise<T> {
	return current.exit(work);
}
