-- Hand-ordered (drizzle generated the statements): data moves before columns go, and unique
-- keys exist before the foreign keys that use them.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE TABLE "absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"kind" text NOT NULL,
	"stand_in_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absences_dates" CHECK ("absences"."ends_on" >= "absences"."starts_on"),
	CONSTRAINT "absences_kind" CHECK (kind in ('holiday', 'sick', 'leave', 'course', 'other')),
	CONSTRAINT "absences_not_own_stand_in" CHECK ("absences"."stand_in_id" is null or "absences"."stand_in_id" <> "absences"."staff_id"),
	-- One person is never away twice at once.
	CONSTRAINT "absences_no_overlap" EXCLUDE USING gist ("staff_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&)
);
--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_staff_in_team_fk" FOREIGN KEY ("staff_id","team_id") REFERENCES "public"."staff"("id","team_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_stand_in_in_team_fk" FOREIGN KEY ("stand_in_id","team_id") REFERENCES "public"."staff"("id","team_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "absences_staff_idx" ON "absences" USING btree ("staff_id","ends_on");--> statement-breakpoint
CREATE INDEX "absences_stand_in_idx" ON "absences" USING btree ("stand_in_id","ends_on");--> statement-breakpoint
-- "Away" becomes an absence from today to the day they said, with their usual stand-in; one
-- with no end date is given four weeks, so nobody stays away forever by accident.
INSERT INTO "absences" ("staff_id", "team_id", "starts_on", "ends_on", "kind", "stand_in_id")
SELECT "id", "team_id", least((now() at time zone 'Europe/Copenhagen')::date, coalesce("away_until", (now() at time zone 'Europe/Copenhagen')::date)),
       coalesce("away_until", (now() at time zone 'Europe/Copenhagen')::date + 28), 'other', "stand_in_id"
FROM "staff" WHERE "away";--> statement-breakpoint
ALTER TABLE "staff" DROP COLUMN "away";--> statement-breakpoint
ALTER TABLE "staff" DROP COLUMN "away_until";--> statement-breakpoint
ALTER TABLE "organisations" DROP COLUMN "time_zone";--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_stand_in_in_team_fk" FOREIGN KEY ("stand_in_id","team_id") REFERENCES "public"."staff"("id","team_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "families" ALTER COLUMN "enrolled_on" SET DEFAULT (now() at time zone 'Europe/Copenhagen')::date;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_id_team_key" UNIQUE("id","team_id");--> statement-breakpoint
ALTER TABLE "family_staff" ALTER COLUMN "since" SET DEFAULT (now() at time zone 'Europe/Copenhagen')::date;--> statement-breakpoint
ALTER TABLE "family_staff" ADD COLUMN "team_id" uuid;--> statement-breakpoint
UPDATE "family_staff" AS fs SET "team_id" = f."team_id" FROM "families" AS f WHERE f."id" = fs."family_id";--> statement-breakpoint
-- Anyone involved from another team than the family's goes: the new rule cannot hold them.
DELETE FROM "family_staff" AS fs USING "staff" AS s WHERE s."id" = fs."staff_id" AND s."team_id" <> fs."team_id";--> statement-breakpoint
ALTER TABLE "family_staff" ALTER COLUMN "team_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "family_staff" ADD CONSTRAINT "family_staff_family_team_fk" FOREIGN KEY ("family_id","team_id") REFERENCES "public"."families"("id","team_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_staff" ADD CONSTRAINT "family_staff_staff_team_fk" FOREIGN KEY ("staff_id","team_id") REFERENCES "public"."staff"("id","team_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The audit log keeps who saw what even after a family or sign-in is deleted: no foreign keys.
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_actor_user_id_users_id_fk";--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_actor_staff_id_staff_id_fk";--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_family_id_families_id_fk";--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_name" text;--> statement-breakpoint
UPDATE "audit_log" AS a SET "actor_name" = s."name" FROM "staff" AS s WHERE s."id" = a."actor_staff_id";--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("actor_user_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action" CHECK (action in ('family.view', 'invitation.create', 'member.privateItems.read', 'family.staffItems.read'));--> statement-breakpoint
-- Append-only: no UPDATE, no TRUNCATE, and DELETE only of rows past the retention floor
-- (180 days; the housekeeping job deletes past the configured period, 6 months by default).
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		IF OLD."at" < now() - interval '180 days' THEN
			RETURN OLD;
		END IF;
	END IF;
	RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
