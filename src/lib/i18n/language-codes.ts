/**
 * The languages the portal can name (language-names.ts has each one's name in every locale):
 * the codes alone, light enough for a schema to check against without carrying the names of
 * all eight locales into a page's JavaScript. language-names.test.ts keeps the two lists equal.
 */
export const nameableLanguages: readonly string[] = [
	'da',
	'en',
	'ar',
	'so',
	'tr',
	'fa',
	'ur',
	'uk',
	'ku',
	'ckb',
	'de',
	'fr',
	'ru',
	'es',
	'pl',
	'ro',
	'ti',
	'prs',
	'ps',
	'bs',
	'sq',
	'vi',
	'ta',
	'ne',
	'am',
	'sv',
	'nb',
	'it',
	'pt',
	'hi',
	'pa',
	'bn',
	'zh',
	'sw',
	'om',
	'hr',
	'sr'
];
