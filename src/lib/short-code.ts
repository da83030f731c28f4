/**
 * Short codes: the part of a sign-in letter a person can type. 8 characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L), shown in two groups ("K7QX-M4PD"), read back
 * whatever the case, spaces and dashes. 31⁸ ≈ 8.5 · 10¹¹ codes (39.6 bits): few enough that
 * guessing is throttled (SECURITY.md), never the only thing between a stranger and a sign-in.
 */

/** 8 digits and 23 letters: no 0, 1, I, L or O. */
export const shortCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const shortCodeLength = 8;

const shape = new RegExp(`^[${shortCodeAlphabet}]{${shortCodeLength}}$`);

/** "k7qx m4pd", "K7QX-M4PD", "ｋ７ｑｘ－ｍ４ｐｄ" → "K7QXM4PD"; null when it cannot be a code. */
export function normaliseShortCode(input: string): string | null {
	const code = input
		.normalize('NFKC')
		.replace(/[\s\-\u2010-\u2015\u2212.]/g, '')
		.toUpperCase();
	return shape.test(code) ? code : null;
}

/** "K7QXM4PD" → "K7QX-M4PD", as printed and shown. */
export function formatShortCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}
