CREATE TABLE "meeting_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_points_name_length" CHECK (char_length("meeting_points"."name") between 1 and 80 and "meeting_points"."name" = btrim("meeting_points"."name")),
	CONSTRAINT "meeting_points_description_length" CHECK (char_length("meeting_points"."description") <= 200),
	CONSTRAINT "meeting_points_sort_order" CHECK ("meeting_points"."sort_order" >= 0)
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "office_address" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "goal_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_points" ADD CONSTRAINT "meeting_points_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_points_team_name_key" ON "meeting_points" USING btree ("team_id",lower("name"));--> statement-breakpoint
CREATE INDEX "meeting_points_team_idx" ON "meeting_points" USING btree ("team_id","sort_order");--> statement-breakpoint
CREATE INDEX "meetings_goal_idx" ON "meetings" USING btree ("goal_id");--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_office_address_length" CHECK ("teams"."office_address" is null or char_length("teams"."office_address") between 1 and 300);--> statement-breakpoint
-- By hand (drizzle cannot express SET NULL for one column of a composite key; PostgreSQL 15+):
-- a meeting's goal is one of the meeting's own family's goals, and a goal that goes takes only
-- the pointer with it, never the meeting or its family.
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_goal_family_fk" FOREIGN KEY ("goal_id","family_id") REFERENCES "public"."goals"("id","family_id") ON DELETE SET NULL ("goal_id") ON UPDATE no action;
