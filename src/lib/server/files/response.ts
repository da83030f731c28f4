/**
 * A file as the browser gets it: a download under the sender's name (made safe), never shown
 * by the browser as a page of ours — no sniffing, a sandbox with nothing allowed, nothing
 * cached. A photo's thumbnail is shown inline in the thread, with the same guards.
 */
import type { FileDownload } from './message-files';

/** RFC 5987/6266: the UTF-8 name, and a plain ASCII one for old browsers. */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

export function fileResponse(file: FileDownload, thumb: boolean): Response {
	return new Response(file.bytes as BodyInit, {
		headers: {
			'Content-Type': file.type,
			'Content-Length': String(file.bytes.byteLength),
			'Content-Disposition': contentDisposition(thumb ? 'inline' : 'attachment', file.name),
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': 'private, no-store'
		}
	});
}
