import { endpoints, openApiDocument } from '$lib/server/api-openapi';
import { rateLimit } from '$lib/server/api-tokens';
import { apiScopes } from '$lib/codes';
import type { PageServerLoad } from './$types';

/** A page to read: nothing on it needs JavaScript. */
export const csr = false;

type JsonSchema = {
	type?: string | string[];
	format?: string;
	enum?: unknown[];
	const?: unknown;
	$ref?: string;
	items?: JsonSchema;
	anyOf?: JsonSchema[];
	oneOf?: JsonSchema[];
	properties?: Record<string, JsonSchema>;
	required?: string[];
	description?: string;
	minimum?: number;
	maximum?: number;
};

/** A schema's type in a few words: `string (uuid)`, `"work" | "school"`, `Member[]`, `… | null`. */
function typeOf(s: JsonSchema): string {
	if (s.$ref) return s.$ref.split('/').pop()!;
	if (s.const !== undefined) return JSON.stringify(s.const);
	if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
	const union = s.anyOf ?? s.oneOf;
	if (union) return union.map(typeOf).join(' | ');
	if (s.type === 'array' && s.items) return `${typeOf(s.items)}[]`;
	const type = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any');
	const range = s.minimum !== undefined && s.maximum !== undefined ? ` ${s.minimum}–${s.maximum}` : '';
	return `${type}${s.format ? ` (${s.format})` : ''}${range}`;
}

/** A component's fields, or for a union its variants' fields. */
function fields(s: JsonSchema): { name: string; type: string; required: boolean; description: string }[][] {
	const variants = s.oneOf ?? s.anyOf ?? [s];
	return variants.map((v) =>
		Object.entries(v.properties ?? {}).map(([name, p]) => ({
			name,
			type: typeOf(p),
			required: v.required?.includes(name) ?? false,
			description: p.description ?? ''
		}))
	);
}

/**
 * The API's reference, readable: made from the same OpenAPI document the endpoint serves (its
 * endpoints, parameters and schemas), with the explanations in the reader's language.
 */
export const load: PageServerLoad = ({ url }) => {
	const doc = openApiDocument(url.origin);
	const schemas = doc.components.schemas as Record<string, JsonSchema>;
	return {
		base: `${url.origin}/api/v1`,
		rate: rateLimit(),
		scopes: [...apiScopes],
		endpoints: endpoints.map((e) => ({
			...e,
			key: `${e.method}${e.path.replace(/\{id\}/g, 'ById').replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())}`
		})),
		schemas: Object.keys(schemas).map((name) => ({ name, fields: fields(schemas[name]) }))
	};
};
