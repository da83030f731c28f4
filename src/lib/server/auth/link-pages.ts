/**
 * The pages a sign-in link opens — /invitation/[token], /reset/[token] and /k/[code] (the short
 * code) — share their loading and their language here, and their two forms in
 * src/routes/(public)/link-forms.server.ts, so a link and its code behave alike. Each page is a
 * thin route that names how it was reached (LinkRef).
 */
import type { RequestEvent } from '@sveltejs/kit';
import { getDatabase } from '../db';
import { clientAddress } from '../http/address';
import { languageChosen, speak } from '../language';
import { lookUpLink, type LinkRef, type LookUp } from './links';
import { passwordLength } from './password';
import { createSession, describeDevice } from './session';
import { setSessionCookie } from './cookies';
import { deviceSecret, rememberDevice, setDeviceCookie } from './devices';
import { isLocale, type Locale } from '$lib/i18n/locales';
import type { SignInLinkPurpose } from '$lib/codes';

/** Route id → how its page names the link. */
const linkRoutes: Record<string, 'token' | 'code'> = {
	'/(public)/invitation/[token]': 'token',
	'/(public)/reset/[token]': 'token',
	'/(public)/k/[code]': 'code'
};

type Event = Pick<RequestEvent, 'route' | 'params' | 'locals' | 'getClientAddress' | 'request' | 'cookies'>;

export function linkRefOf(event: Pick<RequestEvent, 'route' | 'params'>): LinkRef | null {
	const kind = linkRoutes[event.route.id ?? ''];
	if (kind === 'token') return { token: event.params.token ?? '' };
	if (kind === 'code') return { code: event.params.code ?? '' };
	return null;
}

/**
 * The link of this request's page, looked up once (the language hook and the page's load both
 * ask; a short code's throttle must count one look, not two). Null on any other page.
 */
export function pageLink(event: Event): Promise<LookUp> | null {
	const ref = linkRefOf(event);
	if (!ref) return null;
	event.locals.signInLink ??= getDatabase().then(({ db }) => lookUpLink(db, ref, clientAddress(event)));
	return event.locals.signInLink;
}

/**
 * The language a link's page opens in when the visitor has not chosen one: the invited
 * member's (hooks.server.ts). Only for showing the page; a form post speaks the language its
 * action decides.
 */
export async function linkLanguage(event: Event): Promise<Locale | null> {
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') return null;
	const lookup = pageLink(event);
	if (!lookup) return null;
	const found = await lookup;
	return found.ok ? found.link.language : null;
}

export interface LinkPageData {
	link: { purpose: SignInLinkPurpose; name: string; invitedBy: string; language: Locale | null } | null;
	/** The code's throttle: when to try again. */
	retryAt: string | null;
	minLength: number;
}

/** What a link's page shows: the person it is for, or why it cannot be used. */
export async function loadLinkPage(event: Event, purpose?: SignInLinkPurpose): Promise<LinkPageData> {
	const found = await pageLink(event)!;
	const link = found.ok && (!purpose || found.link.purpose === purpose) ? found.link : null;
	return {
		link: link && { purpose: link.purpose, name: link.memberName, invitedBy: link.invitedBy, language: link.language },
		retryAt: !found.ok && found.reason === 'throttled' ? found.retryAt.toISOString() : null,
		minLength: passwordLength.min
	};
}

/** A failed use of a link: the page is shown again in the language it was read in. */
export async function speakLinkLanguage(event: Event, chosen?: string): Promise<void> {
	if (isLocale(chosen)) return speak(event.locals, chosen);
	if (languageChosen(event)) return;
	const found = await pageLink(event);
	if (found?.ok && found.link.language) speak(event.locals, found.link.language);
}

/** A new session on this device, as a sign-in would make (after a link was used): a family member's, or a colleague's (staff-links.ts). */
export async function signInHere(event: RequestEvent, userId: string, kind: 'family' | 'staff' = 'family'): Promise<void> {
	const { db } = await getDatabase();
	const device = deviceSecret(event.cookies, event.url);
	await rememberDevice(db, userId, device);
	setDeviceCookie(event.cookies, event.url, device);
	const session = await createSession(db, userId, kind, describeDevice(event.request.headers.get('user-agent')));
	setSessionCookie(event.cookies, event.url, session.token, session.expiresAt);
}
