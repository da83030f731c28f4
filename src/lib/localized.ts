/**
 * Text a person wrote in one or more languages ({ "da": "…", "ar": "…" }: what a staff member
 * helps with, in the languages they chose to write it in). A reader gets their own language
 * when it is there, else Danish (the team's language), else whatever there is — always with
 * the language it is in, so the page can mark it (`lang`) for screen readers and read-aloud.
 */
export type LocalizedText = Partial<Record<string, string>>;

export function pickText(text: LocalizedText | null | undefined, locale: string): { text: string; lang: string } | null {
	if (!text) return null;
	for (const lang of [locale, 'da', ...Object.keys(text)]) {
		const value = text[lang]?.trim();
		if (value) return { text: value, lang };
	}
	return null;
}
