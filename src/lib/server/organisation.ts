/**
 * The municipality behind the portal, for the frame every page shows (header, footer, the
 * privacy notice and the accessibility statement). One deployment serves one municipality: the
 * first organisation in the database. Its frame changes rarely and is the same for everyone,
 * so each process keeps it for a minute rather than asking the database on every page view
 * (no per-user data: principle 5 holds; another instance sees a change within the minute).
 */
import { asc } from 'drizzle-orm';
import type { Db } from './db';
import { organisations } from './db/schema';
import type { OrganisationFrame } from '$lib/types';

const keepMs = 60_000;
let kept: { at: number; frame: OrganisationFrame | null; db: Db } | null = null;

export async function getOrganisationFrame(db: Db, now = Date.now()): Promise<OrganisationFrame | null> {
	if (kept && kept.db === db && now - kept.at < keepMs) return kept.frame;
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
	kept = { at: now, frame, db };
	return frame;
}

/** Forget the kept frame (after the organisation's details change, and in tests). */
export function forgetOrganisationFrame(): void {
	kept = null;
}
