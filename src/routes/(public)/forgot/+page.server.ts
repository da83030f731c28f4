import { getDatabase } from '$lib/server/db';
import { getOrganisation } from '$lib/server/organisation';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { db } = await getDatabase();
	return { organisation: await getOrganisation(db) };
};
