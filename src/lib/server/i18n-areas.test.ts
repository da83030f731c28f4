/**
 * Every page is sent every namespace it uses, and no namespace it does not. "Uses" is read from
 * the source: the page's files (+page.svelte, +page.server.ts, …), the layouts and error pages
 * above it, and every file they import under src/ (transitively, by import statements). Any
 * string that is a message key ('login.title', key="home.greeting") or a template literal that
 * starts one (`memberRole.${kind}`) counts, so keys chosen by a ternary, a helper or a server
 * action (form.error) are found too. $lib/server is not read: services return codes, and the
 * route turns them into keys (`staffFamily.inviteError.${reason}`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import da from '../../../messages/da.json';
import type { Messages } from '$lib/i18n/translator';
import { commonNamespaces, routeNamespaces, namespacesFor, type Namespace } from './i18n-areas';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const routesDir = join(src, 'routes');

const flat = (o: Messages, prefix = ''): string[] =>
	Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flat(v, `${prefix}${k}.`)));
const keys = new Set(flat(da).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
const isKey = (s: string) => s.includes('.') && keys.has(s);
const isKeyStart = (s: string) => s.includes('.') && [...keys].some((k) => k.startsWith(s));

/** The message keys (and key beginnings, from template literals) written in one file's text. */
function keysIn(text: string): Set<string> {
	const found = new Set<string>();
	for (const [, , s] of text.matchAll(/(['"])([A-Za-z][\w.]*)\1/g)) if (isKey(s)) found.add(s);
	for (const [, s, end] of text.matchAll(/`([A-Za-z][\w.]*)(\$\{|`)/g)) if (end === '`' ? isKey(s) : isKeyStart(s)) found.add(s);
	return found;
}
// A key named in a comment ("e.g. { email: 'validation.emailInvalid' }") is not a use of it.
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->/g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
const namespacesOf = (found: Iterable<string>) => new Set([...found].map((k) => k.split('.')[0]));
const namespacesIn = (text: string) => namespacesOf(keysIn(text));

/**
 * Keys a page's imports hold that it never shows, checked by hand: these routes parse an id
 * with uuidField/tokenIdField ($lib/schemas/forms, message 'validation.invalid') and answer a
 * bad one with a key of their own ('account.alreadyEnded', 'staffFamily.inviteError.notFound').
 */
const notShown: Record<string, string[]> = {
	'/account': ['validation.invalid'],
	'/staff/families/[id=uuid]': ['validation.invalid']
};

/** Local files a file imports: $lib/… and relative paths, not packages or $lib/server. */
function importsOf(file: string, text: string): string[] {
	const out: string[] = [];
	for (const [, spec] of text.matchAll(/\bimport\s+(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/g)) {
		if (spec.startsWith('$lib/server') || spec.startsWith('$server')) continue;
		const base = spec.startsWith('$lib/') ? join(src, 'lib', spec.slice(5)) : spec.startsWith('.') ? resolve(dirname(file), spec) : null;
		if (!base || relative(src, base).startsWith('lib/server') || base.endsWith('.json') || base.endsWith('.css')) continue;
		const found = [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
		if (found && /\.(svelte|ts|js)$/.test(found)) out.push(found);
	}
	return out;
}

/** The namespaces used by these files and everything they import, less keys never shown. */
function usedBy(entries: string[], except: string[] = []): Set<string> {
	const seen = new Set<string>();
	const used = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file)) return;
		seen.add(file);
		const text = readFileSync(file, 'utf8');
		for (const key of keysIn(withoutComments(text))) if (!except.includes(key)) used.add(key);
		for (const next of importsOf(file, text)) visit(next);
	};
	entries.filter((f) => existsSync(f)).forEach(visit);
	return namespacesOf(used);
}

/** Route id ('/(family)/home') → its directory, for every directory holding a page. */
function routes(dir = routesDir): Map<string, string> {
	const found = new Map<string, string>();
	const names = readdirSync(dir, { withFileTypes: true });
	if (names.some((n) => /^\+page\.(svelte|server\.ts|ts)$/.test(n.name))) found.set(`/${relative(routesDir, dir)}`, dir);
	for (const n of names) if (n.isDirectory()) for (const [id, d] of routes(join(dir, n.name))) found.set(id, d);
	return found;
}

/** A page's own files, and the layouts and error pages above it, which render with it. */
function filesOf(dir: string): string[] {
	const files = ['+page.svelte', '+page.server.ts', '+page.ts'].map((f) => join(dir, f));
	for (let d = dir; ; d = dirname(d)) {
		files.push(...['+layout.svelte', '+layout.server.ts', '+layout.ts', '+error.svelte'].map((f) => join(d, f)));
		if (d === routesDir) return files;
	}
}

const all = Object.keys(da) as Namespace[];
const missing = (used: Set<string>, sent: readonly string[]) => [...used].filter((ns) => !sent.includes(ns)).sort();

describe('message areas', () => {
	const pages = routes();

	it('knows every page, and only pages that exist', () => {
		expect(
			[...pages.keys()].filter((id) => !(id in routeNamespaces)),
			'pages missing from routeNamespaces'
		).toEqual([]);
		expect(
			Object.keys(routeNamespaces).filter((id) => !pages.has(id)),
			'routeNamespaces for no page'
		).toEqual([]);
	});

	it('sends the root layout and the error page what they use on every page, even a 404', () => {
		const rootFiles = ['+layout.svelte', '+layout.server.ts', '+error.svelte'].map((f) => join(routesDir, f));
		expect(missing(usedBy(rootFiles), namespacesFor(null, all))).toEqual([]);
	});

	for (const [id, dir] of routes()) {
		it(`sends ${id} every namespace it uses, and only those`, () => {
			const used = usedBy(filesOf(dir), notShown[id]);
			expect(missing(used, namespacesFor(id, all)), 'used but not sent').toEqual([]);
			expect(missing(new Set(routeNamespaces[id]), [...used]), 'sent but not used').toEqual([]);
		});
	}

	it('has server code in routes return message keys, never translated text', () => {
		const serverFiles = (dir: string): string[] =>
			readdirSync(dir, { withFileTypes: true }).flatMap((n) =>
				n.isDirectory()
					? serverFiles(join(dir, n.name))
					: /^\+(page\.server|layout\.server|server)\.ts$/.test(n.name)
						? [join(dir, n.name)]
						: []
			);
		const translating = serverFiles(routesDir).filter((f) => /\.t\(|translatorFor/.test(withoutComments(readFileSync(f, 'utf8'))));
		expect(translating.map((f) => relative(src, f))).toEqual([]);
	});

	it('finds keys through components, ternaries, helpers and template literals', () => {
		// MemberList's `memberRole.${…}`, TeamList's key('team.title'), ContactCard's ternary.
		expect(usedBy(filesOf(pages.get('/(family)/home')!))).toEqual(
			new Set([
				...commonNamespaces,
				'home',
				'readAloud',
				'meetingType',
				'contact',
				'team',
				'members',
				'memberRole',
				'department',
				'lifeArea'
			])
		);
		expect(namespacesIn("i18n.t(staffView ? 'contact.titleStaff' : 'contact.title')")).toEqual(new Set(['contact']));
		expect(namespacesIn('fail(409, { e: `staffFamily.inviteError.${reason}` })')).toEqual(new Set(['staffFamily']));
		expect(namespacesIn('<Sentence key="home.greeting" />')).toEqual(new Set(['home']));
		// Dotted strings that are not keys ('invitation.create' is a permission) do not count.
		expect(namespacesIn("familyGrant(db, user, id, 'invitation.create'); import './app.css'")).toEqual(new Set());
	});
});
