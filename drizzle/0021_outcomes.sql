CREATE TABLE "outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"visibility" text NOT NULL,
	"from_on" date NOT NULL,
	"work" text,
	"absence_percent" numeric(4, 1),
	"leisure" text,
	"in_education" boolean,
	"source" text DEFAULT 'staff' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcomes_member_kind_from_key" UNIQUE("member_id","kind","from_on"),
	CONSTRAINT "outcomes_kind" CHECK (kind in ('work', 'school', 'youth')),
	CONSTRAINT "outcomes_visibility" CHECK ("outcomes"."visibility" = case when "outcomes"."kind" = 'work' then 'adults' else 'member_private' end),
	CONSTRAINT "outcomes_work" CHECK ((kind = 'work') = (work is not null) and (work is null or work in ('education', 'full_time', 'part_time', 'flex_job', 'activation', 'no_work', 'sick_leave', 'early_pension'))),
	CONSTRAINT "outcomes_school" CHECK (("outcomes"."kind" = 'school') = ("outcomes"."absence_percent" is not null) and ("outcomes"."absence_percent" is null or "outcomes"."absence_percent" between 0 and 100)),
	CONSTRAINT "outcomes_school_term" CHECK ("outcomes"."kind" <> 'school' or (extract(day from "outcomes"."from_on") = 1 and extract(month from "outcomes"."from_on") in (1, 8))),
	CONSTRAINT "outcomes_youth" CHECK ((kind = 'youth') = (leisure is not null) and (kind = 'youth') = (in_education is not null) and (leisure is null or leisure in ('job', 'activity', 'none'))),
	CONSTRAINT "outcomes_source" CHECK ("outcomes"."source" in ('staff', 'api'))
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action";--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_member_family_fk" FOREIGN KEY ("member_id","family_id") REFERENCES "public"."family_members"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outcomes_family_idx" ON "outcomes" USING btree ("family_id","kind","from_on");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action" CHECK (action in ('family.view', 'invitation.create', 'signIn.reset', 'member.privateItems.read', 'family.adultItems.read', 'family.staffItems.read', 'wish.write', 'wish.edit', 'checkin.write', 'checkin.edit', 'meeting.book', 'meeting.manage', 'goal.write', 'goal.propose', 'goal.support', 'message.write', 'message.manage', 'interest.write', 'interest.edit', 'interest.manage', 'outcome.record'));