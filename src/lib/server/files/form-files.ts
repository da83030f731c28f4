/**
 * The message forms that take files: their fields, their files (for prepare.ts), and the
 * names of the files chosen — a browser cannot put files back in a file input, so after a
 * mistake the page says which ones to choose again.
 */
import { filesPerMessage, fileNameMaxLength } from '$lib/codes';
import { readFormWithFiles, type FormFields } from '../http/form';

export interface MessageForm {
	fields: FormFields;
	files: File[];
	/** The chosen files' names as the sender's phone had them (cleaned for showing). */
	chosen: string[];
}

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const unshowable = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export async function readMessageForm(request: Request): Promise<MessageForm> {
	const { fields, files } = await readFormWithFiles(request, { maxFiles: filesPerMessage });
	const chosen = files.map((f) => [...f.name.replace(unshowable, '').split(/[\\/]/).pop()!].slice(0, fileNameMaxLength).join('') || '?');
	return { fields, files, chosen };
}
