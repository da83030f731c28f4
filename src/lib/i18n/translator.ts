/**
 * The one translator: components in the browser, the server render and the server itself
 * (`locals.t`) all use it, so hydration matches and there is one set of rules. It reads
 * messages/*.json with the subset of i18next's rules those files use: dotted keys, {{name}}
 * interpolation, and plural keys chosen by Intl.PluralRules (key_zero for 0 first, then
 * key_one/_two/_few/_many/_other). Why not i18next itself: it would add ~14 KB gzip to every
 * page, over a phone's budget. translator.test.ts checks every key of every locale against
 * i18next's own output (i18next is a dev dependency, kept only as that oracle).
 */
import type { Locale } from './locales';

export type Messages = { [key: string]: string | Messages };
export type Params = Record<string, string | number | null | undefined>;
export type Translate = (key: string, params?: Params) => string;

export function createTranslator(locale: Locale, messages: Messages): Translate {
	const rules = new Intl.PluralRules(locale);
	const find = (key: string): string | undefined => {
		let node: string | Messages | undefined = messages;
		for (const part of key.split('.')) {
			if (!node || typeof node !== 'object') return undefined;
			node = node[part];
		}
		return typeof node === 'string' ? node : undefined;
	};
	return (key, params) => {
		let text: string | undefined;
		const count = params?.count;
		if (typeof count === 'number') {
			if (count === 0) text = find(`${key}_zero`);
			text ??= find(`${key}_${rules.select(count)}`);
		}
		text ??= find(key);
		if (text === undefined) return key;
		if (!params) return text;
		return text.replace(/\{\{(.+?)\}\}/g, (whole, name: string) => {
			const value = params[name.trim()];
			return value === undefined || value === null ? whole : String(value);
		});
	};
}

export type Part = string | { name: string; value: string };

/**
 * A translated text cut at the placeholders named in `values`, for a sentence that carries
 * someone's own words: the page sets each value apart (in <bdi>) as text, never as HTML.
 * Placeholders not in `values` stay as they are, like the translator leaves them.
 */
export function parts(text: string, values: Record<string, string>): Part[] {
	const out: Part[] = [];
	let at = 0;
	for (const m of text.matchAll(/\{\{(.+?)\}\}/g)) {
		const name = m[1].trim();
		if (!Object.hasOwn(values, name)) continue;
		if (m.index > at) out.push(text.slice(at, m.index));
		out.push({ name, value: values[name] });
		at = m.index + m[0].length;
	}
	if (at < text.length) out.push(text.slice(at));
	return out;
}
