/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Registered only when a person presses "turn on notifications" (/account), never on its own
 * (svelte.config.js: register: false). It shows a push notification and opens its page. It
 * caches nothing: every page still comes from the server, so nobody sees yesterday's page.
 */
const worker = self as unknown as ServiceWorkerGlobalScope;

interface Payload {
	title?: string;
	body?: string;
	url?: string;
	lang?: string;
	dir?: NotificationDirection;
	tag?: string;
}

worker.addEventListener('install', () => void worker.skipWaiting());
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));

worker.addEventListener('push', (event) => {
	let data: Payload = {};
	try {
		data = (event.data?.json() as Payload) ?? {};
	} catch {
		// A payload that is not ours still shows that something is new.
	}
	event.waitUntil(
		worker.registration.showNotification(data.title || 'Opgang', {
			body: data.body ?? '',
			lang: data.lang,
			dir: data.dir ?? 'auto',
			tag: data.tag,
			data: { url: data.url ?? '/' }
		})
	);
});

worker.addEventListener('notificationclick', (event) => {
	event.notification.close();
	// Only this site's pages: the path is resolved against the worker's own origin.
	const url = new URL(String(event.notification.data?.url ?? '/'), worker.location.origin);
	if (url.origin !== worker.location.origin) return;
	event.waitUntil(
		(async () => {
			const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
			const open = windows.find((w) => new URL(w.url).origin === url.origin);
			if (open) {
				await open.focus();
				await open.navigate(url.href).catch(() => null);
				return;
			}
			await worker.clients.openWindow(url.href);
		})()
	);
});
