/**
 * The form actions staff take on one meeting, shared by the calendar and the family's meetings
 * page: each reads its form here, at the edge, and the meeting's own family decides the grant.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/form';
import { notFound } from '$lib/server/http/not-found';
import { grantForMeeting } from '$lib/server/meetings/staff-actions';
import { markHeld, setInterpreterStatus, staffCancel } from '$lib/server/meetings/staff';
import { fieldErrors } from '$lib/schemas/forms';
import { heldSchema, interpreterSchema, staffCancelSchema } from '$lib/schemas/staff-meetings';

export async function interpreterAction(event: RequestEvent): Promise<void> {
	const parsed = interpreterSchema.safeParse(await readForm(event.request));
	if (!parsed.success) notFound();
	const { db, grant } = await grantForMeeting(event, parsed.data.id);
	if (!(await setInterpreterStatus(db, grant, parsed.data))) notFound();
}

export async function heldAction(event: RequestEvent): Promise<void> {
	const parsed = heldSchema.safeParse(await readForm(event.request));
	if (!parsed.success) notFound();
	const { db, grant } = await grantForMeeting(event, parsed.data.id);
	if (!(await markHeld(db, grant, { id: parsed.data.id, held: parsed.data.held === 'yes' }))) notFound();
}

/** Null when done; a 400 with the message when the note is too long. */
export async function cancelAction(event: RequestEvent) {
	const form = await readForm(event.request);
	const parsed = staffCancelSchema.safeParse(form);
	if (!parsed.success) {
		if (parsed.error.issues.some((i) => i.path[0] === 'id')) notFound();
		return fail(400, { action: 'cancel', id: form.id, values: form, errors: fieldErrors(parsed.error) });
	}
	const { db, grant } = await grantForMeeting(event, parsed.data.id);
	if (!(await staffCancel(db, grant, parsed.data))) notFound();
	return null;
}
