/**
 * The staff's side of one family's conversations. What a staff member's view of a conversation
 * carries beyond the family's — the family's name, the team's quick replies (each with the
 * language it would go out in) and the colleagues it can be handed to — are columns for
 * readThread's first statement, so the staff page keeps to its six statements; they are
 * correlated to the statement's `conversations` row, which readThread has already limited to
 * what the actor may see. And who a staff member can start a conversation with.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db';
import { conversations, families, familyMembers, quickReplies, staff, users } from '../db/schema';
import { worksWithFamily, type FamilyGrant } from '../access';
import { pickText, type LocalizedText } from '$lib/localized';
import { mayHaveSignIn, type MemberRole } from '$lib/roles';

const colleague = alias(staff, 'colleague');

export const staffThreadColumns = {
	familyName: sql<string>`(select f.name from ${families} f where f.id = ${conversations.familyId})`,
	memberName: sql<string | null>`(select m.name from ${familyMembers} m where m.id = ${conversations.memberId})`,
	quickReplies: sql<{ id: string; texts: LocalizedText }[]>`coalesce((select json_agg(json_build_object('id', q.id, 'texts', q.texts)
			order by q.position, q.created_at) from ${quickReplies} q where q.team_id = ${conversations.teamId}), '[]'::json)`,
	// Only colleagues who work with the family: whoever it is handed to must be able to open it.
	colleagues: sql<{ id: string; name: string }[]>`coalesce((select json_agg(json_build_object('id', ${colleague.id}, 'name', ${colleague.name})
			order by ${colleague.name}) from ${families} join ${staff} colleague on ${colleague.teamId} = ${families.teamId}
			where ${families.id} = ${conversations.familyId} and ${worksWithFamily(colleague)}), '[]'::json)`
};

export type StaffThreadRow = { [K in keyof typeof staffThreadColumns]: (typeof staffThreadColumns)[K]['_']['type'] } & { staffId: string };

export interface QuickReplyChoice {
	id: string;
	/** What the caseworker reads. */
	da: string;
	/** The language it goes out in: the family member's when the team has it, else Danish. */
	lang: string;
}

export interface TeamSide {
	familyName: string;
	/** A private conversation's one member. */
	memberName: string | null;
	quickReplies: QuickReplyChoice[];
	/** Colleagues on the team who work with the family, except the one who answers now. */
	colleagues: { id: string; name: string }[];
}

export function staffThreadOf(row: StaffThreadRow, language: string): TeamSide {
	return {
		familyName: row.familyName,
		memberName: row.memberName,
		quickReplies: row.quickReplies.flatMap((q) => {
			const picked = pickText(q.texts, language);
			const da = q.texts.da?.trim();
			return picked && da ? [{ id: q.id, da, lang: picked.lang }] : [];
		}),
		colleagues: row.colleagues.filter((c) => c.id !== row.staffId)
	};
}

export interface WriteTarget {
	id: string;
	name: string;
	role: MemberRole;
	birthYear: number | null;
	hasSignIn: boolean;
}

/**
 * Who a staff member can write to in the grant's family: the adults together, or one member
 * old enough for a sign-in (a younger child's conversation would be the adults' anyway).
 * One statement, with the family's name.
 */
export async function writeTargets(db: Db, grant: FamilyGrant): Promise<{ familyName: string; members: WriteTarget[] } | null> {
	if (grant.actor.kind !== 'staff' || grant.action !== 'message.write') return null;
	const rows = await db
		.select({
			familyName: families.name,
			id: familyMembers.id,
			name: familyMembers.name,
			role: familyMembers.role,
			birthYear: familyMembers.birthYear,
			hasSignIn: sql<boolean>`${users.id} is not null`
		})
		.from(families)
		.innerJoin(familyMembers, eq(familyMembers.familyId, families.id))
		.leftJoin(users, eq(users.familyMemberId, familyMembers.id))
		.where(eq(families.id, grant.familyId))
		.orderBy(sql`case ${familyMembers.role} when 'parent' then 0 when 'other_adult' then 1 else 2 end`, asc(familyMembers.birthYear), asc(familyMembers.name));
	if (!rows.length) return null;
	return { familyName: rows[0].familyName, members: rows.filter((r) => mayHaveSignIn(r)).map(({ familyName: _, ...m }) => m) };
}
