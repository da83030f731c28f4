/**
 * Which of the browser's speech voices reads a language: the page's language first as tagged,
 * then the regions its speakers here most likely have voices for (fa → fa-IR, ur → ur-PK …),
 * then any voice of that language. A voice on the phone itself beats one that streams from
 * the network (prepaid data), and the system's default beats the rest.
 */
const regions: Record<string, string[]> = {
	da: ['da-DK'],
	en: ['en-GB', 'en-US'],
	ar: ['ar-SA', 'ar-EG', 'ar-XA'],
	so: ['so-SO'],
	tr: ['tr-TR'],
	fa: ['fa-IR', 'fa-AF'],
	ur: ['ur-PK', 'ur-IN'],
	uk: ['uk-UA']
};

export type Voice = Pick<SpeechSynthesisVoice, 'lang' | 'localService' | 'default'>;

const norm = (tag: string) => tag.replace(/_/g, '-').toLowerCase();

export function chooseVoice<V extends Voice>(voices: readonly V[], lang: string): V | null {
	const wanted = norm(lang);
	const base = wanted.split('-')[0];
	const order = [wanted, ...(regions[base] ?? []).map(norm)];
	const rank = (v: V) => {
		const at = order.indexOf(norm(v.lang));
		return (at < 0 ? order.length : at) * 4 + (v.localService ? 0 : 2) + (v.default ? 0 : 1);
	};
	const candidates = voices.filter((v) => norm(v.lang).split('-')[0] === base);
	return candidates.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}
