import { describe, expect, it } from 'vitest';
import { linkParts } from './links';

describe('linkParts', () => {
	it('makes http and https links, leaving the rest as text', () => {
		expect(linkParts('Se https://borger.dk/bolig og ring.')).toEqual([
			{ text: 'Se ' },
			{ text: 'https://borger.dk/bolig', href: 'https://borger.dk/bolig' },
			{ text: ' og ring.' }
		]);
	});
	it('never makes a link of another scheme or of markup', () => {
		for (const bad of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '<a href="https://x.dk">x</a>', 'www.x.dk']) {
			const parts = linkParts(bad);
			expect(parts.filter((p) => 'href' in p).every((p) => 'href' in p && /^https?:\/\//.test(p.href))).toBe(true);
			expect(parts.map((p) => p.text).join('')).toBe(bad);
		}
		expect(linkParts('javascript:alert(1)')).toEqual([{ text: 'javascript:alert(1)' }]);
	});
	it('keeps sentence punctuation out of the link and loses no character', () => {
		const text = '(https://aarhus.dk/job), https://x.dk/a_(b) og https://x.dk?q=1.';
		const parts = linkParts(text);
		expect(parts.filter((p) => 'href' in p).map((p) => p.text)).toEqual(['https://aarhus.dk/job', 'https://x.dk/a_(b)', 'https://x.dk?q=1']);
		expect(parts.map((p) => p.text).join('')).toBe(text);
	});
	it('reads right-to-left text around a link', () => {
		const parts = linkParts('انظر https://aarhus.dk، شكراً');
		expect(parts).toEqual([{ text: 'انظر ' }, { text: 'https://aarhus.dk', href: 'https://aarhus.dk/' }, { text: '، شكراً' }]);
	});
});
