import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { listOutcomes } from '$lib/server/outcomes';
import { copenhagenDate } from '$lib/i18n/format';
import type { PageServerLoad } from './$types';

/**
 * "How things are going": what the team notes about the family, as the reader may see it — the
 * adults' work and education, a child's school and a teenager's leisure only for that child
 * (and a young child's parents). One statement beyond the session and the header.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const grant = ownFamily(user) ?? notFound();
	const { db } = await getDatabase();
	const notes = await listOutcomes(db, grant);
	const members = [...new Map(notes.map((n) => [n.memberId, n.memberName])).entries()].map(([id, name]) => ({
		id,
		name,
		notes: notes.filter((n) => n.memberId === id).map((n) => ({ ...n, recordedAt: n.recordedAt.toISOString() }))
	}));
	return { members, today: copenhagenDate(), me: user.memberId };
};
