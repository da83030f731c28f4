import { error } from '@sveltejs/kit';

/**
 * Routes turn a service's "nothing for you here" (null) into the one 404 page. Services do
 * not throw HTTP errors: they are called from routes, the API and jobs alike.
 */
export function notFound(): never {
	error(404, 'notFound');
}
