import { describe, expect, it } from 'vitest';
import { chooseVoice } from './voices';

const v = (lang: string, localService = true, isDefault = false) => ({ lang, localService, default: isDefault, name: lang });

describe('the voice that reads a language', () => {
	it('takes the region its speakers here most likely have, then any voice of the language', () => {
		expect(chooseVoice([v('fa-AF'), v('fa-IR'), v('en-US')], 'fa')?.lang).toBe('fa-IR');
		expect(chooseVoice([v('ur-IN'), v('ur_PK')], 'ur')?.lang).toBe('ur_PK');
		expect(chooseVoice([v('uk-UA')], 'uk')?.lang).toBe('uk-UA');
		expect(chooseVoice([v('ar-MA')], 'ar')?.lang).toBe('ar-MA');
	});

	it('prefers the exact tag asked for, a voice on the phone over one from the network, and the default', () => {
		expect(chooseVoice([v('en-US'), v('en-AU')], 'en-AU')?.lang).toBe('en-AU');
		expect(chooseVoice([v('da-DK', false), { ...v('da-DK'), name: 'local' }], 'da')).toMatchObject({ name: 'local' });
		expect(chooseVoice([v('tr-TR'), { ...v('tr-TR', true, true), name: 'default' }], 'tr')).toMatchObject({ name: 'default' });
	});

	it('has none for a language without a voice, rather than reading it in another one', () => {
		expect(chooseVoice([v('en-US'), v('da-DK')], 'so')).toBeNull();
		expect(chooseVoice([v('uk-UA')], 'ur')).toBeNull();
		expect(chooseVoice([], 'da')).toBeNull();
	});
});
