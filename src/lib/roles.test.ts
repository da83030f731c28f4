import { describe, expect, it } from 'vitest';
import { mayHaveSignIn, memberKind } from './roles';

describe('member kinds follow the birth year', () => {
	it('makes a child a teenager, with a sign-in, in the year they turn 13, without changing a role', () => {
		const sara = { role: 'child', birthYear: 2014 } as const;
		expect(memberKind(sara, 2026)).toBe('child');
		expect(mayHaveSignIn(sara, 2026)).toBe(false);
		expect(memberKind(sara, 2027)).toBe('teenager');
		expect(mayHaveSignIn(sara, 2027)).toBe(true);
	});

	it('keeps adults adults, and a child without a known birth year under 13', () => {
		expect(memberKind({ role: 'parent', birthYear: null }, 2026)).toBe('parent');
		expect(mayHaveSignIn({ role: 'other_adult', birthYear: 1950 }, 2026)).toBe(true);
		expect(mayHaveSignIn({ role: 'child', birthYear: null }, 2026)).toBe(false);
	});
});
