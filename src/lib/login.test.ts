import { describe, expect, it } from 'vitest';
import { formatPhone, normalisePhone, parseLogin } from './login';

describe('phone numbers', () => {
	it('turns 8 Danish digits, however written, into +45 and 8 digits', () => {
		for (const typed of [
			'12345678',
			'12 34 56 78',
			'12-34-56-78',
			'12.34.56.78',
			' 1234 5678 ',
			'+45 12 34 56 78',
			'+4512345678',
			'0045 12 34 56 78',
			'004512345678',
			'(+45) 12 34 56 78',
			'12\u00a034\u00a056\u00a078',
			'12–34–56–78'
		]) {
			expect(normalisePhone(typed), typed).toBe('+4512345678');
		}
	});
	it('reads the digits phones in Arabic, Persian and Urdu type', () => {
		expect(normalisePhone('١٢ ٣٤ ٥٦ ٧٨')).toBe('+4512345678');
		expect(normalisePhone('۱۲۳۴۵۶۷۸')).toBe('+4512345678');
		expect(normalisePhone('１２３４５６７８')).toBe('+4512345678');
	});
	it('accepts international numbers with + or 00', () => {
		expect(normalisePhone('+46 70 123 45 67')).toBe('+46701234567');
		expect(normalisePhone('0046 70 123 45 67')).toBe('+46701234567');
		expect(normalisePhone('+252 61 234 5678')).toBe('+252612345678');
		expect(normalisePhone('+90 532 123 45 67')).toBe('+905321234567');
	});
	it('refuses what is not a phone number', () => {
		for (const typed of [
			'',
			'1234567',
			'123456789',
			'+45 1234 567',
			'+45 123 456 789',
			'+0 12345678',
			'abc',
			'12 34 56 7a',
			'+1234567890123456',
			'++4512345678',
			'45-12-34-56-78x'
		]) {
			expect(normalisePhone(typed), typed).toBeNull();
		}
	});
	it('shows Danish numbers in pairs', () => {
		expect(formatPhone('+4512345678')).toBe('+45 12 34 56 78');
		expect(formatPhone('+46701234567')).toBe('+46701234567');
	});
});

describe('e-mail or phone number', () => {
	it('is an e-mail when it has an @, normalised', () => {
		expect(parseLogin('  Halima@Example.ORG ')).toEqual({ kind: 'email', value: 'halima@example.org' });
		expect(parseLogin('not@an')).toBeNull();
	});
	it('is a phone number otherwise', () => {
		expect(parseLogin('52 60 14 93')).toEqual({ kind: 'phone', value: '+4552601493' });
		expect(parseLogin('halima')).toBeNull();
		expect(parseLogin('')).toBeNull();
	});
});
