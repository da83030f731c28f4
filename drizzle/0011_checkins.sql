CREATE TABLE "checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"life_area" text NOT NULL,
	"score" smallint NOT NULL,
	"note" text,
	"day" date DEFAULT (now() at time zone 'Europe/Copenhagen')::date NOT NULL,
	"visibility" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkins_member_area_day_key" UNIQUE("member_id","life_area","day"),
	CONSTRAINT "checkins_score" CHECK ("checkins"."score" between 1 and 5),
	CONSTRAINT "checkins_note_length" CHECK ("checkins"."note" is null or char_length("checkins"."note") between 1 and 300),
	CONSTRAINT "checkins_life_area" CHECK (life_area in ('work', 'health', 'housing', 'money', 'school', 'leisure', 'family', 'other')),
	CONSTRAINT "checkins_visibility" CHECK ("checkins"."visibility" in ('family', 'member_private')),
	CONSTRAINT "checkins_version" CHECK ("checkins"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action";--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_member_family_fk" FOREIGN KEY ("member_id","family_id") REFERENCES "public"."family_members"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkins_family_idx" ON "checkins" USING btree ("family_id","day");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action" CHECK (action in ('family.view', 'invitation.create', 'signIn.reset', 'member.privateItems.read', 'family.staffItems.read', 'wish.write', 'wish.edit', 'checkin.write', 'checkin.edit'));