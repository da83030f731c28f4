import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { listFamiliesForStaff } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	return { families: await listFamiliesForStaff(db, user), role: user.role, firstName: user.name.split(' ')[0] };
};
