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
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	let entries: [string, string][];
	if (type === 'application/x-www-form-urlencoded') entries = await urlencoded(request);
	else if (type === 'multipart/form-data') entries = await multipart(request);
	else badForm();

	const fields: FormFields = {};
	for (const [name, value] of entries) {
		if (unreadable.test(name) || unreadable.test(value) || value.length > maxFieldLength) badForm();
		if (!(name in fields)) fields[name] = value;
	}
	return fields;
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

async function multipart(request: Request): Promise<[string, string][]> {
	let data: FormData;
	try {
		data = await request.formData();
	} catch {
		badForm();
	}
	const out: [string, string][] = [];
	// Files are not read by any page yet; when one does, it gets its own checks (type, size).
	for (const [name, value] of data) if (typeof value === 'string') out.push([name, value]);
	return out;
}
