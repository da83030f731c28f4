import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { teamGrant } from '$lib/server/access';
import { notFound } from '$lib/server/http/not-found';
import { badFormatText, evaluationExport, exportCsv } from '$lib/server/evaluation-export';
import { exportQuery } from '$lib/schemas/dashboard';
import { copenhagenDate } from '$lib/i18n/format';
import type { RequestHandler } from './$types';

/**
 * The evaluators' export as a download (/staff/export?format=csv|json): the team leader only,
 * everyone else "not found" (access.ts teamGrant 'edit'). A format that is neither answers 400
 * with a plain sentence in the reader's language. Never cached: it is the team's data.
 */
export const GET: RequestHandler = async (event) => {
	const user = requireStaff(event);
	const grant = teamGrant(user, 'edit') ?? notFound();
	const query = exportQuery.safeParse({ format: event.url.searchParams.get('format') ?? undefined });
	if (!query.success) {
		return new Response(badFormatText(event.locals), {
			status: 400,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' }
		});
	}
	const { format } = query.data;
	const { db } = await getDatabase();
	const data = (await evaluationExport(db, grant)) ?? notFound();
	const body = format === 'csv' ? exportCsv(data) : JSON.stringify(data, null, 1);
	return new Response(body, {
		headers: {
			'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="opgang-evaluation-${copenhagenDate()}.${format}"`,
			'cache-control': 'private, no-store'
		}
	});
};
