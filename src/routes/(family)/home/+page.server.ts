import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { getFamilyOverview } from '$lib/server/families';
import { homeFigures } from '$lib/server/goal-steps';
import { notFound } from '$lib/server/http/not-found';
import { memberKind } from '$lib/roles';
import { formatDate } from '$lib/i18n/format';
import { nextMeeting } from '$lib/server/meetings/meetings';
import { formatDay, formatTimes } from '$lib/i18n/meeting-time';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const { db } = await getDatabase();
	const grant = ownFamily(user) ?? notFound();
	// The wish count and "your next steps" are one statement (the page's query budget).
	const [family, figures, meeting] = await Promise.all([
		getFamilyOverview(db, grant),
		homeFigures(db, grant),
		nextMeeting(db, ownFamily(user, 'meeting.book') ?? grant)
	]);
	if (!family) notFound();
	const { t, locale } = event.locals;
	const me = family.members.find((m) => m.id === user.memberId);
	return {
		family,
		firstName: user.name.split(' ')[0],
		me: { id: user.memberId, kind: me ? memberKind(me) : user.role },
		welcome: event.url.searchParams.has('welcome'),
		wishes: figures.wishes,
		// Strings made here, so the page's template stays small (/home's JavaScript budget).
		nextSteps: figures.steps.map((s) => ({
			id: s.id,
			goalId: s.goalId,
			text: s.text,
			goalText: s.goalText,
			when: [s.together ? t('home.together') : '', s.dueOn ? t('home.dueOn', { date: formatDate(s.dueOn, locale) }) : '']
				.filter(Boolean)
				.join(' · ')
		})),
		nextMeeting: meeting
			? {
					id: meeting.id,
					when: `${formatDay(meeting.startsAt, locale)}, ${formatTimes(meeting.startsAt, meeting.endsAt, locale)}`,
					what: t(`meetingType.${meeting.type}`),
					with: meeting.staff.name,
					proposed: meeting.status === 'proposed',
					// Only a goal this member may see (meetings.ts asks access.ts).
					goal: meeting.goal?.text ?? null
				}
			: null
	};
};
