import { getContext, setContext } from 'svelte';

const key = Symbol('viewer');

/**
 * The staff member reading a page of staff cards, set once by the page, so each card can tell
 * "that is you" (and offer no call button to oneself) without every list passing it along.
 */
export function setViewer(staffId: () => string | null): void {
	setContext(key, staffId);
}

/** Call while a component initialises; the result reads the viewer's staff id (null: not staff, or not set). */
export function getViewer(): () => string | null {
	return getContext<(() => string | null) | undefined>(key) ?? (() => null);
}
