import type { RequestEvent } from '@sveltejs/kit';

/**
 * The client's address for throttling. Behind a proxy adapter-node reads it from
 * ADDRESS_HEADER and throws when the header is missing; a request that reaches us without it
 * (a misconfigured proxy, a direct probe) then shares one key rather than causing a 500.
 */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress() || 'unknown';
	} catch {
		return 'unknown';
	}
}
