/**
 * Staff act on one meeting from more than one page (the calendar, the family's meetings): the
 * meeting's family is looked up within what the staff member may see, then a 'meeting.manage'
 * grant on that family is asked for (and audited) before anything changes. The routes parse
 * the form (validation at the edge) and call the service with this grant.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { getDatabase } from '../db';
import { requireStaff } from '../auth/guards';
import { familyGrant } from '../access';
import { notFound } from '../http/not-found';
import { meetingFamily } from './staff';

export async function grantForMeeting(event: RequestEvent, id: string) {
	const user = requireStaff(event);
	const { db } = await getDatabase();
	const familyId = (await meetingFamily(db, user, id)) ?? notFound();
	const grant = (await familyGrant(db, user, familyId, 'meeting.manage')) ?? notFound();
	return { db, grant };
}
