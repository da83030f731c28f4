/**
 * `id.secret` tokens as Lucia's session guide teaches: the id finds the row, only a SHA-256
 * hash of the secret is stored, and the secret is compared in constant time.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { tokenPattern } from '$lib/shapes';
import { normaliseShortCode, shortCodeAlphabet, shortCodeLength } from '$lib/short-code';

/** 24 random bytes → 192 bits, base32 (no padding, lower case: URL- and cookie-safe). */
function randomString(): string {
	const bytes = new Uint8Array(24);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export interface Token {
	id: string;
	secret: string;
	secretHash: Uint8Array;
	token: string;
}

export function newToken(): Token {
	const id = randomString();
	const secret = randomString();
	return { id, secret, secretHash: hashSecret(secret), token: `${id}.${secret}` };
}

/** A lone secret (no id half) for a URL found by its hash: a calendar feed (meetings/feeds.ts). */
export function newSecret(): { secret: string; secretHash: Uint8Array } {
	const secret = randomString();
	return { secret, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

/** The two halves of a token, or null for anything not shaped like one (checked before any query). */
export function splitToken(token: string): { id: string; secret: string } | null {
	if (!tokenPattern.test(token)) return null;
	const dot = token.indexOf('.');
	return { id: token.slice(0, dot), secret: token.slice(dot + 1) };
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
	return constantTimeEqual(hashSecret(secret), storedHash);
}

/** A new short code, uniformly from the alphabet (rejection sampling: 248 = 8 × 31). */
export function newShortCode(): string {
	const limit = 256 - (256 % shortCodeAlphabet.length);
	let code = '';
	while (code.length < shortCodeLength) {
		const bytes = new Uint8Array(16);
		crypto.getRandomValues(bytes);
		for (const b of bytes) if (b < limit && code.length < shortCodeLength) code += shortCodeAlphabet[b % shortCodeAlphabet.length];
	}
	return code;
}

/** SHA-256 of a normalised short code: how it is stored and looked up. */
export function hashShortCode(code: string): Uint8Array {
	return sha256(new TextEncoder().encode(`code:${code}`));
}

/** The stored form of whatever was typed, or null for anything that cannot be a code. */
export function shortCodeHash(typed: string): Uint8Array | null {
	const code = normaliseShortCode(typed);
	return code ? hashShortCode(code) : null;
}
