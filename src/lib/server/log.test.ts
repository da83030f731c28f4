import { describe, expect, it } from 'vitest';
import { describeError } from './log';

describe('describeError', () => {
	it('keeps the SQLSTATE and drops the query parameters', () => {
		const error = new Error(
			'Failed query: insert into "users" ("email","password_hash") values ($1,$2)\nparams: amina@example.org,$argon2id$v=19$m=19456,t=2,p=1$abc$def',
			{
				cause: Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), { code: '23505' })
			}
		);
		const line = describeError(error);
		expect(line).toBe('Error (SQLSTATE 23505): Failed query');
		expect(line).not.toContain('amina');
		expect(line).not.toContain('argon2');
	});

	it('masks tokens, hashes and emails wherever they appear', () => {
		const token = 'abcdefghijklmnopqrstuvwxyz.abcdefghijklmnopqrstuvwxyz';
		const line = describeError(new TypeError(`cannot read ${token} for hodan@example.org`));
		expect(line).toBe('TypeError: cannot read [redacted] for [redacted]');
	});

	it('says what kind of thing was thrown when it is not an Error', () => {
		expect(describeError('oops')).toBe('string');
	});
});
