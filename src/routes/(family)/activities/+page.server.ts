import { eq } from 'drizzle-orm';
import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { familyMembers } from '$lib/server/db/schema';
import { directoryFacets, findOpportunities } from '$lib/server/activities/directory';
import { listInterests } from '$lib/server/activities/interests';
import { readDirectoryQuery } from '$lib/schemas/activities';
import { copenhagenDate } from '$lib/i18n/format';
import type { PageServerLoad } from './$types';

/**
 * /activities: the neighbourhood's leisure jobs, clubs and activities, filtered by a plain GET
 * form (works without JavaScript, and a filtered list is a link to share), and one's interests.
 * "Fits my age" is on by default: a teenager's own age, or the age of the child a parent looks for.
 * What the member saved for later is a filter too (saved=1), with its count beside the areas.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const grant = ownFamily(user) ?? notFound();
	const { db } = await getDatabase();
	const query = readDirectoryQuery(event.url.searchParams);
	const year = Number(copenhagenDate().slice(0, 4));
	const members = await db
		.select({ id: familyMembers.id, name: familyMembers.name, role: familyMembers.role, birthYear: familyMembers.birthYear })
		.from(familyMembers)
		.where(eq(familyMembers.familyId, user.familyId));
	// A parent looks for one of the children (the first, unless chosen); a teenager for themself.
	const children = user.role === 'child' ? [] : members.filter((m) => m.role === 'child');
	const forMember = (user.role === 'child' ? null : children.find((c) => c.id === query.for)) ?? (children[0] || null);
	const whose = user.role === 'child' ? members.find((m) => m.id === user.memberId) : forMember;
	const age = whose?.birthYear ? year - whose.birthYear : null;
	const [cards, facets, interests] = await Promise.all([
		findOpportunities(
			db,
			user,
			{
				q: query.q,
				kind: query.kind,
				free: query.free === '1',
				area: query.area,
				weekday: query.weekday,
				language: query.language,
				age: query.all === '1' ? null : age,
				saved: query.saved === '1'
			},
			event.locals.locale
		),
		directoryFacets(db, user),
		listInterests(db, grant, event.locals.locale)
	]);
	return {
		query,
		cards,
		areas: facets.areas,
		savedCount: facets.saved,
		age,
		children: children.map((c) => ({ id: c.id, name: c.name })),
		forMember: forMember?.id ?? null,
		interests: interests.map((i) => ({ ...i, updatedAt: i.updatedAt.toISOString() }))
	};
};
