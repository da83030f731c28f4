/**
 * A scripted stand-in for the browser's speech synthesis, installed before any page script
 * runs: it has the voices a test gives it (announced late, with voiceschanged, as Chromium
 * does), records what it is asked to say in window.__speech, and "speaks" until the test calls
 * window.__finish() or the page cancels.
 */
import { type BrowserContext, type Page } from '@playwright/test';

export interface Said {
	text: string;
	lang: string;
	voice: string | null;
}

export async function withVoices(page: Page | BrowserContext, langs: string[]): Promise<void> {
	await page.addInitScript((langs) => {
		const voices = langs.map((lang) => ({ lang, name: `voice ${lang}`, voiceURI: lang, localService: true, default: false }));
		const state = { said: [] as unknown[], cancelled: 0, queue: [] as { onend?: () => void }[] };
		const listeners: (() => void)[] = [];
		class Utterance {
			lang = '';
			voice: { name: string } | null = null;
			onend: (() => void) | null = null;
			onerror: (() => void) | null = null;
			constructor(public text: string) {}
		}
		Object.assign(window, { SpeechSynthesisUtterance: Utterance, __speech: state });
		Object.defineProperty(window, 'speechSynthesis', {
			value: {
				// Chromium lists no voices at first and announces them with voiceschanged.
				getVoices: () => (listeners.length ? voices : []),
				addEventListener: (_: string, f: () => void) => {
					listeners.push(f);
					setTimeout(f, 50);
				},
				removeEventListener: () => {},
				speak: (u: Utterance) => {
					state.said.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null });
					state.queue.push(u as never);
				},
				cancel: () => {
					state.cancelled++;
					state.queue = [];
				}
			}
		});
		Object.assign(window, {
			__finish: () => {
				for (const u of state.queue.splice(0)) u.onend?.();
			}
		});
	}, langs);
}
