import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { familyGrant } from '$lib/server/access';
import { getFamilyName } from '$lib/server/families';
import { listCheckins } from '$lib/server/checkins';
import { notFound } from '$lib/server/http/not-found';
import { copenhagenDate } from '$lib/i18n/format';
import type { PageServerLoad } from './$types';

/** Every member's "How are things going?" answers, a teenager's private ones too (read through an audited grant). */
export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const grant = (await familyGrant(db, user, event.params.id, 'family.view')) ?? notFound();
	const [name, checkins] = await Promise.all([getFamilyName(db, grant), listCheckins(db, grant, null)]);
	if (name === null) notFound();
	// One chart and table per member, in the order they first appear (newest answer first).
	const members = [...new Map(checkins.map((c) => [c.memberId, c.memberName])).entries()].map(([id, memberName]) => ({
		id,
		name: memberName,
		checkins: checkins.filter((c) => c.memberId === id)
	}));
	return { family: { id: grant.familyId, name }, members, today: copenhagenDate() };
};
