import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { getFamilyOverview } from '$lib/server/families';
import { countWishes } from '$lib/server/wishes';
import { notFound } from '$lib/server/http/not-found';
import { memberKind } from '$lib/roles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const { db } = await getDatabase();
	const grant = ownFamily(user) ?? notFound();
	const [family, wishes] = await Promise.all([getFamilyOverview(db, grant), countWishes(db, grant)]);
	if (!family) notFound();
	const me = family.members.find((m) => m.id === user.memberId);
	return {
		family,
		firstName: user.name.split(' ')[0],
		me: { id: user.memberId, kind: me ? memberKind(me) : user.role },
		welcome: event.url.searchParams.has('welcome'),
		wishes
	};
};
