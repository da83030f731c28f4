/**
 * The one check for every "go back to" target (`next` after sign-in, after choosing a
 * language, and any later flow). Only a path on this portal passes: it must start with a
 * single "/", hold no control characters or backslashes (browsers drop tabs and newlines and
 * read "\" as "/", which turns "/\t/evil.example" into "//evil.example"), and still be on
 * this origin after the URL parser has normalised it ("/.//evil.example" becomes
 * "//evil.example"). Anything else sends the person to the fallback.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const forbidden = /[\u0000-\u001f\u007f-\u009f\\]/;

export function safeRedirectTarget(next: unknown, origin: string, fallback: string): string {
	if (typeof next !== 'string' || next.length > 2048 || !next.startsWith('/') || next.startsWith('//')) return fallback;
	if (forbidden.test(next)) return fallback;
	let url: URL;
	try {
		url = new URL(next, origin);
	} catch {
		return fallback;
	}
	if (url.origin !== origin || url.pathname.startsWith('//')) return fallback;
	return url.pathname + url.search + url.hash;
}
