CREATE TABLE "goal_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"family_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"step_id" uuid,
	"text" text,
	"old_text" text,
	"member_id" uuid,
	"staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_events_kind" CHECK (kind in ('created', 'proposed', 'accepted', 'declined', 'edited', 'reached', 'reopened', 'step_added', 'step_done', 'step_reopened', 'note')),
	CONSTRAINT "goal_events_one_author" CHECK (num_nonnulls("goal_events"."member_id", "goal_events"."staff_id") = 1),
	CONSTRAINT "goal_events_text_length" CHECK ("goal_events"."text" is null or char_length("goal_events"."text") between 1 and 1000),
	CONSTRAINT "goal_events_note_text" CHECK ("goal_events"."kind" <> 'note' or "goal_events"."text" is not null),
	CONSTRAINT "goal_events_step" CHECK (("goal_events"."kind" like 'step_%') = ("goal_events"."step_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "goal_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"text" text NOT NULL,
	"assignee_member_id" uuid,
	"assignee_staff_id" uuid,
	"together" boolean DEFAULT false NOT NULL,
	"due_on" date,
	"member_id" uuid,
	"staff_id" uuid,
	"done_at" timestamp with time zone,
	"done_by_member_id" uuid,
	"done_by_staff_id" uuid,
	"form_key" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_steps_form_key_key" UNIQUE("form_key"),
	CONSTRAINT "goal_steps_text_length" CHECK (char_length("goal_steps"."text") between 1 and 300),
	CONSTRAINT "goal_steps_one_assignee" CHECK (num_nonnulls("goal_steps"."assignee_member_id", "goal_steps"."assignee_staff_id") + "goal_steps"."together"::int = 1),
	CONSTRAINT "goal_steps_one_author" CHECK (num_nonnulls("goal_steps"."member_id", "goal_steps"."staff_id") = 1),
	CONSTRAINT "goal_steps_done" CHECK (("goal_steps"."done_at" is null and "goal_steps"."done_by_member_id" is null and "goal_steps"."done_by_staff_id" is null)
				or ("goal_steps"."done_at" is not null and num_nonnulls("goal_steps"."done_by_member_id", "goal_steps"."done_by_staff_id") = 1))
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"wish_id" uuid NOT NULL,
	"text" text NOT NULL,
	"status" text NOT NULL,
	"decline_reason" text,
	"member_id" uuid,
	"staff_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"form_key" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_form_key_key" UNIQUE("form_key"),
	CONSTRAINT "goals_id_family_key" UNIQUE("id","family_id"),
	CONSTRAINT "goals_one_author" CHECK (num_nonnulls("goals"."member_id", "goals"."staff_id") = 1),
	CONSTRAINT "goals_text_length" CHECK (char_length("goals"."text") between 1 and 300),
	CONSTRAINT "goals_status" CHECK (status in ('proposed', 'active', 'reached', 'declined')),
	CONSTRAINT "goals_proposed_by_staff" CHECK ("goals"."status" <> 'proposed' or "goals"."staff_id" is not null),
	CONSTRAINT "goals_decline_reason" CHECK ("goals"."decline_reason" is null or ("goals"."status" = 'declined' and char_length("goals"."decline_reason") between 1 and 500)),
	CONSTRAINT "goals_version" CHECK ("goals"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action";--> statement-breakpoint
ALTER TABLE "goal_events" ADD CONSTRAINT "goal_events_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_events" ADD CONSTRAINT "goal_events_step_id_goal_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."goal_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_events" ADD CONSTRAINT "goal_events_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_events" ADD CONSTRAINT "goal_events_goal_family_fk" FOREIGN KEY ("goal_id","family_id") REFERENCES "public"."goals"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_events" ADD CONSTRAINT "goal_events_member_family_fk" FOREIGN KEY ("member_id","family_id") REFERENCES "public"."family_members"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_steps" ADD CONSTRAINT "goal_steps_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_steps" ADD CONSTRAINT "goal_steps_assignee_staff_id_staff_id_fk" FOREIGN KEY ("assignee_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_steps" ADD CONSTRAINT "goal_steps_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_steps" ADD CONSTRAINT "goal_steps_done_by_staff_id_staff_id_fk" FOREIGN KEY ("done_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_steps" ADD CONSTRAINT "goal_steps_goal_family_fk" FOREIGN KEY ("goal_id","family_id") REFERENCES "public"."goals"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_steps" ADD CONSTRAINT "goal_steps_assignee_family_fk" FOREIGN KEY ("assignee_member_id","family_id") REFERENCES "public"."family_members"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_steps" ADD CONSTRAINT "goal_steps_member_family_fk" FOREIGN KEY ("member_id","family_id") REFERENCES "public"."family_members"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_steps" ADD CONSTRAINT "goal_steps_done_by_family_fk" FOREIGN KEY ("done_by_member_id","family_id") REFERENCES "public"."family_members"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_id_family_key" UNIQUE("id","family_id");--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_wish_family_fk" FOREIGN KEY ("wish_id","family_id") REFERENCES "public"."wishes"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_member_family_fk" FOREIGN KEY ("member_id","family_id") REFERENCES "public"."family_members"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_events_family_idx" ON "goal_events" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "goal_events_goal_idx" ON "goal_events" USING btree ("goal_id","id");--> statement-breakpoint
CREATE INDEX "goal_steps_family_idx" ON "goal_steps" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "goal_steps_goal_idx" ON "goal_steps" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "goals_family_idx" ON "goals" USING btree ("family_id","wish_id");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action" CHECK (action in ('family.view', 'invitation.create', 'signIn.reset', 'member.privateItems.read', 'family.staffItems.read', 'wish.write', 'wish.edit', 'checkin.write', 'checkin.edit', 'goal.write', 'goal.propose', 'goal.support'));