import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { getFamilyOverview } from '$lib/server/families';
import { homeFigures } from '$lib/server/goal-steps';
import { notFound } from '$lib/server/http/not-found';
import { memberKind } from '$lib/roles';
import { formatDate } from '$lib/i18n/format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const { db } = await getDatabase();
	const grant = ownFamily(user) ?? notFound();
	// The wish count and "your next steps" are one statement (the page's query budget).
	const [family, figures] = await Promise.all([getFamilyOverview(db, grant), homeFigures(db, grant)]);
	if (!family) notFound();
	const t = event.locals.t;
	const me = family.members.find((m) => m.id === user.memberId);
	return {
		family,
		firstName: user.name.split(' ')[0],
		me: { id: user.memberId, kind: me ? memberKind(me) : user.role },
		welcome: event.url.searchParams.has('welcome'),
		wishes: figures.wishes,
		// Worded here, not in the page: /home's JavaScript budget has no room for another block of template.
		nextSteps: figures.steps.map((s) => ({
			id: s.id,
			href: `/goals/${s.goalId}#step-${s.id}`,
			text: s.text,
			goal: s.goalText,
			when: [s.together ? t('home.together') : '', s.dueOn ? t('home.dueOn', { date: formatDate(s.dueOn, event.locals.locale) }) : '']
				.filter(Boolean)
				.join(' · ')
		}))
	};
};
