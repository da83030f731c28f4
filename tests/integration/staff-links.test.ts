/**
 * A sign-in link for a new colleague (auth/staff-links.ts): the team leader adds a colleague,
 * whose sign-in has no password, and makes a single-use link; using it sets the password the
 * colleague then signs in with. Only the leader of the colleague's own team may make one.
 */
import { expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { describeEachBackend } from './harness';
import { departmentOf, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { teamGrant } from '../../src/lib/server/access';
import { addColleague } from '../../src/lib/server/staff-admin';
import { findStaffLink, makeStaffLink, staffLinkLifetimeMs, useStaffLink } from '../../src/lib/server/auth/staff-links';
import { findLinkByToken, listOpenLinks } from '../../src/lib/server/auth/links';
import { createInvitation } from '../../src/lib/server/auth/invitations';
import { signIn } from '../../src/lib/server/auth/signin';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { auditLog, invitations, users } from '../../src/lib/server/db/schema';
import { sqlState } from '../../src/lib/server/db';
import { grantFor } from './fixtures';

const password = 'lys over gellerup';
let n = 0;
const address = () => `203.0.${++n % 250}.${n}`;
const fastHash = async (p: string) => `fast:${p}`;

describeEachBackend('sign-in links for colleagues', (ctx) => {
	async function world() {
		const { db } = ctx();
		const team = await makeTeam(db);
		const leaderRow = await makeStaff(db, team.id, { role: 'team_leader' });
		const caseworkerRow = await makeStaff(db, team.id);
		const leader = staffActor(leaderRow, (await makeUser(db, { staffId: leaderRow.id })).id);
		const caseworker = staffActor(caseworkerRow, (await makeUser(db, { staffId: caseworkerRow.id })).id);
		const email = `hodan-${Date.now()}-${++n}@example.org`;
		const added = await addColleague(db, teamGrant(leader, 'edit')!, {
			name: 'Hodan Warsame Ali',
			email,
			departmentId: await departmentOf(db, team.id, 'social'),
			role: 'caseworker'
		});
		if (!added.ok) throw new Error(added.reason);
		return { db, team, leader, leaderRow, caseworker, caseworkerRow, email, colleagueId: added.staffId };
	}

	it('the leader makes a link; using it sets the password the colleague signs in with; it works once', async () => {
		const w = await world();
		const made = await makeStaffLink(w.db, teamGrant(w.leader, 'edit')!, w.colleagueId);
		if (!made.ok) throw new Error(made.reason);
		// The page greets by first name only.
		expect(await findStaffLink(w.db, made.token)).toMatchObject({ firstName: 'Hodan', email: w.email });
		// Family pages never see it.
		expect(await findLinkByToken(w.db, made.token)).toBeNull();
		const audit = await w.db
			.select({ detail: auditLog.detail })
			.from(auditLog)
			.where(and(eq(auditLog.action, 'staff.manage'), eq(auditLog.actorStaffId, w.leaderRow.id)));
		expect(audit.map((a) => a.detail)).toContain(`sign-in link ${w.colleagueId}`);

		// Before: no password signs in.
		const device = 'd'.repeat(43);
		expect(await signIn(w.db, { login: w.email, password, address: address(), device })).toMatchObject({ ok: false });
		// A password the rules refuse (the e-mail itself) leaves the link open.
		expect(await useStaffLink(w.db, made.token, { password: w.email, address: address() })).toMatchObject({
			ok: false,
			reason: 'password'
		});
		const used = await useStaffLink(w.db, made.token, { password, address: address() });
		expect(used.ok).toBe(true);
		const signedIn = await signIn(w.db, { login: w.email, password, address: address(), device });
		expect(signedIn).toMatchObject({ ok: true, kind: 'staff' });
		// Once only.
		expect(await findStaffLink(w.db, made.token)).toBeNull();
		expect(await useStaffLink(w.db, made.token, { password: 'en helt anden kode', address: address() }, new Date(), fastHash)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		const [user] = await w.db.select({ hash: users.passwordHash }).from(users).where(eq(users.staffId, w.colleagueId));
		expect(user.hash.startsWith('fast:')).toBe(false);
	});

	it('using a link ends the sessions the sign-in had', async () => {
		const w = await world();
		const [user] = await w.db.select({ id: users.id }).from(users).where(eq(users.staffId, w.colleagueId));
		const session = await createSession(w.db, user.id, 'staff', 'test');
		const made = await makeStaffLink(w.db, teamGrant(w.leader, 'edit')!, w.colleagueId);
		if (!made.ok) throw new Error(made.reason);
		expect((await useStaffLink(w.db, made.token, { password, address: address() }, new Date(), fastHash)).ok).toBe(true);
		expect(await validateSessionToken(w.db, session.token)).toBeNull();
	});

	it('an expired link does not work; a new link replaces an older unused one', async () => {
		const w = await world();
		const grant = teamGrant(w.leader, 'edit')!;
		const then = new Date(Date.now() - staffLinkLifetimeMs - 60_000);
		const expired = await makeStaffLink(w.db, grant, w.colleagueId, then);
		if (!expired.ok) throw new Error(expired.reason);
		expect(await findStaffLink(w.db, expired.token)).toBeNull();
		expect(await useStaffLink(w.db, expired.token, { password, address: address() }, new Date(), fastHash)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		const first = await makeStaffLink(w.db, grant, w.colleagueId);
		const second = await makeStaffLink(w.db, grant, w.colleagueId);
		if (!first.ok || !second.ok) throw new Error('expected links');
		expect(await findStaffLink(w.db, first.token)).toBeNull();
		expect(await findStaffLink(w.db, second.token)).not.toBeNull();
		const open = await w.db
			.select({ id: invitations.id })
			.from(invitations)
			.where(and(eq(invitations.staffId, w.colleagueId), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
		expect(open).toHaveLength(1);
		// A made-up token finds nothing and costs no query.
		expect(await findStaffLink(w.db, 'nonsense')).toBeNull();
	});

	it('a caseworker cannot make one, nor another team’s leader; nothing is made', async () => {
		const w = await world();
		expect(teamGrant(w.caseworker, 'edit')).toBeNull();
		expect(await makeStaffLink(w.db, teamGrant(w.caseworker, 'view')!, w.colleagueId)).toEqual({ ok: false, reason: 'notFound' });
		const otherTeam = await makeTeam(w.db);
		const otherRow = await makeStaff(w.db, otherTeam.id, { role: 'team_leader' });
		const other = staffActor(otherRow, (await makeUser(w.db, { staffId: otherRow.id })).id);
		expect(await makeStaffLink(w.db, teamGrant(other, 'edit')!, w.colleagueId)).toEqual({ ok: false, reason: 'notFound' });
		expect(await w.db.select().from(invitations).where(eq(invitations.staffId, w.colleagueId))).toHaveLength(0);
		// A colleague without a sign-in gets none.
		const noSignIn = await makeStaff(w.db, w.team.id);
		expect(await makeStaffLink(w.db, teamGrant(w.leader, 'edit')!, noSignIn.id)).toEqual({ ok: false, reason: 'noSignIn' });
	});

	it('the database takes a link for exactly one person; family links stay as they were', async () => {
		const w = await world();
		const { family, members } = await makeFamily(w.db, w.team.id, w.caseworkerRow.id, [{ role: 'parent' }]);
		const both = w.db.insert(invitations).values({
			id: `x${Date.now()}`,
			secretHash: new Uint8Array(32),
			familyMemberId: members[0].id,
			staffId: w.colleagueId,
			createdByStaffId: w.leaderRow.id,
			expiresAt: new Date(Date.now() + 3600_000)
		});
		expect(
			sqlState(
				await both.then(
					() => null,
					(e) => e
				)
			)
		).toBe('23514');
		const neither = w.db.insert(invitations).values({
			id: `y${Date.now()}`,
			secretHash: new Uint8Array(32),
			createdByStaffId: w.leaderRow.id,
			expiresAt: new Date(Date.now() + 3600_000)
		});
		expect(
			sqlState(
				await neither.then(
					() => null,
					(e) => e
				)
			)
		).toBe('23514');
		// A family link and a colleague's link side by side: the family's list shows only its own.
		const grant = await grantFor(w.db, w.caseworker, family.id, 'invitation.create');
		const invited = await createInvitation(w.db, grant, members[0].id);
		expect(invited.ok).toBe(true);
		await makeStaffLink(w.db, teamGrant(w.leader, 'edit')!, w.colleagueId);
		expect((await listOpenLinks(w.db, family.id)).map((l) => l.memberId)).toEqual([members[0].id]);
	});
});
