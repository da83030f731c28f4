ALTER TABLE "invitations" ALTER COLUMN "family_member_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "staff_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_staff_idx" ON "invitations" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_one_open_per_staff" ON "invitations" USING btree ("staff_id") WHERE "invitations"."used_at" is null and "invitations"."revoked_at" is null;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_one_person" CHECK (("invitations"."family_member_id" is null) <> ("invitations"."staff_id" is null));