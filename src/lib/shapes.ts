/**
 * The shapes of identifiers that arrive from outside (URLs, forms, cookies). Everything is
 * checked against these before it reaches a query, so a malformed id is "not found" or a
 * 400, never a database error. Used by route matchers, zod schemas and the token code alike.
 */

/** A UUID as PostgreSQL prints it (any version): 8-4-4-4-12 hex digits. */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One half of an `id.secret` token: 24 random bytes in lower-case base32, no padding. */
export const tokenPartPattern = /^[a-z2-7]{39}$/;

/** A whole `id.secret` session or invitation token. */
export const tokenPattern = /^[a-z2-7]{39}\.[a-z2-7]{39}$/;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && uuidPattern.test(value);
