import { describe, expect, it } from 'vitest';
// A plain Node script (`npm run lix`).
import { lix, measure } from '../../../scripts/lix.js';

describe('LIX', () => {
	it('counts words, sentences and words over six letters', () => {
		expect(measure('Hej {{name}}. Du er logget ind på din telefon!')).toEqual({ words: 9, sentences: 2, long: 1 });
		// A label is one sentence; a placeholder is one short word; e-mail is one word.
		expect(measure('Din e-mail')).toEqual({ words: 2, sentences: 1, long: 0 });
		// As LIX counts, a colon ends a sentence too.
		expect(measure('Kontaktperson: {{name}}')).toEqual({ words: 2, sentences: 2, long: 1 });
	});

	it('gives the textbook figure: words per sentence plus the share of long words', () => {
		// 9 words in 2 sentences (4.5) and 1 long word in 9 (11.1).
		expect(lix(measure('Hej {{name}}. Du er logget ind på din telefon!'))).toBeCloseTo(15.6, 1);
		expect(lix({ words: 0, sentences: 1, long: 0 })).toBe(0);
	});
});
