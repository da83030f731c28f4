import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { teamDashboard } from '$lib/server/dashboard';
import { fieldErrors } from '$lib/schemas/forms';
import { periodQuery, shiftMonth } from '$lib/schemas/dashboard';
import { copenhagenDate } from '$lib/i18n/format';
import type { PageServerLoad } from './$types';

/**
 * The team's figures for a period (a GET form, so a period can be bookmarked and works without
 * JavaScript). A period that cannot be read is said beside its field, and the last twelve months
 * are shown meanwhile. The team leader counts the whole team, a caseworker their own families.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireStaff(event);
	const thisMonth = copenhagenDate().slice(0, 7);
	const fallback = { from: shiftMonth(thisMonth, -11), to: thisMonth };
	const params = event.url.searchParams;
	const asked = params.has('from') || params.has('to');
	const values = { from: params.get('from') ?? fallback.from, to: params.get('to') ?? fallback.to };
	const parsed = periodQuery(thisMonth).safeParse(values);
	const period = asked && parsed.success ? parsed.data : fallback;
	const { db } = await getDatabase();
	return {
		period,
		values: asked ? values : fallback,
		errors: asked && !parsed.success ? fieldErrors(parsed.error) : {},
		leads: user.role === 'team_leader',
		figures: await teamDashboard(db, user, period)
	};
};
