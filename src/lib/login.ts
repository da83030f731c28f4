/**
 * What a person types to sign in: an e-mail or a phone number, in one field. Both are stored
 * and compared normalised, so "Halima@Example.org " and "halima@example.org" are one sign-in,
 * and so are "12 34 56 78", "+45 12-34-56-78" and "0045 12.34.56.78".
 */
import { z } from 'zod';

export type Login = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

/** Trimmed, NFKC, lower case: how e-mails are stored and compared. */
export function normaliseEmail(email: string): string {
	return email.normalize('NFKC').trim().toLowerCase();
}

// Arabic-Indic (٠–٩) and Persian/Urdu (۰–۹) digits, as phones in those languages type them.
const digitBlocks = [0x0660, 0x06f0];
function westernDigits(text: string): string {
	return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
		const code = d.codePointAt(0)!;
		const block = digitBlocks.find((start) => code >= start && code <= start + 9)!;
		return String(code - block);
	});
}

/**
 * A phone number as +CC followed by digits (E.164), or null when it is not one. Spaces, dashes,
 * dots and brackets are ignored; a leading 00 is the same as +; 8 digits alone are a Danish
 * number (+45). A Danish number has exactly 8 digits after +45.
 */
export function normalisePhone(input: string): string | null {
	const compact = westernDigits(input.normalize('NFKC')).replace(/[\s\-\u2010-\u2015\u2212.()/]/g, '');
	const plus = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
	const phone = /^\d{8}$/.test(plus) ? `+45${plus}` : plus;
	if (!/^\+[1-9]\d{6,14}$/.test(phone)) return null;
	if (phone.startsWith('+45') && !/^\+45\d{8}$/.test(phone)) return null;
	return phone;
}

/** "+4512345678" → "+45 12 34 56 78"; other countries' numbers are shown as stored. */
export function formatPhone(phone: string): string {
	const dk = /^\+45(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(phone);
	return dk ? `+45 ${dk.slice(1).join(' ')}` : phone;
}

const emailShape = z.email();

/** An e-mail (it has an @) or a phone number, normalised; null when it is neither. */
export function parseLogin(input: string): Login | null {
	const text = input.trim();
	if (!text || text.length > 254) return null;
	if (text.includes('@')) {
		const email = normaliseEmail(text);
		return emailShape.safeParse(email).success ? { kind: 'email', value: email } : null;
	}
	const phone = normalisePhone(text);
	return phone ? { kind: 'phone', value: phone } : null;
}
