import { describe, expect, it } from 'vitest';
import { formatList, listSeparator } from './list';
import { locales } from './locales';

const items = ['A', 'B', 'C', 'D', 'E'];

describe('formatList', () => {
	// Node carries CLDR's full data; Chromium has no Somali lists (list.ts).
	for (const code of ['da', 'en', 'so', 'tr', 'fa', 'ur', 'uk'] as const) {
		it(`writes ${code} lists as CLDR does`, () => {
			const cldr = new Intl.ListFormat(code, { type: 'conjunction', style: 'long' });
			for (let n = 0; n <= items.length; n++)
				expect(formatList(items.slice(0, n), code), `${n} items`).toBe(cldr.format(items.slice(0, n)));
		});
	}

	it('writes the words readers see', () => {
		expect(formatList(['dansk', 'arabisk', 'engelsk'], 'da')).toBe('dansk, arabisk og engelsk');
		expect(formatList(['Danish', 'Arabic', 'English'], 'en')).toBe('Danish, Arabic, and English');
		expect(formatList(['Dhaanish', 'Soomaali'], 'so')).toBe('Dhaanish iyo Soomaali');
		expect(formatList(['данська', 'українська', 'російська'], 'uk')).toBe('данська, українська і російська');
	});

	it('separates Arabic, Persian and Urdu items with the Arabic comma', () => {
		expect(formatList(['الدانمركية', 'الفارسية', 'العربية'], 'ar')).toBe('الدانمركية، الفارسية، والعربية');
		expect(formatList(['الدانمركية', 'العربية'], 'ar')).toBe('الدانمركية والعربية');
		expect(formatList(['A', 'B', 'C', 'D'], 'ar')).toBe('A، B، C، وD');
		for (const code of ['ar', 'fa', 'ur'] as const) {
			expect(formatList(['A', 'B', 'C'], code)).toContain('،');
			expect(formatList(['A', 'B', 'C'], code)).not.toContain(',');
		}
	});

	it('returns one item as it is and none as nothing, in every locale', () => {
		for (const { code } of locales) {
			expect(formatList(['dansk'], code)).toBe('dansk');
			expect(formatList([], code)).toBe('');
		}
	});

	it('keeps what the items say, $ and braces included', () => {
		expect(formatList(['{1}', '$&', "$'"], 'en')).toBe("{1}, $&, and $'");
	});
});

describe('listSeparator', () => {
	it('gives the comma between middle items, in the reader’s script', () => {
		expect(listSeparator('da')).toBe(', ');
		expect(listSeparator('ar')).toBe('، ');
		expect(listSeparator('ur')).toBe('، ');
	});
});
