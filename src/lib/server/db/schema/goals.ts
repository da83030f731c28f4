import { sql } from 'drizzle-orm';
// Relative, not $lib: drizzle-kit loads the schema without SvelteKit's aliases.
import { declineReasonMaxLength, goalEventKinds, goalMaxLength, goalNoteMaxLength, goalStatuses, oneOf } from '../../../codes';
import { bigserial, boolean, check, date, foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { families, familyMembers, staff } from './people';
import { wishes } from './wishes';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A goal that grows out of one wish. It has no visibility of its own: who sees it is who sees
 * its wish (goals.ts joins the wish and asks access.ts), so a teenager's private wish keeps its
 * goals, steps and timeline private too. Written by a family member (active at once) or
 * proposed by a staff member (waiting for a family member's yes or no).
 */
export const goals = pgTable(
	'goals',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		familyId: uuid('family_id')
			.notNull()
			.references(() => families.id, { onDelete: 'cascade' }),
		wishId: uuid('wish_id').notNull(),
		text: text('text').notNull(),
		status: text('status', { enum: goalStatuses }).notNull(),
		/** Why the family said no to a proposal (optional, their own words). */
		declineReason: text('decline_reason'),
		/** Who wrote it: a family member, or the staff member who proposed it. Exactly one. */
		memberId: uuid('member_id'),
		staffId: uuid('staff_id').references(() => staff.id),
		/** Raised by every change: a save made from an older version is a conflict, not an overwrite. */
		version: integer('version').notNull().default(1),
		/** The form's one-time key: a double tap makes one goal. */
		formKey: uuid('form_key').notNull(),
		createdAt: at('created_at').notNull().defaultNow(),
		updatedAt: at('updated_at').notNull().defaultNow()
	},
	(t) => [
		index('goals_family_idx').on(t.familyId, t.wishId),
		unique('goals_form_key_key').on(t.formKey),
		unique('goals_id_family_key').on(t.id, t.familyId),
		// The wish and the writer belong to this family, never to another.
		foreignKey({ name: 'goals_wish_family_fk', columns: [t.wishId, t.familyId], foreignColumns: [wishes.id, wishes.familyId] }).onDelete(
			'cascade'
		),
		foreignKey({
			name: 'goals_member_family_fk',
			columns: [t.memberId, t.familyId],
			foreignColumns: [familyMembers.id, familyMembers.familyId]
		}).onDelete('cascade'),
		check('goals_one_author', sql`num_nonnulls(${t.memberId}, ${t.staffId}) = 1`),
		check('goals_text_length', sql`char_length(${t.text}) between 1 and ${sql.raw(String(goalMaxLength))}`),
		check('goals_status', sql.raw(`status in (${oneOf(goalStatuses)})`)),
		// Only staff propose; a family member's goal is theirs from the start.
		check('goals_proposed_by_staff', sql`${t.status} <> 'proposed' or ${t.staffId} is not null`),
		check(
			'goals_decline_reason',
			sql`${t.declineReason} is null or (${t.status} = 'declined' and char_length(${t.declineReason}) between 1 and ${sql.raw(String(declineReasonMaxLength))})`
		),
		check('goals_version', sql`${t.version} >= 1`)
	]
);

/**
 * A next step on a goal: what, for whom (one family member, one staff member, or everyone
 * together: exactly one), an optional day, and who marked it done and when.
 */
export const goalSteps = pgTable(
	'goal_steps',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		familyId: uuid('family_id')
			.notNull()
			.references(() => families.id, { onDelete: 'cascade' }),
		goalId: uuid('goal_id').notNull(),
		text: text('text').notNull(),
		assigneeMemberId: uuid('assignee_member_id'),
		assigneeStaffId: uuid('assignee_staff_id').references(() => staff.id),
		together: boolean('together').notNull().default(false),
		dueOn: date('due_on'),
		/** Who added it: a family member or a staff member. */
		memberId: uuid('member_id'),
		staffId: uuid('staff_id').references(() => staff.id),
		doneAt: at('done_at'),
		doneByMemberId: uuid('done_by_member_id'),
		doneByStaffId: uuid('done_by_staff_id').references(() => staff.id),
		formKey: uuid('form_key').notNull(),
		createdAt: at('created_at').notNull().defaultNow()
	},
	(t) => [
		index('goal_steps_family_idx').on(t.familyId),
		index('goal_steps_goal_idx').on(t.goalId),
		unique('goal_steps_form_key_key').on(t.formKey),
		foreignKey({ name: 'goal_steps_goal_family_fk', columns: [t.goalId, t.familyId], foreignColumns: [goals.id, goals.familyId] }).onDelete(
			'cascade'
		),
		foreignKey({
			name: 'goal_steps_assignee_family_fk',
			columns: [t.assigneeMemberId, t.familyId],
			foreignColumns: [familyMembers.id, familyMembers.familyId]
		}).onDelete('cascade'),
		foreignKey({
			name: 'goal_steps_member_family_fk',
			columns: [t.memberId, t.familyId],
			foreignColumns: [familyMembers.id, familyMembers.familyId]
		}).onDelete('cascade'),
		foreignKey({
			name: 'goal_steps_done_by_family_fk',
			columns: [t.doneByMemberId, t.familyId],
			foreignColumns: [familyMembers.id, familyMembers.familyId]
		}).onDelete('cascade'),
		check('goal_steps_text_length', sql`char_length(${t.text}) between 1 and ${sql.raw(String(goalMaxLength))}`),
		check('goal_steps_one_assignee', sql`num_nonnulls(${t.assigneeMemberId}, ${t.assigneeStaffId}) + ${t.together}::int = 1`),
		check('goal_steps_one_author', sql`num_nonnulls(${t.memberId}, ${t.staffId}) = 1`),
		// Done means done by exactly one person at one moment; open means neither.
		check(
			'goal_steps_done',
			sql`(${t.doneAt} is null and ${t.doneByMemberId} is null and ${t.doneByStaffId} is null)
				or (${t.doneAt} is not null and num_nonnulls(${t.doneByMemberId}, ${t.doneByStaffId}) = 1)`
		)
	]
);

/**
 * A goal's story, newest first on screen: each change writes its event in the same
 * transaction, and notes are events of their own. Written by a family member or a staff
 * member (exactly one). `id` orders events made in the same transaction (same now()).
 */
export const goalEvents = pgTable(
	'goal_events',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		familyId: uuid('family_id')
			.notNull()
			.references(() => families.id, { onDelete: 'cascade' }),
		goalId: uuid('goal_id').notNull(),
		kind: text('kind', { enum: goalEventKinds }).notNull(),
		stepId: uuid('step_id').references(() => goalSteps.id, { onDelete: 'cascade' }),
		/** A note, the new words (edited, accepted), or a reason (declined). */
		text: text('text'),
		/** The words before an edit, kept beside the new ones. */
		oldText: text('old_text'),
		memberId: uuid('member_id'),
		staffId: uuid('staff_id').references(() => staff.id),
		createdAt: at('created_at').notNull().defaultNow()
	},
	(t) => [
		index('goal_events_family_idx').on(t.familyId),
		index('goal_events_goal_idx').on(t.goalId, t.id),
		foreignKey({
			name: 'goal_events_goal_family_fk',
			columns: [t.goalId, t.familyId],
			foreignColumns: [goals.id, goals.familyId]
		}).onDelete('cascade'),
		foreignKey({
			name: 'goal_events_member_family_fk',
			columns: [t.memberId, t.familyId],
			foreignColumns: [familyMembers.id, familyMembers.familyId]
		}).onDelete('cascade'),
		check('goal_events_kind', sql.raw(`kind in (${oneOf(goalEventKinds)})`)),
		check('goal_events_one_author', sql`num_nonnulls(${t.memberId}, ${t.staffId}) = 1`),
		check('goal_events_text_length', sql`${t.text} is null or char_length(${t.text}) between 1 and ${sql.raw(String(goalNoteMaxLength))}`),
		check('goal_events_note_text', sql`${t.kind} <> 'note' or ${t.text} is not null`),
		check('goal_events_step', sql`(${t.kind} like 'step_%') = (${t.stepId} is not null)`)
	]
);
