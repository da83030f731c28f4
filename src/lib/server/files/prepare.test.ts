import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { fileMaxBytes } from '$lib/codes';
import { prepareFiles, safeName, sniff } from './prepare';

/** A phone's photo: a letter (white with grey lines), lying on its side as phones store it, with where it was taken. */
async function phonePhoto(width = 1200, height = 900): Promise<Buffer> {
	return sharp({ create: { width, height, channels: 3, background: '#f4f4f4' } })
		.composite([
			{
				input: { create: { width: Math.round(width * 0.7), height: Math.round(height / 15), channels: 3, background: '#555' } },
				top: 40,
				left: 40
			}
		])
		.jpeg({ quality: 92 })
		.withMetadata({ orientation: 6 })
		.withExif({
			IFD0: { Make: 'PhoneMaker' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '56/1 9/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '10/1 12/1 0/1' }
		})
		.toBuffer();
}

/** Whether EXIF has a GPS section (tag 0x8825, either byte order). */
const hasGps = (exif: Buffer | undefined) =>
	!!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

const file = (bytes: Uint8Array | string, name: string, type = '') => new File([bytes as BlobPart], name, { type });
const png = () =>
	sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 90, b: 160, alpha: 0.5 } } })
		.png()
		.toBuffer();
const pdf = '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

describe('prepareFiles', () => {
	it('re-encodes a phone photo upright, without EXIF or GPS, with a thumbnail', async () => {
		const input = await phonePhoto();
		const before = await sharp(input).metadata();
		expect(before.orientation).toBe(6);
		expect(hasGps(before.exif)).toBe(true);
		const result = await prepareFiles([file(input, 'IMG_2041.JPG', 'image/jpeg')]);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const [out] = result.files;
		expect(out).toMatchObject({ name: 'IMG_2041.jpg', type: 'image/jpeg', width: 900, height: 1200 });
		const meta = await sharp(out.bytes).metadata();
		expect(meta.exif).toBeUndefined();
		expect(meta.orientation).toBeUndefined();
		expect(Buffer.from(out.bytes).includes('PhoneMaker')).toBe(false);
		const thumb = await sharp(out.thumb!).metadata();
		expect(thumb.format).toBe('webp');
		expect(Math.max(thumb.width!, thumb.height!)).toBeLessThanOrEqual(320);
	});

	it('shrinks a large photo to 2000 px on its longest side', async () => {
		const input = await phonePhoto(4000, 3000);
		const started = performance.now();
		const result = await prepareFiles([file(input, 'big.jpg')]);
		const ms = performance.now() - started;
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect([result.files[0].width, result.files[0].height]).toEqual([1500, 2000]); // upright
		console.info(
			`4000×3000 JPEG: ${input.byteLength} → ${result.files[0].bytes.byteLength} bytes (thumb ${result.files[0].thumb!.byteLength}) in ${Math.round(ms)} ms`
		);
	});

	it('knows a file by its bytes: a PNG called .jpg is a PNG, a PDF stays as it is', async () => {
		const result = await prepareFiles([file(await png(), 'scan.jpg', 'image/jpeg'), file(pdf, 'brev fra kommunen.pdf')]);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.files.map((f) => [f.name, f.type])).toEqual([
			['scan.png', 'image/png'],
			['brev fra kommunen.pdf', 'application/pdf']
		]);
		expect(Buffer.from(result.files[1].bytes).toString()).toBe(pdf);
		expect(result.files[1].thumb).toBeNull();
	});

	it.each([
		['text called .jpg', file('Hello, this is a letter', 'letter.jpg', 'image/jpeg'), 'validation.fileType'],
		[
			'SVG',
			file('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'x.svg', 'image/svg+xml'),
			'validation.fileType'
		],
		['an empty file with a name', file('', 'empty.jpg'), 'validation.fileType'],
		[
			'HEIC (an iPhone photo)',
			file(
				new Uint8Array([0, 0, 0, 0x18, ...Buffer.from('ftypheic'), 0, 0, 0, 0, ...Buffer.from('mif1heic'), ...new Uint8Array(64)]),
				'IMG_1.HEIC'
			),
			'validation.fileHeic'
		],
		[
			'a broken JPEG',
			file(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, ...Buffer.from('JFIF'), 0, ...new Uint8Array(40)]), 'broken.jpg'),
			'validation.fileUnreadable'
		]
	])('refuses %s', async (_, input, error) => {
		expect(await prepareFiles([input])).toEqual({ ok: false, error });
	});

	it('refuses a sixth file and a file of 10 MB and one byte, before reading any', async () => {
		const five = Array.from({ length: 5 }, (_, i) => file(pdf, `${i}.pdf`));
		expect((await prepareFiles(five)).ok).toBe(true);
		expect(await prepareFiles([...five, file(pdf, '5.pdf')])).toEqual({ ok: false, error: 'validation.filesTooMany' });
		const big = new Uint8Array(fileMaxBytes + 1);
		big.set(Buffer.from(pdf));
		expect(await prepareFiles([file(big, 'big.pdf')])).toEqual({ ok: false, error: 'validation.fileTooBig' });
		const exact = new Uint8Array(fileMaxBytes);
		exact.set(Buffer.from(pdf));
		expect((await prepareFiles([file(exact, 'exact.pdf')])).ok).toBe(true);
	});
});

describe('safeName', () => {
	it('keeps the name without folders, control or direction marks, with the real extension, at most 200 characters', () => {
		expect(safeName('C:\\Users\\x\\brev.jpeg', 'image/jpeg')).toBe('brev.jpg');
		expect(safeName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
		expect(safeName('invoice\u202Egpj.exe', 'image/png')).toBe('invoice gpj.png');
		expect(safeName('', 'image/webp')).toBe('file.webp');
		expect(safeName('رسالة البلدية.pdf', 'application/pdf')).toBe('رسالة البلدية.pdf');
		expect([...safeName('å'.repeat(300) + '.pdf', 'application/pdf')]).toHaveLength(200);
	});

	it('sniffs by bytes, not by name', async () => {
		expect(await sniff(Buffer.from(pdf))).toBe('application/pdf');
		expect(await sniff(Buffer.from('GIF89a' + '\0'.repeat(20)))).toBeNull();
	});
});
