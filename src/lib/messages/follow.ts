import { navigating } from '$app/state';

/**
 * Keeps an open conversation page up to date (with JavaScript): listens to the page's event
 * stream (`<page>/events`) and calls `onChange` — the page loads its data again through the
 * server, so nothing the reader may not see ever travels in an event. Changes that arrive
 * together cause one reload. The browser reconnects by itself after a dropped connection.
 *
 * A change that arrives while the page is navigating (a form's answer taking the reader to
 * `?done=…`) is left to that navigation: it loads the page afresh anyway, and a reload started
 * after it would win over it and keep the reader on the old address without the answer.
 */
export function follow(url: string, onChange: () => unknown): () => void {
	if (typeof EventSource === 'undefined') return () => {};
	const source = new EventSource(url);
	let timer: ReturnType<typeof setTimeout> | undefined;
	source.addEventListener('change', () => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			if (!navigating.to) void onChange();
		}, 150);
	});
	return () => {
		clearTimeout(timer);
		source.close();
	};
}
