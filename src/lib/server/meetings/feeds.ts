/**
 * Private calendar subscriptions: a secret URL per person that a calendar app (a phone's, Outlook,
 * Google) polls for that person's meetings. A staff member's feed holds the meetings they hold;
 * a family member's holds exactly what they see on /meetings (the same SQL, familyMeetingsOf),
 * in their own language. Only SHA-256 of the secret is stored (like sessions), so the URL is
 * shown once; a new link replaces the hash and the old URL answers 404 at once.
 *
 * What a feed carries is kept small, since a calendar app may copy it to a cloud service: the
 * kind of meeting, with whom (the family's name for staff, the staff member's for a family), the
 * place, and a link to the meeting's page — never the topic, notes or who takes part.
 *
 * No throttle on the feed URL, unlike sign-in links: its secret is 192 random bits (guessing is
 * hopeless), a wrong one costs one indexed statement, and calendar services fetch many people's
 * feeds from a few shared addresses and keep polling a turned-off link for weeks — a limit per
 * address would lock out everybody else's working feed.
 */
import { and, asc, eq, gte, or } from 'drizzle-orm';
import type { Db } from '../db';
import { calendarFeeds, families, familyMembers, meetings, staff, users } from '../db/schema';
import { ownFamily, type Actor, type FamilyActor } from '../access';
import { hashSecret, newSecret, secretMatches } from '../auth/tokens';
import { translatorFor } from '../i18n';
import { defaultLocale, isLocale, type Locale } from '$lib/i18n/locales';
import { tokenPartPattern } from '$lib/shapes';
import { calendarFile, type CalendarEvent } from './ics';
import { familyMeetingsOf } from './meetings';

/** How far back a feed reaches (so a calendar keeps recent meetings); forward it has no end. */
export const feedPastDays = 60;
/** How often a calendar app is asked to fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export const feedRefreshSeconds = 15 * 60;

/** The path a feed is fetched at (src/routes/(public)/calendar/[token].ics). */
export const feedPath = (secret: string) => `/calendar/${secret}.ics`;

const ownerColumn = (actor: Actor) => (actor.kind === 'staff' ? calendarFeeds.staffId : calendarFeeds.familyMemberId);
const ownerId = (actor: Actor) => (actor.kind === 'staff' ? actor.staffId : actor.memberId);
const ownedBy = (actor: Actor) => eq(ownerColumn(actor), ownerId(actor));

export interface Feed {
	/** When the current link was made. */
	createdAt: Date;
	lastFetchedAt: Date | null;
	/** `secret` (just made, handed back once) is this feed's current secret. */
	current: boolean;
}

/** The actor's own feed, or null; `secret` is checked against it (a link made just now, still current?). One statement. */
export async function getFeed(db: Db, actor: Actor, secret: string | null = null): Promise<Feed | null> {
	const [row] = await db
		.select({ createdAt: calendarFeeds.createdAt, lastFetchedAt: calendarFeeds.lastFetchedAt, secretHash: calendarFeeds.secretHash })
		.from(calendarFeeds)
		.where(ownedBy(actor));
	if (!row) return null;
	const current = secret !== null && tokenPartPattern.test(secret) && secretMatches(secret, row.secretHash);
	return { createdAt: row.createdAt, lastFetchedAt: row.lastFetchedAt, current };
}

/**
 * Makes the actor's feed, or a new link in place of the old one (which stops working at once).
 * Returns the secret: the only time it exists outside the URL. One statement (an upsert on
 * the owner, so two presses at once leave one row and one working link).
 */
export async function makeFeed(db: Db, actor: Actor): Promise<string> {
	const { secret, secretHash } = newSecret();
	await db
		.insert(calendarFeeds)
		.values(actor.kind === 'staff' ? { staffId: actor.staffId, secretHash } : { familyMemberId: actor.memberId, secretHash })
		.onConflictDoUpdate({ target: ownerColumn(actor), set: { secretHash, createdAt: new Date(), lastFetchedAt: null } });
	return secret;
}

/** Turns the actor's feed off (deletes it); false when there was none. */
export async function turnOffFeed(db: Db, actor: Actor): Promise<boolean> {
	const rows = await db.delete(calendarFeeds).where(ownedBy(actor)).returning({ id: calendarFeeds.id });
	return rows.length > 0;
}

/**
 * The feed's owner, found by the secret's hash, with what their calendar needs — and the fetch
 * noted, in the same statement. Only while the owner still has a sign-in.
 */
async function fetchOwner(db: Db, secret: string, now: Date) {
	const [row] = await db
		.update(calendarFeeds)
		.set({ lastFetchedAt: now })
		.from(users)
		.leftJoin(familyMembers, eq(familyMembers.id, users.familyMemberId))
		.leftJoin(staff, eq(staff.id, users.staffId))
		.where(
			and(
				eq(calendarFeeds.secretHash, hashSecret(secret)),
				or(eq(users.staffId, calendarFeeds.staffId), eq(users.familyMemberId, calendarFeeds.familyMemberId))
			)
		)
		.returning({
			userId: users.id,
			email: users.email,
			phone: users.phone,
			locale: users.locale,
			staffId: staff.id,
			memberId: familyMembers.id,
			familyId: familyMembers.familyId,
			memberName: familyMembers.name,
			memberRole: familyMembers.role
		});
	return row;
}

type Owner = { kind: 'staff'; staffId: string; locale: Locale } | { kind: 'family'; actor: FamilyActor; locale: Locale };

/**
 * What a feed URL answers: the calendar as iCalendar text, or null — for a secret that is not
 * shaped like one (no query at all), unknown, replaced or turned off alike. Two statements.
 */
export async function feedFor(db: Db, secret: string, origin: string, now = new Date()): Promise<string | null> {
	if (!tokenPartPattern.test(secret)) return null;
	const row = await fetchOwner(db, secret, now);
	if (!row) return null;
	const locale = isLocale(row.locale) ? row.locale : defaultLocale;
	let owner: Owner;
	if (row.staffId) owner = { kind: 'staff', staffId: row.staffId, locale };
	else if (row.memberId && row.familyId && row.memberName && row.memberRole) {
		const actor: FamilyActor = {
			kind: 'family',
			id: row.userId,
			email: row.email,
			phone: row.phone,
			locale,
			memberId: row.memberId,
			familyId: row.familyId,
			name: row.memberName,
			role: row.memberRole
		};
		owner = { kind: 'family', actor, locale };
	} else return null;
	const events = await feedEvents(db, owner, origin, now);
	if (!events) return null;
	const t = translatorFor(locale);
	return calendarFile(t('calendarFeed.calendarName', { app: t('app.name') }), events, feedRefreshSeconds);
}

/** The owner's meetings from `feedPastDays` ago on, cancelled ones too (so calendars remove them), as events. */
async function feedEvents(db: Db, owner: Owner, origin: string, now: Date): Promise<CalendarEvent[] | null> {
	let scope;
	if (owner.kind === 'staff') scope = eq(meetings.staffId, owner.staffId);
	else {
		// The member's own grant, as on /meetings: the feed shows what the list shows.
		const grant = ownFamily(owner.actor, 'meeting.book');
		if (!grant) return null;
		scope = familyMeetingsOf(grant);
	}
	const rows = await db
		.select({
			id: meetings.id,
			type: meetings.type,
			status: meetings.status,
			startsAt: meetings.startsAt,
			endsAt: meetings.endsAt,
			place: meetings.place,
			sequence: meetings.sequence,
			updatedAt: meetings.updatedAt,
			familyId: meetings.familyId,
			familyName: families.name,
			staffName: staff.name
		})
		.from(meetings)
		.innerJoin(families, eq(families.id, meetings.familyId))
		.innerJoin(staff, eq(staff.id, meetings.staffId))
		.where(and(scope, gte(meetings.endsAt, new Date(now.getTime() - feedPastDays * 86_400_000))))
		.orderBy(asc(meetings.startsAt));
	const t = translatorFor(owner.locale);
	return rows.map((m) => {
		const type = t(`meetingType.${m.type}`);
		const staffSide = owner.kind === 'staff';
		const url = new URL(staffSide ? `/staff/families/${m.familyId}/meetings` : `/meetings/${m.id}`, origin).href;
		const summary = staffSide
			? t('calendarFeed.staffSummary', { type, name: m.familyName })
			: t('meetings.icsSummary', { type, name: m.staffName });
		return {
			id: m.id,
			startsAt: m.startsAt,
			endsAt: m.endsAt,
			status: m.status,
			sequence: m.sequence,
			updatedAt: m.updatedAt,
			summary: m.status === 'proposed' ? t('calendarFeed.proposed', { summary }) : summary,
			description: staffSide ? url : t('meetings.icsChange', { url }),
			location: staffSide ? m.place : m.place || t(`meetings.place.${m.type}`),
			url
		};
	});
}
