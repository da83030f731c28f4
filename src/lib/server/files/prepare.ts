/**
 * Files as they arrive on a message, made ready to keep: recognised by their bytes (never by
 * their name), photos re-encoded upright and without their EXIF (a phone's picture carries
 * where it was taken) and shrunk to a size a phone shows well, each with a small thumbnail for
 * the thread; PDFs kept as they are. Anything else is refused with a message key for the form.
 */
import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { fileMaxBytes, fileNameMaxLength, filesPerMessage, fileTypes, type FileType } from '$lib/codes';

/** Longest side of a kept photo, and of its thumbnail, in pixels. */
export const photoMaxSide = 2000;
export const thumbMaxSide = 320;

export interface PreparedFile {
	/** The sender's name for it, made safe, with the extension of what it really is. */
	name: string;
	type: FileType;
	bytes: Uint8Array;
	width: number | null;
	height: number | null;
	/** A small WebP of a photo; null for a PDF. */
	thumb: Uint8Array | null;
}

export type FileError =
	'validation.filesTooMany' | 'validation.fileTooBig' | 'validation.fileType' | 'validation.fileHeic' | 'validation.fileUnreadable';

export type Prepared = { ok: true; files: PreparedFile[] } | { ok: false; error: FileError };

const extensions: Record<FileType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };
const heic = new Set(['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence', 'image/avif']);
// Control characters, and the marks that turn text around ("cod.exe" shown as "exe.doc").
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffd"*:<>?|\\/]/g;

/** The name a download gets: no folders, no control or direction characters, the real extension, at most 200 characters. */
export function safeName(original: string, type: FileType): string {
	const last = original.split(/[\\/]/).pop() ?? '';
	const clean = last.normalize('NFC').replace(unsafe, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
	const ext = extensions[type];
	const base = clean.replace(/\.[^.\s]{1,8}$/, '').trim() || 'file';
	const room = fileNameMaxLength - ext.length - 1;
	const chars = [...base];
	return `${chars.length > room ? chars.slice(0, room).join('').trimEnd() : base}.${ext}`;
}

/** What a file really is, by its first bytes: one of the four kinds, HEIC (said so), or something else. */
export async function sniff(bytes: Uint8Array): Promise<FileType | 'heic' | null> {
	const found = await fileTypeFromBuffer(bytes);
	if (!found) return null;
	if (heic.has(found.mime)) return 'heic';
	return (fileTypes as readonly string[]).includes(found.mime) ? (found.mime as FileType) : null;
}

async function photo(input: Uint8Array, type: Exclude<FileType, 'application/pdf'>) {
	// rotate() first: a phone stores the picture sideways and says so in EXIF, which is then dropped.
	const upright = sharp(input, { failOn: 'error', limitInputPixels: 100_000_000 })
		.rotate()
		.resize({ width: photoMaxSide, height: photoMaxSide, fit: 'inside', withoutEnlargement: true });
	let out =
		type === 'image/png'
			? { type, result: await upright.clone().png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true }) }
			: type === 'image/webp'
				? { type, result: await upright.clone().webp({ quality: 82 }).toBuffer({ resolveWithObject: true }) }
				: { type, result: await upright.clone().jpeg({ quality: 82, mozjpeg: true }).toBuffer({ resolveWithObject: true }) };
	// A large screenshot-like PNG that stays too heavy as PNG becomes a JPEG.
	if (out.result.data.byteLength > fileMaxBytes) {
		out = {
			type: 'image/jpeg',
			result: await upright.clone().flatten({ background: '#ffffff' }).jpeg({ quality: 82 }).toBuffer({ resolveWithObject: true })
		};
	}
	const thumb = await sharp(out.result.data)
		.resize({ width: thumbMaxSide, height: thumbMaxSide, fit: 'inside', withoutEnlargement: true })
		.webp({ quality: 70 })
		.toBuffer();
	return {
		type: out.type,
		bytes: new Uint8Array(out.result.data),
		width: out.result.info.width,
		height: out.result.info.height,
		thumb: new Uint8Array(thumb)
	};
}

/**
 * The files of one message, checked and made ready, or the first reason to refuse them. The
 * count and sizes are checked before any bytes are looked at.
 */
export async function prepareFiles(files: File[]): Promise<Prepared> {
	if (files.length > filesPerMessage) return { ok: false, error: 'validation.filesTooMany' };
	if (files.some((f) => f.size > fileMaxBytes)) return { ok: false, error: 'validation.fileTooBig' };
	const out: PreparedFile[] = [];
	for (const file of files) {
		const input = new Uint8Array(await file.arrayBuffer());
		const type = await sniff(input);
		if (type === 'heic') return { ok: false, error: 'validation.fileHeic' };
		if (!type) return { ok: false, error: 'validation.fileType' };
		if (type === 'application/pdf') {
			out.push({ name: safeName(file.name, type), type, bytes: input, width: null, height: null, thumb: null });
			continue;
		}
		let made: Awaited<ReturnType<typeof photo>>;
		try {
			made = await photo(input, type);
		} catch {
			return { ok: false, error: 'validation.fileUnreadable' };
		}
		out.push({
			name: safeName(file.name, made.type),
			type: made.type,
			bytes: made.bytes,
			width: made.width,
			height: made.height,
			thumb: made.thumb
		});
	}
	return { ok: true, files: out };
}
