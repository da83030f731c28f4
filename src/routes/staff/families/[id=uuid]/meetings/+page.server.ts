import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { getDatabase, type Db } from '$lib/server/db';
import { families, familyMembers } from '$lib/server/db/schema';
import { requireStaff } from '$lib/server/auth/guards';
import { familyGrant, type FamilyGrant } from '$lib/server/access';
import { bookableStaff, bookMeeting, slotsOf, staffCalendar } from '$lib/server/meetings/booking';
import { familyMeetingsForStaff, staffMove } from '$lib/server/meetings/staff';
import { cancelAction, heldAction, interpreterAction } from '../../../meeting-actions.server';
import { readForm, type FormFields } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { fieldErrors, uuidField } from '$lib/schemas/forms';
import { staffBookSchema, staffMoveSchema } from '$lib/schemas/staff-meetings';
import { meetingTypes, type MeetingType } from '$lib/codes';
import type { Slot } from '$lib/server/meetings/slots';
import type { TeamMeetingPlaces } from '$lib/server/meetings/places';
import type { Actions, PageServerLoad } from './$types';

const doneKeys = ['booked', 'proposed', 'moved', 'cancelled'] as const;

async function grantOf(event: RequestEvent<{ id: string }>) {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const grant = (await familyGrant(db, user, event.params.id, 'meeting.manage')) ?? notFound();
	return { db, user, grant };
}

/** The family's name and members (for "who takes part"), one statement. */
async function familyOf(db: Db, grant: FamilyGrant) {
	const rows = await db
		.select({ name: families.name, memberId: familyMembers.id, memberName: familyMembers.name, language: familyMembers.preferredLanguage })
		.from(families)
		.innerJoin(familyMembers, eq(familyMembers.familyId, families.id))
		.where(and(eq(families.id, grant.familyId)))
		.orderBy(asc(familyMembers.name));
	return { name: rows[0]?.name ?? '', members: rows.map((r) => ({ id: r.memberId, name: r.memberName, language: r.language })) };
}

const slotShape = (s: Slot) => ({ start: s.start.toISOString(), end: s.end.toISOString() });

export const load: PageServerLoad = async (event) => {
	const { db, user, grant } = await grantOf(event);
	const [family, meetings, people] = await Promise.all([familyOf(db, grant), familyMeetingsForStaff(db, grant), bookableStaff(db, grant)]);
	const q = event.url.searchParams;
	const moving = meetings.find((m) => m.id === q.get('move') && (m.status === 'booked' || m.status === 'proposed')) ?? null;
	const staffId = moving?.staffId ?? (uuidField.safeParse(q.get('staff')).success ? q.get('staff')! : user.staffId);
	const type = moving?.type ?? (meetingTypes.find((t) => t === q.get('type')) as MeetingType | undefined) ?? null;
	let slots: { start: string; end: string }[] | null = null;
	let places: TeamMeetingPlaces | null = null;
	if (staffId && type) {
		const calendar = await staffCalendar(db, grant, staffId, moving?.id ?? null);
		if (calendar) {
			calendar.rules = { ...calendar.rules, noticeHours: 0 };
			slots = slotsOf(calendar, type).map(slotShape);
			// Where the family's team meets: its office, its walk meeting points.
			places = calendar.places;
		}
	}
	const now = Date.now();
	return {
		familyId: grant.familyId,
		familyName: family.name,
		members: family.members,
		people,
		viewer: user.staffId,
		meetings: meetings.map((m) => ({
			...m,
			startsAt: m.startsAt.toISOString(),
			endsAt: m.endsAt.toISOString(),
			begun: m.startsAt.getTime() <= now
		})),
		choice: { staffId, type },
		moving: moving?.id ?? null,
		slots,
		places,
		done: doneKeys.find((k) => k === q.get('done')) ?? null,
		formKey: randomUUID()
	};
};

/** Checkbox per member ("member_<id>"): readForm keeps one value per name. */
const membersOf = (form: FormFields) =>
	Object.keys(form)
		.filter((k) => k.startsWith('member_'))
		.map((k) => k.slice('member_'.length))
		.filter((id) => uuidField.safeParse(id).success);

export const actions: Actions = {
	book: async (event) => {
		const form = await readForm(event.request);
		const parsed = staffBookSchema.safeParse(form);
		if (!parsed.success) return fail(400, { action: 'book', values: form, errors: fieldErrors(parsed.error) });
		const { db, grant } = await grantOf(event);
		const { interpreter, propose, point, ...rest } = parsed.data;
		const result = await bookMeeting(db, grant, {
			...rest,
			interpreterLanguage: interpreter,
			pointId: point,
			memberIds: membersOf(form),
			propose: propose === 'yes'
		});
		if (!result.ok && (result.reason === 'notFound' || result.reason === 'goal')) notFound();
		if (!result.ok && result.reason === 'point')
			return fail(409, { action: 'book', values: form, errors: { point: 'validation.pointGone' } });
		if (!result.ok)
			return fail(409, { action: 'book', values: form, errors: { start: 'staffMeetings.taken' }, slots: result.slots.map(slotShape) });
		redirect(303, `/staff/families/${grant.familyId}/meetings?done=${propose === 'yes' ? 'proposed' : 'booked'}`);
	},
	move: async (event) => {
		const form = await readForm(event.request);
		const parsed = staffMoveSchema.safeParse(form);
		if (!parsed.success) {
			if (parsed.error.issues.some((i) => i.path[0] === 'id')) notFound();
			return fail(400, { action: 'move', values: form, errors: fieldErrors(parsed.error) });
		}
		const { db, grant } = await grantOf(event);
		const result = await staffMove(db, grant, parsed.data);
		if (!result.ok && result.reason === 'notFound') notFound();
		if (!result.ok) return fail(409, { action: 'move', values: form, errors: { start: 'staffMeetings.taken' } });
		redirect(303, `/staff/families/${grant.familyId}/meetings?done=moved`);
	},
	// The meeting's own family decides the grant (staff-actions.ts), whatever this page's family is.
	interpreter: async (event) => {
		await interpreterAction(event);
		redirect(303, `/staff/families/${event.params.id}/meetings`);
	},
	held: async (event) => {
		await heldAction(event);
		redirect(303, `/staff/families/${event.params.id}/meetings`);
	},
	cancel: async (event) => {
		const failed = await cancelAction(event);
		if (failed) return failed;
		redirect(303, `/staff/families/${event.params.id}/meetings?done=cancelled`);
	}
};
