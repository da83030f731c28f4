import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect';

const origin = 'http://localhost:3000';
const go = (next: unknown) => safeRedirectTarget(next, origin, '/home');

describe('safe redirect target', () => {
	it('keeps a local path with its query and fragment', () => {
		expect(go('/staff/families/abc?tab=team#members')).toBe('/staff/families/abc?tab=team#members');
		expect(go('/')).toBe('/');
	});

	it.each([
		['protocol-relative', '//evil.example'],
		['backslash', '/\\evil.example'],
		['tab between slashes (found in the attack)', '/\t/evil.example'],
		['newline', '/\n/evil.example'],
		['carriage return and newline (header injection)', '/home\r\nSet-Cookie: x=1'],
		['NUL', '/home\u0000'],
		['C1 control', '/\u0085/evil.example'],
		['dot segment that normalises to //', '/.//evil.example'],
		['dot-dot segment that normalises to //', '/a/..//evil.example'],
		['absolute URL', 'https://evil.example/'],
		['scheme', 'javascript:alert(1)'],
		['relative path', 'home'],
		['empty', ''],
		['not a string', ['/home']],
		['missing', null],
		['very long', '/' + 'a'.repeat(3000)]
	])('sends %s home', (_, next) => {
		expect(go(next)).toBe('/home');
	});

	it('keeps encoded characters encoded, so they cannot turn into a second slash', () => {
		expect(go('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
		expect(go('/%09/evil.example')).toBe('/%09/evil.example');
	});
});
