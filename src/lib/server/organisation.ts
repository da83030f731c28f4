/**
 * The municipality behind the portal, for pages nobody is signed in to (the sign-in help).
 * One deployment serves one municipality (people.ts); should a database ever hold more, the
 * first one made is the portal's own.
 */
import { asc } from 'drizzle-orm';
import type { Db } from './db';
import { organisations } from './db/schema';

export interface OrganisationContact {
	name: string;
	/** As written on letters ("+45 87 10 20 30"); null until the municipality adds it. */
	phone: string | null;
}

export async function getOrganisation(db: Db): Promise<OrganisationContact | null> {
	const [row] = await db
		.select({ name: organisations.name, phone: organisations.phone })
		.from(organisations)
		.orderBy(asc(organisations.createdAt), asc(organisations.id))
		.limit(1);
	return row ?? null;
}
