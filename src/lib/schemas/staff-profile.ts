/**
 * A staff member's own profile (/staff/profile), read at the edge: the phone families call, the
 * languages they can talk with a family in, the life areas they help with, and "what I can help
 * with" in their own words, per portal language. Checkboxes come as one field each
 * ("lang_so=on", "topic_work=on", "help_ar=…").
 */
import { z } from 'zod';
import { lifeAreas, staffHelpTextMaxLength } from '$lib/codes';
import { locales } from '$lib/i18n/locales';
import { phone } from './opportunities';

const languageCode = /^[a-z]{2,3}$/;

export const profileForm = z.record(z.string(), z.string()).transform((form, ctx) => {
	const number = (form.phone ?? '').trim();
	if (number && !phone.safeParse(number).success) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'validation.phoneInvalid' });
	const languages = Object.keys(form)
		.filter((k) => k.startsWith('lang_') && form[k] === 'on')
		.map((k) => k.slice(5))
		.filter((c) => languageCode.test(c))
		.slice(0, 30);
	if (languages.length === 0) ctx.addIssue({ code: 'custom', path: ['languages'], message: 'validation.languagesRequired' });
	const helpTopics = lifeAreas.filter((a) => form[`topic_${a}`] === 'on');
	const helpText: Record<string, string> = {};
	for (const { code } of locales) {
		const text = (form[`help_${code}`] ?? '').replace(/\r\n?/g, '\n').trim();
		if (text.length > staffHelpTextMaxLength) ctx.addIssue({ code: 'custom', path: [`help_${code}`], message: 'validation.helpTooLong' });
		else if (text) helpText[code] = text;
	}
	return { phone: number || null, languages, helpTopics, helpText };
});
export type ProfileInput = z.output<typeof profileForm>;
