-- Hand-ordered: the unique (id, team_id) on staff must exist before the foreign key uses it.
ALTER TABLE "staff" ADD CONSTRAINT "staff_id_team_key" UNIQUE("id","team_id");--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_contact_in_team_fk" FOREIGN KEY ("contact_person_id","team_id") REFERENCES "public"."staff"("id","team_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Should two open links for one person exist already, keep only the newest.
UPDATE "invitations" AS i SET "revoked_at" = now()
WHERE i."used_at" IS NULL AND i."revoked_at" IS NULL
  AND EXISTS (SELECT 1 FROM "invitations" AS newer
              WHERE newer."family_member_id" = i."family_member_id" AND newer."used_at" IS NULL
                AND newer."revoked_at" IS NULL AND newer."created_at" > i."created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_one_open_per_member" ON "invitations" USING btree ("family_member_id") WHERE "invitations"."used_at" is null and "invitations"."revoked_at" is null;
