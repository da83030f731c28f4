import { navigating, page } from '$app/state';

/**
 * Keeps an open conversation page up to date (with JavaScript): listens to the page's event
 * stream (`<page>/events`) and calls `onChange` — the page loads its data again through the
 * server, so nothing the reader may not see ever travels in an event. Changes that arrive
 * together cause one reload. The browser reconnects by itself after a dropped connection.
 *
 * While a form on the page is on its way — until its answer is on the page: the navigation to
 * `?done=…` has come and gone, or a refusal is shown — a change waits: a reload started then
 * could win over the form's answer and keep the reader on the old address without it. A
 * change that waited is loaded right after (once more, if the answer's own load showed it).
 */
export function follow(url: string, onChange: () => unknown): () => void {
	if (typeof EventSource === 'undefined') return () => {};
	const source = new EventSource(url);
	let timer: ReturnType<typeof setTimeout> | undefined;
	let watch: ReturnType<typeof setInterval> | undefined;
	let held = false;
	let waiting = false;

	const reload = () => {
		if (held) waiting = true;
		else void onChange();
	};
	const release = () => {
		clearInterval(watch);
		held = false;
		if (waiting) {
			waiting = false;
			void onChange();
		}
	};
	const hold = () => {
		held = true;
		const since = Date.now();
		const form = page.form;
		let navigated = false;
		clearInterval(watch);
		watch = setInterval(() => {
			if (navigating.to) navigated = true;
			else if (navigated || page.form !== form || Date.now() - since > 15_000) release();
		}, 100);
	};

	source.addEventListener('change', () => {
		clearTimeout(timer);
		timer = setTimeout(reload, 150);
	});
	document.addEventListener('submit', hold, true);
	return () => {
		clearTimeout(timer);
		clearInterval(watch);
		source.close();
		document.removeEventListener('submit', hold, true);
	};
}
