import { fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { getDatabase } from '$lib/server/db';
import { requireFamily } from '$lib/server/auth/guards';
import { ownFamily } from '$lib/server/access';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { bookMeeting, slotsOf, staffCalendar } from '$lib/server/meetings/booking';
import { bookingMembers, slotsByDay } from '$lib/server/meetings/members';
import { goalChoices } from '$lib/server/goals';
import { fieldErrors } from '$lib/schemas/forms';
import { bookSchema, choicesFor, stepHref } from '$lib/schemas/meetings';
import type { Actions, PageServerLoad } from './$types';

/**
 * Step 5: everything chosen, with "change" links; what to talk about (and, if they like, which
 * of their goals it is about), and where to meet for a walk (one of the team's meeting points,
 * or their own words); book.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireFamily(event);
	const step = choicesFor(5, event.url.searchParams);
	if ('redirect' in step) redirect(303, step.redirect);
	const chosen = step.chosen as Required<typeof step.chosen>;
	const grant = ownFamily(user, 'meeting.book') ?? notFound();
	const { db } = await getDatabase();
	const [calendar, members, goals] = await Promise.all([
		staffCalendar(db, grant, chosen.staffId),
		bookingMembers(db, grant),
		goalChoices(db, grant)
	]);
	if (!calendar) redirect(303, '/meetings/book?missing=1');
	const taking = members.filter((m) => chosen.memberIds.includes(m.id));
	if (!taking.length) redirect(303, stepHref(3, chosen) + '&missing=1');
	const slots = slotsOf(calendar, chosen.type);
	const slot = slots.find((s) => s.start.getTime() === chosen.start.getTime());
	return {
		staffName: calendar.name,
		type: chosen.type,
		start: chosen.start.toISOString(),
		end: slot ? slot.end.toISOString() : new Date(chosen.start.getTime() + calendar.rules.minutes[chosen.type] * 60_000).toISOString(),
		members: taking.map((m) => m.name),
		interpreter: chosen.interpreter,
		office: calendar.places.office,
		points: chosen.type === 'walk' ? calendar.places.points : [],
		goals,
		// The time went meanwhile (or never was free): fresh times instead of the book button.
		fresh: slot ? null : slotsByDay(slots),
		change: { with: stepHref(1, chosen), time: stepHref(2, chosen), who: stepHref(3, chosen), interpreter: stepHref(4, chosen) },
		hidden: { staff: chosen.staffId, type: chosen.type, members: taking.map((m) => m.id).join(','), interpreter: chosen.interpreter },
		// The form posts to this very URL (its choices) plus the action, so a page drawn again after
		// a mistake without JavaScript still has every choice.
		action: `${event.url.search}&/book`,
		// A new one-time key per page view: the same confirm sent twice books once.
		formKey: randomUUID()
	};
};

/** What the form had in it, sent back as typed and chosen. */
const typed = (form: Record<string, string>) => ({
	topic: form.topic ?? '',
	place: form.place ?? '',
	point: form.point ?? '',
	goal: form.goal ?? ''
});

export const actions: Actions = {
	book: async (event) => {
		const user = requireFamily(event);
		const form = await readForm(event.request);
		const parsed = bookSchema.safeParse(form);
		if (!parsed.success) {
			const errors = fieldErrors(parsed.error);
			// Only the words are the reader's own; anything else broken means the choices were lost.
			const own = Object.fromEntries(Object.entries(errors).filter(([k]) => k === 'topic' || k === 'place'));
			if (Object.keys(own).length < Object.keys(errors).length) own.form = 'validation.choicesLost';
			return fail(400, { values: typed(form), errors: own });
		}
		const input = parsed.data;
		const { db } = await getDatabase();
		const result = await bookMeeting(db, ownFamily(user, 'meeting.book') ?? notFound(), {
			staffId: input.staff,
			type: input.type,
			start: input.start,
			memberIds: input.members,
			interpreterLanguage: input.interpreter === 'none' ? null : input.interpreter,
			// Only a walk's place is the family's to say (an office meeting is at the team's office).
			place: input.type === 'walk' ? input.place : '',
			pointId: input.type === 'walk' ? input.point : null,
			topic: input.topic,
			goalId: input.goal,
			formKey: input.formKey
		});
		if (result.ok) redirect(303, `/meetings/${result.id}?done=booked`);
		if (result.reason === 'notFound') notFound();
		// A point or goal gone meanwhile: choose again from the page as it is now, nothing typed lost.
		if (result.reason === 'point') return fail(409, { values: typed(form), errors: { point: 'validation.pointGone' } });
		if (result.reason === 'goal') return fail(409, { values: typed(form), errors: { goal: 'validation.goalGone' } });
		return fail(409, { values: typed(form), errors: {}, taken: slotsByDay(result.slots) });
	}
};
