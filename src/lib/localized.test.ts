import { describe, expect, it } from 'vitest';
import { pickText } from './localized';

describe('text written in several languages', () => {
	const text = { da: 'Jeg hjælper med bolig.', ar: 'أساعد في السكن.' };
	it('gives the reader their own language, else Danish, else what there is, saying which', () => {
		expect(pickText(text, 'ar')).toEqual({ text: 'أساعد في السكن.', lang: 'ar' });
		expect(pickText(text, 'so')).toEqual({ text: 'Jeg hjælper med bolig.', lang: 'da' });
		expect(pickText({ uk: 'Допомагаю.' }, 'en')).toEqual({ text: 'Допомагаю.', lang: 'uk' });
	});
	it('skips blank texts and has nothing for nothing', () => {
		expect(pickText({ ar: '  ', da: 'Hej' }, 'ar')).toEqual({ text: 'Hej', lang: 'da' });
		expect(pickText({}, 'da')).toBeNull();
		expect(pickText(null, 'da')).toBeNull();
	});
});
