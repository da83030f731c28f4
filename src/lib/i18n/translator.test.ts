import { describe, expect, it } from 'vitest';
import { createTranslator, type Messages } from './translator';
import { translatorFor, messages } from '$lib/server/i18n';
import { locales } from './locales';

const flat = (o: Messages, prefix = ''): string[] =>
	Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flat(v, `${prefix}${k}.`)));
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const placeholders = (s: string) => [...s.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1].trim()).sort();

describe('translator', () => {
	for (const { code } of locales) {
		it(`gives exactly i18next's text for every ${code} key`, () => {
			const mine = createTranslator(code, messages[code]);
			const reference = translatorFor(code);
			const keys = new Set(flat(messages[code]).map((k) => k.replace(pluralSuffix, '')));
			const params = { name: 'Mette Kjær', date: '7. december', time: '14.30', min: 8, year: 2011, languages: 'dansk', staff: 'Ali' };
			for (const key of keys) {
				for (const count of [undefined, 0, 1, 2, 3, 11, 100, 1.5]) {
					const p = count === undefined ? params : { ...params, count };
					expect(mine(key, p), `${code} ${key} count=${count}`).toBe(reference(key, p));
				}
				expect(mine(key)).toBe(reference(key));
			}
		});
	}

	it('has every key of da.json in every locale, with the same placeholders', () => {
		const source = new Map(flat(messages.da).map((k) => [k.replace(pluralSuffix, ''), k]));
		for (const { code } of locales) {
			const keys = flat(messages[code]);
			const bases = new Set(keys.map((k) => k.replace(pluralSuffix, '')));
			expect([...source.keys()].filter((k) => !bases.has(k)), `${code} missing`).toEqual([]);
			expect([...bases].filter((k) => !source.has(k)), `${code} extra`).toEqual([]);
			for (const key of keys) {
				const value = key.split('.').reduce<unknown>((n, p) => (n as Messages)[p], messages[code]) as string;
				const daKey = source.get(key.replace(pluralSuffix, ''))!;
				const daValue = daKey.split('.').reduce<unknown>((n, p) => (n as Messages)[p], messages.da) as string;
				// A plural form may say "one" in words instead of {{count}}; other placeholders must match.
				const strip = (list: string[]) => list.filter((x) => x !== 'count');
				expect(strip(placeholders(value)), `${code} ${key}`).toEqual(strip(placeholders(daValue)));
			}
		}
	});

	it('has every plural form each language needs', () => {
		for (const { code } of locales) {
			const keys = new Set(flat(messages[code]));
			const needed = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
			const plurals = new Set(flat(messages.da).filter((k) => pluralSuffix.test(k)).map((k) => k.replace(pluralSuffix, '')));
			for (const base of plurals) for (const form of needed) expect(keys.has(`${base}_${form}`), `${code} ${base}_${form}`).toBe(true);
		}
	});

	it('leaves unknown keys and missing values visible rather than blank', () => {
		const t = createTranslator('da', { a: 'Hej {{name}}' });
		expect(t('nope')).toBe('nope');
		expect(t('a', {})).toBe('Hej {{name}}');
	});
});
