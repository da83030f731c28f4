import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { markOversized, maxFieldLength, readForm, readFormWithFiles } from './form';

const post = (body: BodyInit, type?: string) =>
	new Request('http://localhost/x', { method: 'POST', body, headers: type ? { 'content-type': type } : {} });

async function status(request: Request): Promise<number> {
	try {
		await readForm(request);
		return 200;
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

describe('readForm', () => {
	it('reads urlencoded and multipart forms, first value of a repeated name', async () => {
		const url = await readForm(post('email=a%40b.dk&note=bl%C3%A5+bog&x=1&x=2', 'application/x-www-form-urlencoded'));
		expect(url).toEqual({ email: 'a@b.dk', note: 'blå bog', x: '1' });
		const data = new FormData();
		data.set('email', 'a@b.dk');
		data.append('name', 'Ayşe');
		expect(await readForm(new Request('http://localhost/x', { method: 'POST', body: data }))).toEqual({ email: 'a@b.dk', name: 'Ayşe' });
	});

	it.each([
		['text/plain', post('email=a', 'text/plain')],
		['JSON', post('{"email":"a"}', 'application/json')],
		['no content type', post(new Uint8Array([1, 2, 3]))],
		['multipart without a boundary', post('--x\r\n', 'multipart/form-data')],
		['broken multipart', post('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue', 'multipart/form-data; boundary=b')],
		['a NUL byte', post('email=%00', 'application/x-www-form-urlencoded')],
		['invalid UTF-8 escapes', post('email=%ff%fe', 'application/x-www-form-urlencoded')],
		['invalid UTF-8 bytes', post(new Uint8Array([0x65, 0x3d, 0xff, 0xfe]), 'application/x-www-form-urlencoded')],
		['a broken escape', post('email=%zz', 'application/x-www-form-urlencoded')],
		['a field over the limit', post(`note=${'a'.repeat(maxFieldLength + 1)}`, 'application/x-www-form-urlencoded')]
	])('answers %s with 400', async (_, request) => {
		expect(await status(request)).toBe(400);
	});
});

describe('readFormWithFiles', () => {
	it('gives the fields and the chosen files, not an empty file input, and one more file than allowed at most', async () => {
		const data = new FormData();
		data.set('body', 'Her er brevet');
		data.append('files', new File([], ''));
		for (let i = 0; i < 8; i++) data.append('files', new File(['x'], `${i}.jpg`));
		const { fields, files } = await readFormWithFiles(new Request('http://localhost/x', { method: 'POST', body: data }), { maxFiles: 5 });
		// An empty file input (filename="") reaches the server as an empty text field, or as an empty nameless File: never a file.
		expect(fields.body).toBe('Her er brevet');
		expect(files.map((f) => f.name)).toEqual(['0.jpg', '1.jpg', '2.jpg', '3.jpg', '4.jpg', '5.jpg']);
		// readForm itself never looks at files.
		const plain = new FormData();
		plain.set('body', 'x');
		plain.append('files', new File(['x'], 'a.jpg'));
		expect(await readForm(new Request('http://localhost/x', { method: 'POST', body: plain }))).toEqual({ body: 'x' });
	});

	it('answers a request marked too big with 413', async () => {
		expect(await status(markOversized(post('a=1', 'application/x-www-form-urlencoded')))).toBe(413);
	});
});
