/**
 * What "Listen" reads: the visible text of the page's main content, in reading order, cut
 * into pieces at each block (a heading, a paragraph, a list item: a short pause between them,
 * and no utterance long enough for Chromium to drop it) and wherever the language changes:
 * text marked with `lang` (a staff member's Danish words on an Arabic page, later a family's
 * own words) is read in its own language, the rest in the page's.
 */
export interface Piece {
	text: string;
	lang: string;
}

const blocks = 'p,h1,h2,h3,h4,h5,h6,li,dt,dd,td,th,caption,figcaption,blockquote,label,legend,summary,button,a,section,div,main';
const skipped = 'script,style,noscript,template,svg,[aria-hidden="true"],[hidden],[data-read-aloud-skip]';

export function piecesOf(root: Element, pageLang: string): Piece[] {
	const pieces: (Piece & { block: Element | null })[] = [];
	const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const text = node.textContent?.replace(/\s+/g, ' ') ?? '';
		const parent = node.parentElement;
		if (!parent || !text.trim() || parent.closest(skipped)) continue;
		if (parent.checkVisibility && !parent.checkVisibility({ visibilityProperty: true })) continue;
		const lang = parent.closest('[lang]')?.getAttribute('lang') || pageLang;
		const block = parent.closest(blocks);
		const last = pieces.at(-1);
		if (last && last.block === block && last.lang === lang) last.text += text;
		else pieces.push({ text, lang, block });
	}
	return pieces.map(({ text, lang }) => ({ text: text.trim(), lang })).filter((p) => p.text);
}
