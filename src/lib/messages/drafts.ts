/**
 * With JavaScript, what someone is writing is kept in the browser (localStorage) until it is
 * sent: a closed tab, a lost connection or a phone call in between loses nothing. Each draft is
 * the writer's own (the key starts with their member id: family members may share a phone) and
 * for one conversation; signing out removes every draft, and a draft older than two weeks is
 * forgotten. Storage that is full or switched off just means no draft.
 */
const prefix = 'opgang-draft:';
const keepFor = 14 * 24 * 60 * 60 * 1000;

export function readDraft(key: string): string {
	try {
		const saved = JSON.parse(localStorage.getItem(prefix + key) ?? 'null') as { text?: unknown; at?: unknown } | null;
		if (!saved || typeof saved.text !== 'string' || typeof saved.at !== 'number') return '';
		if (Date.now() - saved.at > keepFor) {
			clearDraft(key);
			return '';
		}
		return saved.text;
	} catch {
		return '';
	}
}

export function saveDraft(key: string, text: string): void {
	try {
		if (text.trim()) localStorage.setItem(prefix + key, JSON.stringify({ text, at: Date.now() }));
		else localStorage.removeItem(prefix + key);
	} catch {
		/* no room, or storage switched off: no draft */
	}
}

export function clearDraft(key: string): void {
	try {
		localStorage.removeItem(prefix + key);
	} catch {
		/* as above */
	}
}

/** Every draft in this browser, whoever wrote it (on signing out). */
export function clearAllDrafts(): void {
	try {
		for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
	} catch {
		/* as above */
	}
}
