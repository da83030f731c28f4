/**
 * What the printed sign-in letter (InvitationSlip.svelte) needs: the link, its short code and
 * QR code, who it is for and from, and its copy in the member's language and in Danish — the
 * staff member's own language does not matter on a letter for someone else.
 */
import QRCode from 'qrcode';
import type { Db } from './db';
import { findLinkByToken, letterDetails } from './auth/links';
import type { NewLinkFlash } from './auth/link-flash';
import { messages } from './i18n';
import { dirOf, defaultLocale, type Locale } from '$lib/i18n/locales';
import { formatShortCode } from '$lib/short-code';
import type { Slip } from '$lib/types';

/** The letter for a link just made, if it is still open and belongs to this family (else null). */
export async function slipFor(db: Db, familyId: string, flash: NewLinkFlash, origin: string): Promise<Slip | null> {
	const link = await findLinkByToken(db, flash.token);
	if (!link || link.familyId !== familyId || link.memberId !== flash.memberId) return null;
	const from = await letterDetails(db, familyId);
	if (!from) return null;
	const path = link.purpose === 'reset' ? 'reset' : 'invitation';
	const href = new URL(`/${path}/${flash.token}`, origin).href;
	const languages: Locale[] = link.language && link.language !== defaultLocale ? [link.language, defaultLocale] : [defaultLocale];
	return {
		purpose: link.purpose,
		memberId: link.memberId,
		memberName: link.memberName,
		link: href,
		shortUrl: new URL('/k', origin).href.replace(/^https?:\/\//, ''),
		code: formatShortCode(flash.code),
		// The picture is named by the element around it (role="img"); the SVG itself is not announced again.
		qr: (await QRCode.toString(href, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })).replace('<svg ', '<svg aria-hidden="true" '),
		expiresAt: link.expiresAt.toISOString(),
		organisation: from.organisation,
		contact: from.contact,
		languages: languages.map((code) => ({ code, dir: dirOf(code), messages: { slip: messages[code].slip } }))
	};
}
