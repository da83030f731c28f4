import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// SvelteKit's own Origin check covers form content types only; hooks.server.ts checks
		// every non-GET request (forms and JSON alike). Both stay on.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'frame-ancestors': ['none']
			}
		},
		alias: { $server: 'src/lib/server' },
		// The service worker (web push) is registered by the "turn on notifications" button only.
		serviceWorker: { register: false },
		// The browser does not carry a map of every route: the server resolves a client-side
		// navigation's route (one small request). Every route added (booking steps, staff pages)
		// otherwise grew every page's first JavaScript, /home's past its 50 KB budget.
		router: { resolution: 'server' }
	}
};

export default config;
