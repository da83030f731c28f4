CREATE TABLE "family_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_staff_id" uuid,
	"to_staff_id" uuid,
	"ended_reason" text,
	"note" text DEFAULT '' NOT NULL,
	"changed_by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "family_changes_kind" CHECK (kind in ('contact', 'ended', 'reopened')),
	CONSTRAINT "family_changes_reason" CHECK ((kind = 'ended') = (ended_reason is not null) and (ended_reason is null or ended_reason in ('goals_reached', 'moved', 'declined', 'other'))),
	CONSTRAINT "family_changes_note_length" CHECK (char_length("family_changes"."note") <= 300)
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action";--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "ended_reason" text;--> statement-breakpoint
-- Hand-written: families that ended before reasons were kept say "other".
UPDATE "families" SET "ended_reason" = 'other' WHERE "status" = 'ended';--> statement-breakpoint
ALTER TABLE "family_changes" ADD CONSTRAINT "family_changes_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_changes" ADD CONSTRAINT "family_changes_from_staff_id_staff_id_fk" FOREIGN KEY ("from_staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_changes" ADD CONSTRAINT "family_changes_to_staff_id_staff_id_fk" FOREIGN KEY ("to_staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_changes" ADD CONSTRAINT "family_changes_changed_by_staff_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_changes_family_idx" ON "family_changes" USING btree ("family_id","at");--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_ended_has_reason" CHECK (("families"."status" = 'ended') = ("families"."ended_reason" is not null));--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_ended_reason" CHECK (ended_reason is null or ended_reason in ('goals_reached', 'moved', 'declined', 'other'));--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_ended_after_enrolled" CHECK ("families"."ended_on" is null or "families"."ended_on" >= "families"."enrolled_on");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action" CHECK (action in ('family.view', 'invitation.create', 'signIn.reset', 'member.privateItems.read', 'family.adultItems.read', 'family.staffItems.read', 'wish.write', 'wish.edit', 'checkin.write', 'checkin.edit', 'meeting.book', 'meeting.manage', 'goal.write', 'goal.propose', 'goal.support', 'message.write', 'message.manage', 'interest.write', 'interest.edit', 'interest.manage', 'outcome.record', 'family.manage'));