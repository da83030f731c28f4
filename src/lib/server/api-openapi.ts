/**
 * The OpenAPI 3.1 document of /api/v1, generated: the components are zod's JSON Schema of the
 * very schemas the endpoints parse and answer with (schemas/api.ts, as their input for request
 * bodies), the paths come from the list below, which the reference page reads too. Nothing is
 * written twice by hand.
 */
import { z } from 'zod';
import { apiComponents, pageQuery } from '$lib/schemas/api';
import { apiScopes, type ApiScope } from '$lib/codes';

export interface Endpoint {
	method: 'get' | 'post';
	path: string;
	scope: ApiScope;
	summary: string;
	/** A page of results: `limit` and `cursor` parameters. */
	paged?: boolean;
	/** The request body's component, if any. */
	body?: string;
	/** The answer's component and status. */
	response: string;
	status?: 200 | 201;
}

export const endpoints: Endpoint[] = [
	{ method: 'get', path: '/families', scope: 'families:read', summary: "The team's families.", paged: true, response: 'FamilyPage' },
	{ method: 'get', path: '/families/{id}', scope: 'families:read', summary: 'One family with its members.', response: 'FamilyDetail' },
	{
		method: 'get',
		path: '/families/{id}/outcomes',
		scope: 'outcomes:read',
		summary: "The family's outcomes: work or education, school absence, a teenager's leisure.",
		paged: true,
		response: 'OutcomePage'
	},
	{
		method: 'post',
		path: '/families/{id}/outcomes',
		scope: 'outcomes:write',
		summary: 'Record an outcome. The same member, kind and day again corrects it.',
		body: 'OutcomeInput',
		response: 'Created',
		status: 201
	},
	{
		method: 'get',
		path: '/families/{id}/meetings',
		scope: 'meetings:read',
		summary: "The family's meetings: when, how, with whom, and where each stands.",
		paged: true,
		response: 'MeetingPage'
	},
	{
		method: 'get',
		path: '/families/{id}/goals',
		scope: 'goals:read',
		summary: "The family's goals: where each stands.",
		paged: true,
		response: 'GoalPage'
	}
];

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });

function components(): Record<string, unknown> {
	const { schemas } = z.toJSONSchema(apiComponents, {
		io: 'input',
		target: 'draft-2020-12',
		uri: (id) => `#/components/schemas/${id}`,
		unrepresentable: 'any'
	});
	// Each schema's own $schema and $id would make it a document of its own: the OpenAPI document is the one.
	return Object.fromEntries(
		Object.entries(schemas).map(([name, s]) => {
			const { $schema: _s, $id: _i, ...rest } = s as Record<string, unknown>;
			return [name, rest];
		})
	);
}

function parameter(name: 'limit' | 'cursor') {
	const {
		$schema: _,
		description,
		...schema
	} = z.toJSONSchema(pageQuery.shape[name], { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
	return { name, in: 'query', required: false, description, schema };
}

/** The whole document, with the server's own origin. */
export function openApiDocument(origin: string) {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const e of endpoints) {
		const parameters: unknown[] = [];
		if (e.path.includes('{id}'))
			parameters.push({
				name: 'id',
				in: 'path',
				required: true,
				description: "A family's id.",
				schema: { type: 'string', format: 'uuid' }
			});
		if (e.paged) parameters.push(parameter('limit'), parameter('cursor'));
		const responses: Record<string, unknown> = {
			[String(e.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: ref(e.response) } } },
			'401': problemResponse('No token, or one that is wrong, expired or revoked.'),
			'403': problemResponse(`The token lacks the scope ${e.scope}.`),
			'429': {
				...problemResponse('Too many calls with this token: wait as Retry-After says.'),
				headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } }
			}
		};
		if (e.paged || e.body) responses['400'] = problemResponse('An invalid parameter or body; `errors` names the fields.');
		if (e.path.includes('{id}'))
			responses['404'] = problemResponse('No such family in your team (another team\u2019s family looks the same).');
		if (e.body) {
			responses['415'] = problemResponse('The body is not application/json.');
			responses['422'] = problemResponse('The member is not in this family, or the kind does not fit them.');
		}
		paths[e.path] ??= {};
		paths[e.path][e.method] = {
			summary: e.summary,
			operationId: `${e.method}${e.path.replace(/\{id\}/g, 'ById').replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())}`,
			security: [{ bearer: [e.scope] }],
			parameters,
			...(e.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(e.body) } } } } : {}),
			responses
		};
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Opgang API',
			version: '1.0.0',
			description:
				"For the team's other municipal systems. A token (made by the team leader) acts as its team, within its scopes. Errors are RFC 9457 problem details."
		},
		servers: [{ url: `${origin}/api/v1` }],
		security: [{ bearer: [] }],
		paths,
		components: {
			securitySchemes: {
				bearer: { type: 'http', scheme: 'bearer', description: `Authorization: Bearer <token>. Scopes: ${apiScopes.join(', ')}.` }
			},
			schemas: components()
		}
	};
}
