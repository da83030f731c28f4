#!/usr/bin/env node
/**
 * LIX (læsbarhedsindeks) of the Danish copy that families read: every string of
 * messages/da.json except the staff area's (namespaces `staff`, `staffFamily`, `inbox`,
 * `staffMessages`, and keys ending in `Staff`). LIX = words per sentence + 100 × long words (over 6 letters) per word; under 30
 * is "easy" (children's books), 30–40 ordinary. Each string is at least one sentence (a button
 * or heading ends where the string ends); a placeholder ({{name}}) counts as one short word.
 *
 * Prints the figure for the whole, per namespace, and the hardest strings; exits 1 when the
 * whole is above the limit (30, or the first argument), so `npm test` keeps the copy plain.
 */
import { readFileSync } from 'node:fs';

const limit = Number(process.argv[2] ?? 30);
const da = JSON.parse(readFileSync(new URL('../messages/da.json', import.meta.url), 'utf8'));
const staffNamespaces = new Set(['staff', 'staffFamily', 'inbox', 'staffMessages']);

/** @typedef {{ [key: string]: string | Messages }} Messages */
/** @typedef {{ words: number, sentences: number, long: number }} Counts */

/**
 * [key, text] for every family-facing string.
 * @param {Messages} node
 * @returns {[string, string][]}
 */
function strings(node, prefix = '') {
	return Object.entries(node).flatMap(([k, v]) => {
		const key = prefix + k;
		if (!prefix && staffNamespaces.has(k)) return [];
		if (typeof v !== 'string') return strings(v, `${key}.`);
		return /Staff(_\w+)?$/.test(k) ? [] : [[key, v]];
	});
}

/**
 * Words, sentences and long words of one text.
 * @param {string} text
 * @returns {Counts}
 */
export function measure(text) {
	const plain = text.replace(/\{\{.+?\}\}/g, 'Anna');
	const words = plain.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
	const long = words.filter((w) => w.replace(/[-'’]/g, '').length > 6).length;
	// A sentence ends at . ! ? or : followed by a space or the end; the string's end ends one too.
	const sentences = Math.max(
		1,
		(
			plain
				.trim()
				.replace(/[.!?:]+$/, '')
				.match(/[.!?:]+(\s|$)/g) ?? []
		).length + 1
	);
	return { words: words.length, sentences, long };
}

/** @param {Counts} counts */
export const lix = ({ words, sentences, long }) => (words === 0 ? 0 : words / sentences + (100 * long) / words);

/** @param {Counts[]} list @returns {Counts} */
function sum(list) {
	return list.reduce((a, m) => ({ words: a.words + m.words, sentences: a.sentences + m.sentences, long: a.long + m.long }), {
		words: 0,
		sentences: 0,
		long: 0
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const all = strings(da).map(([key, text]) => ({ key, text, ...measure(text) }));
	const total = sum(all);
	// Labels and buttons are short "sentences" that pull the figure down: the running text
	// alone (strings that end like a sentence) is the figure to hold to the limit as well.
	const running = all.filter((s) => /[.!?]$/.test(s.text.trim()));
	const prose = lix(sum(running));
	const figure = lix(total);
	/** @type {Map<string, (Counts & { key: string, text: string })[]>} */
	const byNamespace = new Map();
	for (const s of all) byNamespace.set(s.key.split('.')[0], [...(byNamespace.get(s.key.split('.')[0]) ?? []), s]);
	console.log(
		`LIX of the family-facing Danish copy: ${figure.toFixed(1)} (${all.length} strings, ${total.words} words, ${total.sentences} sentences, ${total.long} long words)`
	);
	console.log(`LIX of its running text alone: ${prose.toFixed(1)} (${running.length} strings that end in . ! or ?)`);
	for (const [ns, list] of byNamespace)
		console.log(`  ${ns.padEnd(12)} ${lix(sum(list)).toFixed(1).padStart(5)}  (${list.length} strings)`);
	const hardest = all
		.filter((s) => s.words >= 6)
		.sort((a, b) => lix(b) - lix(a))
		.slice(0, 8);
	console.log('  hardest sentences:');
	for (const s of hardest) console.log(`  ${lix(s).toFixed(0).padStart(5)}  ${s.key}: ${s.text}`);
	if (figure > limit || prose > limit) {
		console.error(`LIX ${Math.max(figure, prose).toFixed(1)} is above ${limit}: rewrite the hardest sentences in plainer Danish.`);
		process.exit(1);
	}
}
