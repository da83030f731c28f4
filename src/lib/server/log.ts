/**
 * Error lines for the server log that never carry what must not be logged: passwords,
 * tokens, emails or message text. Drizzle puts the failed SQL and its parameters into
 * error messages ("Failed query: … params: …"); only the SQLSTATE and the first words of
 * the message survive here, with anything that looks like a secret masked.
 */
import { sqlState } from './db';

const secretLike = [
	/[a-z2-7]{20,}\.[a-z2-7]{20,}/gi, // id.secret tokens
	/\$argon2[a-z]*\$[^\s,"']+/gi, // password hashes
	/[^\s@"'<>(),]+@[^\s@"'<>(),]+\.[a-z]{2,}/gi // emails
];

export function describeError(error: unknown): string {
	if (!(error instanceof Error)) return typeof error;
	const code = sqlState(error);
	let message = (error.message.split('\n')[0] ?? '').replace(/\s*params:.*$/s, '');
	if (message.startsWith('Failed query:')) message = 'Failed query';
	for (const pattern of secretLike) message = message.replace(pattern, '[redacted]');
	const cause = error.cause instanceof Error && !code ? `; cause: ${describeError(error.cause)}` : '';
	return `${error.name}${code ? ` (SQLSTATE ${code})` : ''}: ${message.slice(0, 200)}${cause}`;
}
