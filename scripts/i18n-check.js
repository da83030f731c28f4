#!/usr/bin/env node
/**
 * The translation check (`npm run i18n:check`, part of `npm test`). For every locale in
 * messages/ against the source, da.json, it fails on:
 * - a key of da.json that is missing, or a key that da.json does not have;
 * - a placeholder ({{name}}) that differs from the source's;
 * - a plural key without a category that the locale needs (Intl.PluralRules), or with one it
 *   does not use (`_zero` is allowed everywhere: the translator gives 0 its own wording);
 * - an empty value;
 * - a value identical to the Danish (or, outside English, the English) one, which is almost
 *   always copy nobody translated; `sameEverywhere` lists the deliberate exceptions.
 * It prints each locale's number of keys and what is wrong, and exits 1 if anything is.
 */
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../messages/', import.meta.url);
const categories = ['zero', 'one', 'two', 'few', 'many', 'other'];
const pluralSuffix = new RegExp(`_(${categories.join('|')})$`);

/** Values that are the same in every language on purpose: names and codes, not copy. */
export const sameEverywhere = new Set(['app.name']);
/** Per locale, words that really are spelled as in Danish or English there. */
/** @type {Record<string, Set<string>>} */
// "kr." is how Danish kroner are written in these languages too.
export const sameInLocale = {
	en: new Set([
		'nav.label',
		'staff.members',
		'conversations.send',
		'activities.send',
		'activities.cost_once',
		'staffOpportunities.form.email'
	]),
	so: new Set(['activities.cost_once']),
	tr: new Set(['activities.cost_once', 'staffOpportunities.form.phone'])
};

/** @typedef {{ [key: string]: string | Messages }} Messages */

/** @type {(node: Messages, prefix?: string) => [string, string | Messages][]} */
const flat = (node, prefix = '') =>
	Object.entries(node).flatMap(([k, v]) => (v && typeof v === 'object' ? flat(v, `${prefix}${k}.`) : [[prefix + k, v]]));
/** @param {unknown} text */
const placeholders = (text) => new Set([...String(text).matchAll(/\{\{\s*(.+?)\s*\}\}/g)].map((m) => m[1]));
/** @param {Set<string>} a @param {Set<string>} b */
const same = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
/** @param {Set<string>} set */
const list = (set) => [...set].map((p) => `{{${p}}}`).join(' ') || 'none';

/**
 * Problems of one locale's messages against the source's.
 * @param {string} locale
 * @param {Messages} messages
 * @param {Messages} source
 * @param {Messages | null} english
 * @returns {{ keys: number, problems: string[] }}
 */
export function check(locale, messages, source, english) {
	/** @type {string[]} */
	const problems = [];
	const entries = new Map(flat(messages));
	const src = new Map(flat(source));
	const en = english ? new Map(flat(english)) : new Map();
	const needed = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);

	// Source keys grouped by base: plural keys (key_one, key_other) count as one key.
	/** @type {Map<string, string[]>} */
	const bases = new Map();
	for (const key of src.keys()) {
		const base = key.replace(pluralSuffix, '');
		bases.set(base, [...(bases.get(base) ?? []), key]);
	}
	/** @type {Map<string, string[]>} */
	const ownBases = new Map();
	for (const key of entries.keys()) {
		const base = key.replace(pluralSuffix, '');
		ownBases.set(base, [...(ownBases.get(base) ?? []), key]);
	}

	for (const [base, srcKeys] of bases) {
		const own = ownBases.get(base);
		if (!own) {
			problems.push(`missing: ${base}`);
			continue;
		}
		const srcPlural = srcKeys.some((k) => pluralSuffix.test(k));
		const ownPlural = own.some((k) => pluralSuffix.test(k));
		const expected = new Set(srcKeys.flatMap((k) => [...placeholders(src.get(k))]));
		if (srcPlural) {
			if (!ownPlural) {
				problems.push(`not a plural key: ${base} (needs ${[...needed].join(', ')})`);
				continue;
			}
			const has = new Set(own.map((k) => pluralSuffix.exec(k)?.[1] ?? ''));
			has.delete('');
			const lacking = [...needed].filter((c) => !has.has(c));
			const extra = [...has].filter((c) => !needed.has(/** @type {Intl.LDMLPluralRule} */ (c)) && c !== 'zero');
			if (lacking.length) problems.push(`plural ${base} lacks ${lacking.map((c) => `_${c}`).join(', ')}`);
			if (extra.length) problems.push(`plural ${base} has ${extra.map((c) => `_${c}`).join(', ')}, which ${locale} does not use`);
			if (own.includes(base)) problems.push(`plural ${base} also has a plain key`);
		} else if (ownPlural) {
			problems.push(`plural forms for ${base}, which is not a plural key in da.json`);
		}
		for (const key of own) {
			const value = entries.get(key);
			if (typeof value !== 'string' || value.trim() === '') {
				problems.push(`empty: ${key}`);
				continue;
			}
			const found = placeholders(value);
			// In a plural form the number may be a word ("one person"): {{count}} is optional there.
			const wanted = srcPlural ? new Set([...expected].filter((p) => p !== 'count')) : expected;
			const extra = [...found].filter((p) => !expected.has(p));
			if (!same(found, expected) && (extra.length || ![...wanted].every((p) => found.has(p))))
				problems.push(`placeholders in ${key}: ${list(found)}, source has ${list(expected)}`);
			if (sameEverywhere.has(base) || sameInLocale[locale]?.has(base) || !/\p{L}/u.test(value.replace(/\{\{.+?\}\}/g, ''))) continue;
			const srcValue = src.get(key) ?? src.get(srcKeys.find((k) => k.endsWith('_other')) ?? base);
			if (value === srcValue) problems.push(`untranslated (as in da): ${key}: ${JSON.stringify(value)}`);
			else if (locale !== 'en' && value === (en.get(key) ?? en.get(`${base}_other`)))
				problems.push(`untranslated (as in en): ${key}: ${JSON.stringify(value)}`);
		}
	}
	for (const base of ownBases.keys()) if (!bases.has(base)) problems.push(`not in da.json: ${base}`);
	return { keys: entries.size, problems };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	/** @param {string} file */
	const read = (file) => JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
	const source = read('da.json');
	const english = read('en.json');
	let failed = 0;
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort();
	console.log(`Translation check: ${files.length - 1} locales against da.json (${flat(source).length} keys)`);
	for (const file of files) {
		const locale = file.slice(0, -5);
		if (locale === 'da') continue;
		let messages;
		try {
			messages = read(file);
		} catch (e) {
			console.log(`  ${locale}: not valid JSON (${/** @type {Error} */ (e).message})`);
			failed++;
			continue;
		}
		const { keys, problems } = check(locale, messages, source, locale === 'en' ? null : english);
		console.log(`  ${locale.padEnd(3)} ${String(keys).padStart(4)} keys  ${problems.length ? `${problems.length} problems` : 'ok'}`);
		for (const p of problems) console.log(`        ${p}`);
		if (problems.length) failed++;
	}
	if (failed) {
		console.error(`${failed} locale file(s) need work.`);
		process.exit(1);
	}
}
