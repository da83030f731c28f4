import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { getFamilyOverview } from '$lib/server/families';
import { notFound } from '$lib/server/http/not-found';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const { db } = await getDatabase();
	const family = await getFamilyOverview(db, ownFamily(user) ?? notFound());
	if (!family) notFound();
	return { family, firstName: user.name.split(' ')[0], welcome: event.url.searchParams.has('welcome') };
};
