import { error, redirect } from '@sveltejs/kit';
import type { SessionUser } from './session';

type Where = { locals: App.Locals; url: URL };
type Family = Extract<SessionUser, { kind: 'family' }>;
type Staff = Extract<SessionUser, { kind: 'staff' }>;

/** Signed-in user or a redirect to sign-in that comes back here afterwards. */
export function requireUser({ locals, url }: Where): SessionUser {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	return locals.user;
}

/** The family area is for family members only; anyone else gets "not found". */
export function requireFamily(where: Where): Family {
	const user = requireUser(where);
	if (user.kind !== 'family') error(404, 'notFound');
	return user;
}

/** The staff area is for staff only; a family member gets "not found". */
export function requireStaff(where: Where): Staff {
	const user = requireUser(where);
	if (user.kind !== 'staff') error(404, 'notFound');
	return user;
}

/** Where to land after signing in. */
export function homeOf(user: SessionUser): string {
	return user.kind === 'staff' ? '/staff' : '/home';
}
