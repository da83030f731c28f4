-- Hand-ordered (drizzle generated the statements): every list of codes now comes from
-- $lib/codes.ts as text + CHECK; departments become each organisation's lookup table; a
-- child's teenage years follow from the birth year instead of a stored 'teenager' role.
CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "departments_org_code_key" UNIQUE("organisation_id","code")
);
--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO "departments" ("organisation_id", "code", "name")
SELECT o."id", d."code", d."name" FROM "organisations" AS o CROSS JOIN (VALUES
	('employment', 'Job og uddannelse'), ('social', 'Socialrådgivning'), ('children_youth', 'Børn og unge'),
	('health', 'Sundhed'), ('culture', 'Kultur og fritid')) AS d ("code", "name");--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "department_id" uuid;--> statement-breakpoint
UPDATE "staff" AS s SET "department_id" = d."id" FROM "teams" AS t, "departments" AS d
WHERE t."id" = s."team_id" AND d."organisation_id" = t."organisation_id" AND d."code" = s."department"::text;--> statement-breakpoint
ALTER TABLE "staff" ALTER COLUMN "department_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" DROP COLUMN "department";--> statement-breakpoint
-- The ended-has-date check compares status with an enum value: rebuilt around the type change.
ALTER TABLE "families" DROP CONSTRAINT "families_ended_has_date";--> statement-breakpoint
ALTER TABLE "families" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "families" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "families" ALTER COLUMN "status" SET DEFAULT 'active';--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_ended_has_date" CHECK (("families"."status" = 'ended') = ("families"."ended_on" is not null));--> statement-breakpoint
ALTER TABLE "family_members" ALTER COLUMN "role" SET DATA TYPE text;--> statement-breakpoint
UPDATE "family_members" SET "role" = 'child' WHERE "role" = 'teenager';--> statement-breakpoint
ALTER TABLE "staff" ALTER COLUMN "role" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "staff" ALTER COLUMN "role" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "staff" ALTER COLUMN "role" SET DEFAULT 'caseworker';--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_status" CHECK (status in ('active', 'ended'));--> statement-breakpoint
ALTER TABLE "family_members" ADD CONSTRAINT "family_members_role" CHECK (role in ('parent', 'other_adult', 'child'));--> statement-breakpoint
-- NOT VALID: holds for every new or changed row; a child recorded earlier without a birth year
-- is not made up one (they count as under 13 until someone adds it).
ALTER TABLE "family_members" ADD CONSTRAINT "family_members_child_born" CHECK ("family_members"."role" <> 'child' or "family_members"."birth_year" is not null) NOT VALID;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_role" CHECK (role in ('caseworker', 'team_leader'));--> statement-breakpoint
DROP TYPE "public"."department";--> statement-breakpoint
DROP TYPE "public"."family_status";--> statement-breakpoint
DROP TYPE "public"."member_role";--> statement-breakpoint
DROP TYPE "public"."staff_role";
