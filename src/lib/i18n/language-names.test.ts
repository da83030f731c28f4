import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageNames } from './language-names';
import { nameableLanguages } from './language-codes';
import { languageName, locales } from './locales';

/** The languages staff and families in the neighbourhood speak (issue 9): each locale names all. */
const required = 'da en ar so tr fa ur uk ku de fr ru es pl ro ti prs ps bs sq vi ta ne am'.split(' ');

describe('the language names the portal ships', () => {
	it('has a name for every listed language in every locale, and the same codes in each', () => {
		const codes = Object.keys(languageNames.da).sort();
		expect(codes).toEqual(expect.arrayContaining(required));
		for (const { code } of locales) {
			expect(Object.keys(languageNames[code]).sort(), code).toEqual(codes);
			for (const [c, name] of Object.entries(languageNames[code])) expect(name.trim(), `${code}.${c}`).not.toBe('');
		}
	});

	it('writes them as CLDR does, lowercase where the language does', () => {
		expect(languageNames.da.so).toBe('somali');
		expect(languageNames.da.fa).toBe('persisk');
		expect(languageNames.da.prs).toBe('dari');
		expect(languageNames.da.ro).toBe('rumænsk');
		expect(languageNames.en.ne).toBe('Nepali');
		expect(languageNames.ar.da).toBe('الدانمركية');
		expect(languageNames.ar.ur).toBe('الأوردية');
		expect(languageNames.so.da).toBe('Dhaanish');
		expect(languageNames.so.ar).toBe('Carabi');
		expect(languageNames.so.en).toBe('Ingiriisi');
		expect(languageNames.so.so).toBe('Soomaali');
		expect(languageNames.tr.ti).toBe('Tigrinya dili');
		expect(languageNames.tr.pl).toBe('Lehçe');
		expect(languageNames.fa.tr).toBe('ترکی استانبولی');
		expect(languageNames.ur.en).toBe('انگریزی');
		expect(languageNames.uk.so).toBe('сомалі');
		expect(languageNames.uk.vi).toBe('вʼєтнамська');
	});

	it('names each portal language in itself as the language menu does, up to case', () => {
		for (const { code, name } of locales) expect(languageNames[code][code].toLocaleLowerCase(code)).toBe(name.toLocaleLowerCase(code));
	});
});

describe('languageName', () => {
	const reader = (locale: 'da' | 'so' | 'en') => ({ locale, languageNames: languageNames[locale] });

	it('takes the shipped name first', () => {
		expect(languageName('so', reader('da'))).toBe('somali');
		expect(languageName('ar', reader('so'))).toBe('Carabi');
	});

	it('falls back to Intl.DisplayNames for a code the portal does not ship, then to the code', () => {
		expect(languageName('fi', reader('da'))).toBe('finsk');
		expect(languageName('fi', { locale: 'da', languageNames: {} })).toBe('finsk');
		expect(languageName('not a code', reader('en'))).toBe('not a code');
		// An object's own properties only: "constructor" is not a shipped name.
		expect(languageName('constructor', reader('en'))).toBe('constructor');
	});
});

describe('where the names go', () => {
	it('names exactly the languages language-codes.ts lists, in every locale', () => {
		for (const names of Object.values(languageNames)) expect(Object.keys(names).sort()).toEqual([...nameableLanguages].sort());
	});

	it('are imported by server code only, so no page carries all eight locales in its JavaScript', () => {
		const src = join(import.meta.dirname, '../..');
		const files = (dir: string): string[] =>
			readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
				e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : []
			);
		const importers = files(src)
			.filter((f) => !/\.test\.ts$/.test(f) && f !== join(src, 'lib/i18n/language-names.ts'))
			.filter((f) => /^\s*import\s+(?!type\b)[^;]*['"][^'"]*language-names['"]/m.test(readFileSync(f, 'utf8')))
			.map((f) => relative(src, f));
		// Pages get their reader's names from the root layout's load; server modules (an .ics in the
		// member's language) may use them too: none of that reaches a browser.
		expect(importers).toContain('routes/+layout.server.ts');
		expect(importers.filter((f) => !/^lib\/server\/|\.server\.ts$|\+server\.ts$/.test(f))).toEqual([]);
	});
});
