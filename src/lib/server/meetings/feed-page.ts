/**
 * The calendar feed's part of a page (/staff/calendar, the family's /meetings): what the page
 * shows of the signed-in person's feed, and the form action that makes or turns it off.
 *
 * A new link is shown once, right after it is made, the way a new sign-in link is (link-flash.ts):
 * the action puts the secret in a short-lived cookie (HttpOnly, SameSite=Strict, Path = the
 * page, 2 minutes) and answers 303; the page's GET takes it out again and shows the URL — only
 * if it is still the feed's current secret. A reload shows that a link exists, never the secret.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDatabase } from '../db';
import type { SessionUser } from '../auth/session';
import { readForm } from '../http/form';
import { feedPath, getFeed, makeFeed, turnOffFeed } from './feeds';
import { calendarFeedSchema } from '$lib/schemas/calendar-feed';
import { tokenPartPattern } from '$lib/shapes';

const cookieName = 'opgang-new-feed';
const lifetimeSeconds = 120;

/** What CalendarFeed.svelte shows. */
export interface FeedView {
	createdAt: string;
	lastFetchedAt: string | null;
	/** The feed's URL, only on the page view right after it was made. */
	url: string | null;
}

type Event = Pick<RequestEvent, 'cookies' | 'url'>;

const cookieOptions = (event: Event, path: string) => ({
	path,
	httpOnly: true,
	sameSite: 'strict' as const,
	secure: event.url.protocol === 'https:'
});

export interface FeedSection {
	feed: FeedView | null;
	/** Just turned off (the action's redirect says so): the page confirms it. */
	turnedOff: boolean;
}

/** The page's view of the user's feed (one statement), taking a just-made link out of its cookie. */
export async function loadFeed(event: Event, user: SessionUser, path: string): Promise<FeedSection> {
	return { feed: await feedView(event, user, path), turnedOff: event.url.searchParams.get('feed') === 'off' };
}

async function feedView(event: Event, user: SessionUser, path: string): Promise<FeedView | null> {
	const flashed = event.cookies.get(cookieName);
	if (flashed !== undefined) event.cookies.delete(cookieName, cookieOptions(event, path));
	const secret = flashed !== undefined && tokenPartPattern.test(flashed) ? flashed : null;
	const { db } = await getDatabase();
	const feed = await getFeed(db, user, secret);
	if (!feed) return null;
	return {
		createdAt: feed.createdAt.toISOString(),
		lastFetchedAt: feed.lastFetchedAt?.toISOString() ?? null,
		url: feed.current && secret ? new URL(feedPath(secret), event.url.origin).href : null
	};
}

/** The form action: make (or make anew) and show once, or turn off. Bad input is a 400. */
export async function feedAction(event: RequestEvent, user: SessionUser, path: string) {
	const parsed = calendarFeedSchema.safeParse(await readForm(event.request));
	if (!parsed.success) return fail(400, { feedError: 'calendarFeed.badForm' });
	const { db } = await getDatabase();
	if (parsed.data.feed === 'off') {
		await turnOffFeed(db, user);
		redirect(303, `${path}?feed=off#feed`);
	}
	const secret = await makeFeed(db, user);
	event.cookies.set(cookieName, secret, { ...cookieOptions(event, path), maxAge: lifetimeSeconds });
	redirect(303, `${path}#feed`);
}
