/**
 * The municipality behind the portal, for the frame every page shows (header, footer, the
 * privacy notice and the accessibility statement). One deployment serves one municipality: the
 * first organisation in the database. Its frame changes rarely and is the same for everyone,
 * so each process keeps it for a minute rather than asking the database on every page view
 * (no per-user data: principle 5 holds; another instance sees a change within the minute).
 * After the minute the kept frame still answers at once while one read in the background
 * brings the new one: no page waits for the frame once the process has read it.
 */
import { asc } from 'drizzle-orm';
import type { Db } from './db';
import { organisations } from './db/schema';
import { outsideRequest } from './db/query-count';
import type { OrganisationFrame } from '$lib/types';

const keepMs = 60_000;
let kept: { at: number; frame: OrganisationFrame | null; db: Db } | null = null;
let reading: Promise<OrganisationFrame | null> | null = null;
/** Moves when the frame is forgotten, so a read begun before a change does not bring it back. */
let generation = 0;

export async function getOrganisationFrame(db: Db, now = Date.now()): Promise<OrganisationFrame | null> {
	const known = kept && kept.db === db ? kept : null;
	if (known && now - known.at < keepMs) return known.frame;
	if (!known) return readFrame(db, now);
	// Stale: answer with what is kept; one background read (per process) replaces it.
	reading ??= outsideRequest(() => readFrame(db, now)).finally(() => (reading = null));
	reading.catch(() => {}); // a failed read keeps the old frame; the next page view tries again
	return known.frame;
}

/** The background read in progress, if any (tests wait for it). */
export function organisationFrameRead(): Promise<OrganisationFrame | null> | null {
	return reading;
}

async function readFrame(db: Db, now: number): Promise<OrganisationFrame | null> {
	const begun = generation;
	const [row] = await db
		.select({
			name: organisations.name,
			logoPath: organisations.logoPath,
			address: organisations.address,
			phone: organisations.phone,
			email: organisations.email,
			openingHours: organisations.openingHours,
			privacyEmail: organisations.privacyEmail,
			dpoEmail: organisations.dpoEmail,
			accessibilityReviewedOn: organisations.accessibilityReviewedOn
		})
		.from(organisations)
		.orderBy(asc(organisations.createdAt))
		.limit(1);
	const frame = row ?? null;
	if (begun === generation) kept = { at: now, frame, db };
	return frame;
}

/** Forget the kept frame (after the organisation's details change, and in tests). */
export function forgetOrganisationFrame(): void {
	kept = null;
	generation++;
}
