import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password';

describe('password rules', () => {
	it('asks for length, not composition', () => {
		expect(passwordProblem('kort')).toBe('tooShort');
		expect(passwordProblem('æøå')).toBe('tooShort');
		expect(passwordProblem('bare små bogstaver')).toBeNull();
		expect(passwordProblem('x'.repeat(64) + 'y')).toBeNull();
		expect(passwordProblem('ab'.repeat(65))).toBe('tooLong');
	});
	it('refuses common passwords and the email itself', () => {
		expect(passwordProblem('Password123')).toBe('tooCommon');
		expect(passwordProblem('kodeord123')).toBe('tooCommon');
		expect(passwordProblem('aaaaaaaaaa')).toBe('tooCommon');
		expect(passwordProblem('amina@example.org', 'amina@example.org')).toBe('tooCommon');
		expect(passwordProblem('opgang-demo-2026')).toBeNull();
	});
});

describe('password rules with a phone number', () => {
	it('refuse the person’s own phone number, however written', () => {
		for (const password of ['52601493', '52 60 14 93', '+4552601493', '004552601493', '4552601493']) {
			expect(passwordProblem(password, undefined, '+4552601493'), password).toBe('tooCommon');
		}
		expect(passwordProblem('52601494', undefined, '+4552601493')).toBeNull();
		expect(passwordProblem('blå cykel 52601493', undefined, '+4552601493')).toBeNull();
	});
});
