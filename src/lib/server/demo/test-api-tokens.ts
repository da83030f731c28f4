/**
 * For the end-to-end tests only (OPGANG_TEST_FAMILIES, never in production): one API token of
 * the test team that expired yesterday, with a secret the tests know, so the API's "expired"
 * answer can be asked over HTTP. A live token is never seeded: the leader makes those in the UI.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { apiTokens, teams } from '../db/schema';
import { hashSecret } from '../auth/tokens';

export const expiredTestToken = { id: 'e2eexpired'.padEnd(39, 'a'), secret: 'e2esecret'.padEnd(39, 'b') };

export async function seedTestApiTokens(db: Db): Promise<void> {
	const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.name, 'Prøveteamet'));
	if (!team) throw new Error('The expired test token needs the test team (seedTestFamilies)');
	const day = 24 * 3600_000;
	await db.insert(apiTokens).values({
		id: expiredTestToken.id,
		secretHash: hashSecret(expiredTestToken.secret),
		teamId: team.id,
		name: 'Udløbet prøvenøgle',
		scopes: ['families:read'],
		createdAt: new Date(Date.now() - 2 * day),
		expiresAt: new Date(Date.now() - day)
	});
}
