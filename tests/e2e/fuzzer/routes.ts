/**
 * The app's routes as the fuzzer sees them, read from src/routes at test time, so a route or
 * form action added later is fuzzed without anyone editing the fuzzer.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface Target {
	/** e.g. '/staff/families/[id=uuid]' (route groups removed). */
	route: string;
	method: string;
	/** Form action name: 'default', or a named one ('?/invite'). */
	action?: string;
	/** Form field names the page or its action reads. */
	fields: string[];
}

const routesDir = path.resolve('src/routes');

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? walk(full) : [full];
	});
}

/** Names in `export const actions = { … }`: the keys at the object's first level. */
function actionNames(source: string): string[] {
	const start = source.indexOf('export const actions');
	if (start < 0) return [];
	const body = source.slice(source.indexOf('{', start) + 1);
	const names: string[] = [];
	let depth = 0;
	for (const line of body.split('\n')) {
		if (depth === 0) {
			const m = /^\s*(\w+)\s*:/.exec(line);
			if (m) names.push(m[1]);
		}
		for (const ch of line) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
		if (depth < 0) break;
	}
	return names;
}

function fieldNames(...sources: string[]): string[] {
	const names = new Set<string>();
	for (const s of sources) {
		for (const m of s.matchAll(/name="([\w-]+)"/g)) names.add(m[1]);
		for (const m of s.matchAll(/\bform\.(\w+)/g)) names.add(m[1]);
		for (const m of s.matchAll(/readForm\([^)]*\)\)\.(\w+)/g)) names.add(m[1]);
	}
	return [...names];
}

export function discover(): Target[] {
	const targets: Target[] = [];
	const read = (f: string) => {
		try {
			return readFileSync(f, 'utf8');
		} catch {
			return '';
		}
	};
	for (const file of walk(routesDir)) {
		const base = path.basename(file);
		const dir = path.dirname(file);
		const route =
			(
				'/' +
				path
					.relative(routesDir, dir)
					.split(path.sep)
					.filter((s) => s && !/^\(.*\)$/.test(s))
					.join('/')
			).replace(/\/$/, '') || '/';
		if (base === '+page.server.ts' || base === '+page.svelte') {
			if (base === '+page.svelte' && targets.some((t) => t.route === route && t.method === 'GET')) continue;
			if (!targets.some((t) => t.route === route && t.method === 'GET')) targets.push({ route, method: 'GET', fields: [] });
		}
		if (base === '+page.server.ts') {
			const source = read(file);
			const fields = fieldNames(source, read(path.join(dir, '+page.svelte')));
			for (const action of actionNames(source)) targets.push({ route, method: 'POST', action, fields });
		}
		if (base === '+server.ts') {
			for (const m of read(file).matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) {
				targets.push({ route, method: m[1], fields: [] });
			}
		}
	}
	return targets;
}
