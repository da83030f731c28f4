// ESLint as the sv templates set it up (typescript-eslint, eslint-plugin-svelte, Prettier
// for formatting), plus the few rules this project leans on.
import prettier from 'eslint-config-prettier';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/', 'data/', '.e2e-data/', 'drizzle/meta/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint's advice: TypeScript itself checks undefined names.
			'no-undef': 'off',
			// The portal is served at the root of its origin (no `paths.base`), so plain hrefs are
			// right, and they are what works without JavaScript.
			'svelte/no-navigation-without-resolve': 'off',
			// `_name` marks a value deliberately left unused (e.g. dropping a field from a row).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	}
);
