import { describe, expect, it } from 'vitest';
import { formatShortCode, normaliseShortCode, shortCodeAlphabet, shortCodeLength } from './short-code';
import { hashShortCode, newShortCode, shortCodeHash } from './server/auth/tokens';

describe('short codes', () => {
	it('use 8 characters without look-alikes', () => {
		expect(shortCodeLength).toBe(8);
		for (const c of '01OIL') expect(shortCodeAlphabet).not.toContain(c);
		expect(new Set(shortCodeAlphabet).size).toBe(31);
		for (let i = 0; i < 200; i++) expect(newShortCode()).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
	});
	it('are drawn evenly from the whole alphabet', () => {
		const seen = new Map<string, number>();
		for (let i = 0; i < 2000; i++) for (const c of newShortCode()) seen.set(c, (seen.get(c) ?? 0) + 1);
		expect(seen.size).toBe(31);
		// 16 000 characters, ≈ 516 each: every one well within a generous band.
		for (const n of seen.values()) expect(n).toBeGreaterThan(380);
	});
	it('are read whatever the case, spaces and dashes, and printed in two groups', () => {
		for (const typed of ['K7QXM4PD', 'k7qx-m4pd', ' k7qx m4pd ', 'K7QX–M4PD', 'ｋ７ｑｘｍ４ｐｄ', 'K7-QX-M4-PD']) {
			expect(normaliseShortCode(typed), typed).toBe('K7QXM4PD');
		}
		expect(formatShortCode('K7QXM4PD')).toBe('K7QX-M4PD');
		for (const typed of ['K7QXM4P', 'K7QXM4PDX', 'K7QXM4P0', 'K7QXM4PO', 'K7QXM4PI', 'K7QXM4PL', 'K7QXM4P1', '', 'K7QX/M4PD']) {
			expect(normaliseShortCode(typed), typed).toBeNull();
		}
	});
	it('are stored as a hash, the same for every way of typing one', () => {
		const hash = hashShortCode('K7QXM4PD');
		expect(hash).toHaveLength(32);
		expect(shortCodeHash('k7qx-m4pd')).toEqual(hash);
		expect(Buffer.from(hash).toString('latin1')).not.toContain('K7QXM4PD');
		expect(shortCodeHash('K7QX-M4PO')).toBeNull();
	});
});
