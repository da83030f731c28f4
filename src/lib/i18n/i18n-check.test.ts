import { describe, expect, it } from 'vitest';
// A plain Node script (`npm run i18n:check`), typed with JSDoc.
import { check } from '../../../scripts/i18n-check.js';

const da = {
	home: { greeting: 'Hej {{name}}', intro: 'Her kan du se dit team.' },
	wait_one: 'Vent {{count}} sekund.',
	wait_other: 'Vent {{count}} sekunder.'
};
const en = {
	home: { greeting: 'Hello {{name}}', intro: 'Here you can see your team.' },
	wait_one: 'Wait {{count}} second.',
	wait_other: 'Wait {{count}} seconds.'
};
const problems = (locale: string, messages: object) => check(locale, messages as never, da, locale === 'en' ? null : en).problems;

describe('the translation check', () => {
	const uk = {
		home: { greeting: 'Привіт, {{name}}', intro: 'Тут ви бачите свою команду.' },
		wait_one: 'Зачекайте {{count}} секунду.',
		wait_few: 'Зачекайте {{count}} секунди.',
		wait_many: 'Зачекайте {{count}} секунд.',
		wait_other: 'Зачекайте {{count}} секунди.'
	};

	it('passes a complete translation with the locale’s own plural forms', () => {
		expect(problems('uk', uk)).toEqual([]);
		expect(
			problems('fa', {
				home: { greeting: 'سلام {{name}}', intro: 'اینجا تیم خود را می‌بینید.' },
				wait_one: 'یک ثانیه صبر کنید.',
				wait_other: '{{count}} ثانیه صبر کنید.'
			})
		).toEqual([]);
	});

	it('finds a missing key and one that da.json does not have', () => {
		expect(problems('uk', { ...uk, home: { greeting: uk.home.greeting }, extra: 'Щось' })).toEqual([
			'missing: home.intro',
			'not in da.json: extra'
		]);
	});

	it('finds a placeholder that differs from the source', () => {
		expect(problems('uk', { ...uk, home: { ...uk.home, greeting: 'Привіт, {{nam}}' } })).toEqual([
			'placeholders in home.greeting: {{nam}}, source has {{name}}'
		]);
	});

	it('finds a plural category the locale needs, and one it does not use', () => {
		const { wait_few: _, ...withoutFew } = uk;
		expect(problems('uk', withoutFew)).toEqual(['plural wait lacks _few']);
		expect(
			problems('fa', { home: { greeting: 'سلام {{name}}', intro: 'اینجا.' }, wait_one: 'یک', wait_few: 'چند', wait_other: '{{count}}' })
		).toEqual(['plural wait has _few, which fa does not use']);
	});

	it('finds an empty value, and copy left in Danish or English', () => {
		expect(problems('uk', { ...uk, home: { greeting: ' ', intro: 'Here you can see your team.' } })).toEqual([
			'empty: home.greeting',
			'untranslated (as in en): home.intro: "Here you can see your team."'
		]);
		expect(problems('en', { ...en, home: { ...en.home, intro: 'Her kan du se dit team.' } })).toEqual([
			'untranslated (as in da): home.intro: "Her kan du se dit team."'
		]);
	});
});
