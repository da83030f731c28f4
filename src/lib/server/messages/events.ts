/**
 * A conversation's changes as Server-Sent Events, for a page that is open: "change" with the
 * kind (a new line, a read mark, done), never the words — the page loads again through the
 * access layer. A comment line every 25 seconds keeps proxies from closing an idle stream.
 * Streams are not compressed or buffered under adapter-node (STACK-NOTES).
 */
import type { Hub } from './live';

const heartbeatMs = 25_000;

export async function changeStream(hub: Hub, conversationId: string, signal: AbortSignal): Promise<Response> {
	const encoder = new TextEncoder();
	let stop = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start: async (controller) => {
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop();
				}
			};
			const unsubscribe = await hub.subscribe(conversationId, (change) => send(`event: change\ndata: ${change.kind}\n\n`));
			const timer = setInterval(() => send(': still here\n\n'), heartbeatMs);
			stop = () => {
				clearInterval(timer);
				unsubscribe();
				stop = () => {};
			};
			signal.addEventListener('abort', () => stop(), { once: true });
			// Tells the browser how long to wait before reconnecting after a drop.
			send('retry: 5000\n\n');
		},
		cancel: () => stop()
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
}
