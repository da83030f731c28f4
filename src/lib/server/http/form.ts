/**
 * The one way a route reads a form. Whatever arrives — a wrong content type, a broken
 * multipart body, NUL bytes, invalid UTF-8, an enormous field — becomes a 400 with a
 * translated page ("errors.badForm"), never a 500, before any of it reaches a service.
 * Browsers send forms as urlencoded or multipart; nothing else is accepted.
 */
import { error } from '@sveltejs/kit';

/** Longer than any field a page here offers (they carry their own, smaller zod limits). */
export const maxFieldLength = 20_000;

/** A form's text fields; a repeated name keeps its first value (no page sends arrays yet). */
export type FormFields = Record<string, string>;

function badForm(): never {
	error(400, 'badForm');
}

/** NUL and U+FFFD (what a decoder puts in place of invalid UTF-8) are never real input. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const unreadable = /[\u0000\uFFFD]/;

export async function readForm(request: Request): Promise<FormFields> {
	return (await read(request, 0)).fields;
}

/**
 * A form that may carry files (a message's photos): its text fields as readForm reads them,
 * and its files. An empty file input (no name, no bytes) is no file. One more file than
 * `maxFiles` is kept, so the page can say "too many"; any beyond that are never looked at.
 * The files' contents are not checked here: that is the feature's own work (files/prepare.ts).
 */
export async function readFormWithFiles(
	request: Request,
	{ maxFiles }: { maxFiles: number }
): Promise<{ fields: FormFields; files: File[] }> {
	return read(request, maxFiles + 1);
}

async function read(request: Request, keepFiles: number): Promise<{ fields: FormFields; files: File[] }> {
	if (oversized.has(request)) error(413, 'tooLarge');
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	let entries: [string, string | File][];
	if (type === 'application/x-www-form-urlencoded') entries = await urlencoded(request);
	else if (type === 'multipart/form-data') entries = await multipart(request);
	else badForm();

	const fields: FormFields = {};
	const files: File[] = [];
	for (const [name, value] of entries) {
		if (unreadable.test(name)) badForm();
		if (typeof value !== 'string') {
			if (value.size === 0 && !value.name) continue;
			if (files.length < keepFiles) files.push(value);
			continue;
		}
		if (unreadable.test(value) || value.length > maxFieldLength) badForm();
		if (!(name in fields)) fields[name] = value;
	}
	return { fields, files };
}

/**
 * Requests whose body was bigger than their route allows (hooks.server.ts put an empty body
 * in their place): reading one answers 413 with the translated page.
 */
const oversized = new WeakSet<Request>();
export function markOversized(request: Request): Request {
	oversized.add(request);
	return request;
}

/**
 * URLSearchParams would quietly turn bad bytes into U+FFFD and lose the difference, so the
 * body is decoded strictly: raw bytes as UTF-8, then each %-escape with decodeURIComponent,
 * which throws on invalid UTF-8.
 */
async function urlencoded(request: Request): Promise<[string, string][]> {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(await request.arrayBuffer());
	} catch {
		badForm();
	}
	const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
	try {
		return text
			.split('&')
			.filter(Boolean)
			.map((pair) => {
				const eq = pair.indexOf('=');
				return eq < 0 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
			});
	} catch {
		badForm();
	}
}

async function multipart(request: Request): Promise<[string, string | File][]> {
	let data: FormData;
	try {
		data = await request.formData();
	} catch {
		badForm();
	}
	return [...data];
}
