import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { createTranslator, parts, type Messages, type Translate } from './translator';
import { messages, translatorFor } from '$lib/server/i18n';
import { locales, defaultLocale, type Locale } from './locales';

// i18next is the oracle only (a dev dependency): our reader must give exactly its text.
const oracle = i18next.createInstance();
oracle.init({
	resources: Object.fromEntries(Object.entries(messages).map(([code, m]) => [code, { translation: m }])),
	supportedLngs: locales.map((l) => l.code),
	fallbackLng: defaultLocale,
	initAsync: false,
	interpolation: { escapeValue: false }, // Svelte escapes on output
	returnNull: false
});
const reference = (locale: Locale) => oracle.getFixedT(locale) as unknown as Translate;

const flat = (o: Messages, prefix = ''): string[] =>
	Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flat(v, `${prefix}${k}.`)));
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const placeholders = (s: string) => [...s.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1].trim()).sort();

describe('translator', () => {
	for (const { code } of locales) {
		it(`gives exactly i18next's text for every ${code} key`, () => {
			const mine = createTranslator(code, messages[code]);
			const theirs = reference(code);
			const keys = new Set(flat(messages[code]).map((k) => k.replace(pluralSuffix, '')));
			const params = {
				name: 'Mette Kjær',
				date: '7. december',
				time: '14.30',
				min: 8,
				year: 2011,
				languages: 'dansk',
				staff: 'Ali',
				role: 'Barn',
				email: 'a@b.dk'
			};
			for (const key of keys) {
				for (const count of [undefined, 0, 1, 2, 3, 11, 100, 1.5]) {
					const p = count === undefined ? params : { ...params, count };
					expect(mine(key, p), `${code} ${key} count=${count}`).toBe(theirs(key, p));
				}
				expect(mine(key)).toBe(theirs(key));
			}
		});
	}

	it('has every key of da.json in every locale, with the same placeholders', () => {
		const source = new Map(flat(messages.da).map((k) => [k.replace(pluralSuffix, ''), k]));
		for (const { code } of locales) {
			const keys = flat(messages[code]);
			const bases = new Set(keys.map((k) => k.replace(pluralSuffix, '')));
			expect(
				[...source.keys()].filter((k) => !bases.has(k)),
				`${code} missing`
			).toEqual([]);
			expect(
				[...bases].filter((k) => !source.has(k)),
				`${code} extra`
			).toEqual([]);
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
			const plurals = new Set(
				flat(messages.da)
					.filter((k) => pluralSuffix.test(k))
					.map((k) => k.replace(pluralSuffix, ''))
			);
			for (const base of plurals) for (const form of needed) expect(keys.has(`${base}_${form}`), `${code} ${base}_${form}`).toBe(true);
		}
	});

	it('is the translator the server uses too', () => {
		expect(translatorFor('ar')('staff.members', { count: 2 })).toBe(createTranslator('ar', messages.ar)('staff.members', { count: 2 }));
	});

	it('leaves unknown keys and missing values visible rather than blank', () => {
		const t = createTranslator('da', { a: 'Hej {{name}}' });
		expect(t('nope')).toBe('nope');
		expect(t('a', {})).toBe('Hej {{name}}');
	});
});

describe('sentences with people’s own words', () => {
	it('cuts the translation at the named placeholders only, keeping the word order', () => {
		expect(parts('مرحبًا {{name}}. هذا الرابط لك من {{ staff }}.', { name: 'Amina', staff: 'Mette' })).toEqual([
			'مرحبًا ',
			{ name: 'name', value: 'Amina' },
			'. هذا الرابط لك من ',
			{ name: 'staff', value: 'Mette' },
			'.'
		]);
		expect(parts('{{name}} har {{count}}', { name: 'Ali' })).toEqual([{ name: 'name', value: 'Ali' }, ' har {{count}}']);
	});
	it('keeps a value as it is, even one that looks like markup or a placeholder', () => {
		const value = '<b>{{staff}}</b>';
		expect(parts('Hej {{name}} og {{staff}}', { name: value, staff: 'x' })).toEqual([
			'Hej ',
			{ name: 'name', value },
			' og ',
			{ name: 'staff', value: 'x' }
		]);
	});
});
