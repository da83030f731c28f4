import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { getFamilyOverview } from '$lib/server/families';
import { homeFigures } from '$lib/server/goal-steps';
import { notFound } from '$lib/server/http/not-found';
import { memberKind } from '$lib/roles';
import { formatDate } from '$lib/i18n/format';
import { html } from '$lib/server/html';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const { db } = await getDatabase();
	const grant = ownFamily(user) ?? notFound();
	// The wish count and "your next steps" are one statement (the page's query budget).
	const [family, figures] = await Promise.all([getFamilyOverview(db, grant), homeFigures(db, grant)]);
	if (!family) notFound();
	const { t, locale } = event.locals;
	const me = family.members.find((m) => m.id === user.memberId);
	return {
		family,
		firstName: user.name.split(' ')[0],
		me: { id: user.memberId, kind: me ? memberKind(me) : user.role },
		welcome: event.url.searchParams.has('welcome'),
		wishes: figures.wishes,
		// Written here as escaped markup, not in the page's template: /home's JavaScript budget
		// (50 KB) has no room for another block of template code (html.ts).
		nextSteps: figures.steps.length
			? figures.steps
					.map((s) => {
						const when = [s.together ? t('home.together') : '', s.dueOn ? t('home.dueOn', { date: formatDate(s.dueOn, locale) }) : '']
							.filter(Boolean)
							.join(' · ');
						return html`<li><a href="/goals/${s.goalId}#step-${s.id}" dir="auto">${s.text}</a> <bdi>${s.goalText}</bdi> ${when}</li>`;
					})
					.join('')
			: html`<li>${t('home.nextStepsNone')}</li>`
	};
};
