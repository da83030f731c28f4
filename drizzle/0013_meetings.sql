CREATE TABLE "availability_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"types" text[] NOT NULL,
	CONSTRAINT "availability_windows_weekday" CHECK ("availability_windows"."weekday" between 1 and 7),
	CONSTRAINT "availability_windows_order" CHECK ("availability_windows"."ends_at" > "availability_windows"."starts_at"),
	CONSTRAINT "availability_windows_types" CHECK (cardinality(types) >= 1 and types <@ array['home', 'office', 'walk', 'phone', 'video']::text[])
);
--> statement-breakpoint
CREATE TABLE "booking_rules" (
	"staff_id" uuid PRIMARY KEY NOT NULL,
	"home_minutes" smallint DEFAULT 60 NOT NULL,
	"office_minutes" smallint DEFAULT 45 NOT NULL,
	"walk_minutes" smallint DEFAULT 45 NOT NULL,
	"phone_minutes" smallint DEFAULT 30 NOT NULL,
	"video_minutes" smallint DEFAULT 30 NOT NULL,
	"travel_minutes" smallint DEFAULT 30 NOT NULL,
	"notice_hours" smallint DEFAULT 24 NOT NULL,
	"horizon_days" smallint DEFAULT 21 NOT NULL,
	"cutoff_hours" smallint DEFAULT 24 NOT NULL,
	CONSTRAINT "booking_rules_minutes" CHECK (least("booking_rules"."home_minutes", "booking_rules"."office_minutes", "booking_rules"."walk_minutes", "booking_rules"."phone_minutes", "booking_rules"."video_minutes") >= 10
				and greatest("booking_rules"."home_minutes", "booking_rules"."office_minutes", "booking_rules"."walk_minutes", "booking_rules"."phone_minutes", "booking_rules"."video_minutes") <= 240),
	CONSTRAINT "booking_rules_travel" CHECK ("booking_rules"."travel_minutes" between 0 and 120),
	CONSTRAINT "booking_rules_notice" CHECK ("booking_rules"."notice_hours" between 0 and 336),
	CONSTRAINT "booking_rules_horizon" CHECK ("booking_rules"."horizon_days" between 1 and 90),
	CONSTRAINT "booking_rules_cutoff" CHECK ("booking_rules"."cutoff_hours" between 0 and 168)
);
--> statement-breakpoint
CREATE TABLE "meeting_members" (
	"meeting_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "meeting_members_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"blocked_from" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"interpreter_language" text,
	"interpreter_status" text,
	"topic" text DEFAULT '' NOT NULL,
	"booked_by_member_id" uuid,
	"booked_by_staff_id" uuid,
	"form_key" uuid NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"change_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_form_key_key" UNIQUE("form_key"),
	CONSTRAINT "meetings_id_family_key" UNIQUE("id","family_id"),
	CONSTRAINT "meetings_type" CHECK (type in ('home', 'office', 'walk', 'phone', 'video')),
	CONSTRAINT "meetings_status" CHECK (status in ('proposed', 'booked', 'cancelled', 'held', 'not_held')),
	CONSTRAINT "meetings_times" CHECK ("meetings"."blocked_from" <= "meetings"."starts_at" and "meetings"."starts_at" < "meetings"."ends_at" and "meetings"."ends_at" <= "meetings"."blocked_until"),
	CONSTRAINT "meetings_interpreter" CHECK ((interpreter_language is null) = (interpreter_status is null) and (interpreter_status is null or interpreter_status in ('requested', 'arranged', 'not_possible'))),
	CONSTRAINT "meetings_place_length" CHECK (char_length("meetings"."place") <= 300),
	CONSTRAINT "meetings_topic_length" CHECK (char_length("meetings"."topic") <= 1000),
	CONSTRAINT "meetings_change_note_length" CHECK (char_length("meetings"."change_note") <= 1000),
	CONSTRAINT "meetings_sequence" CHECK ("meetings"."sequence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "time_off" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "time_off_order" CHECK ("time_off"."ends_at" > "time_off"."starts_at"),
	CONSTRAINT "time_off_kind" CHECK (kind in ('holiday', 'sick', 'leave', 'course', 'other'))
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action";--> statement-breakpoint
ALTER TABLE "availability_windows" ADD CONSTRAINT "availability_windows_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_rules" ADD CONSTRAINT "booking_rules_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_members" ADD CONSTRAINT "meeting_members_meeting_family_fk" FOREIGN KEY ("meeting_id","family_id") REFERENCES "public"."meetings"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_members" ADD CONSTRAINT "meeting_members_member_family_fk" FOREIGN KEY ("member_id","family_id") REFERENCES "public"."family_members"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_booked_by_staff_id_staff_id_fk" FOREIGN KEY ("booked_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_family_team_fk" FOREIGN KEY ("family_id","team_id") REFERENCES "public"."families"("id","team_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_staff_team_fk" FOREIGN KEY ("staff_id","team_id") REFERENCES "public"."staff"("id","team_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_booked_by_member_fk" FOREIGN KEY ("booked_by_member_id","family_id") REFERENCES "public"."family_members"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_off" ADD CONSTRAINT "time_off_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "availability_windows_staff_idx" ON "availability_windows" USING btree ("staff_id","weekday");--> statement-breakpoint
CREATE INDEX "meetings_family_idx" ON "meetings" USING btree ("family_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_staff_idx" ON "meetings" USING btree ("staff_id","starts_at");--> statement-breakpoint
CREATE INDEX "time_off_staff_idx" ON "time_off" USING btree ("staff_id","ends_at");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action" CHECK (action in ('family.view', 'invitation.create', 'signIn.reset', 'member.privateItems.read', 'family.staffItems.read', 'wish.write', 'wish.edit', 'checkin.write', 'checkin.edit', 'meeting.book', 'meeting.manage', 'goal.write', 'goal.propose', 'goal.support'));--> statement-breakpoint
-- By hand (drizzle cannot express it): no two meetings that hold a staff member's time block overlapping ranges. btree_gist came in 0003.
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_no_overlap" EXCLUDE USING gist ("staff_id" WITH =, tstzrange("blocked_from", "blocked_until", '[)') WITH &&) WHERE ("status" IN ('proposed', 'booked', 'held', 'not_held'));
