/**
 * A message's words cut into plain text and web links, so a page can show the links as links
 * without ever rendering the message as HTML. Only http and https become links (never
 * javascript:, data: or a bare "www."); punctuation that ends a sentence stays out of the link.
 */
export type Part = { text: string } | { text: string; href: string };

const url = /\bhttps?:\/\/[^\s<>"'\u200e\u200f]+/giu;
// Sentence punctuation after a link ("see https://x.dk." or "(https://x.dk)") is not part of it.
const trailing = /[.,;:!?)\]}»”’'"،؛。]+$/u;

export function linkParts(text: string): Part[] {
	const parts: Part[] = [];
	let last = 0;
	for (const m of text.matchAll(url)) {
		let link = m[0];
		const cut = trailing.exec(link);
		// Keep a closing bracket that belongs to the link (Wikipedia-style "(…)" paths).
		if (cut && !(cut[0].startsWith(')') && link.includes('('))) link = link.slice(0, cut.index);
		const start = m.index ?? 0;
		let href: string | null = null;
		try {
			const parsed = new URL(link);
			if (parsed.protocol === 'http:' || parsed.protocol === 'https:') href = parsed.href;
		} catch {
			href = null;
		}
		if (!href) continue;
		if (start > last) parts.push({ text: text.slice(last, start) });
		parts.push({ text: link, href });
		last = start + link.length;
	}
	if (last < text.length) parts.push({ text: text.slice(last) });
	return parts;
}
