CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"family_id" uuid,
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"from_name" text DEFAULT '' NOT NULL,
	"meeting_at" timestamp with time zone,
	"deliver_after" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"channel" text,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_kind" CHECK (kind in ('message', 'meeting_booked', 'meeting_proposed', 'meeting_moved', 'meeting_cancelled', 'reminder_day', 'reminder_hours', 'goal_proposed', 'step_due')),
	CONSTRAINT "notifications_status" CHECK (status in ('pending', 'sending', 'sent', 'failed', 'skipped')),
	CONSTRAINT "notifications_channel" CHECK (channel is null or channel in ('email', 'sms', 'push', 'none')),
	CONSTRAINT "notifications_lease" CHECK (("notifications"."status" = 'sending') = ("notifications"."lease_until" is not null))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notify_by" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_due" ON "notifications" USING btree ("deliver_after") WHERE "notifications"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_one_waiting" ON "notifications" USING btree ("user_id","kind","subject_id") WHERE "notifications"."status" = 'pending' and "notifications"."kind" = 'message';--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_step_due_once" ON "notifications" USING btree ("user_id","subject_id") WHERE "notifications"."kind" = 'step_due';--> statement-breakpoint
CREATE INDEX "notifications_subject" ON "notifications" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "notifications_user" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_notify_by" CHECK (notify_by is null or notify_by in ('email', 'sms', 'push', 'none'));