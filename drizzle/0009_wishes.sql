CREATE TABLE "wishes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"text" text NOT NULL,
	"life_area" text,
	"status" text DEFAULT 'open' NOT NULL,
	"visibility" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"form_key" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wishes_form_key_key" UNIQUE("form_key"),
	CONSTRAINT "wishes_text_length" CHECK (char_length("wishes"."text") between 1 and 2000),
	CONSTRAINT "wishes_life_area" CHECK (life_area is null or life_area in ('work', 'health', 'housing', 'money', 'school', 'leisure', 'family', 'other')),
	CONSTRAINT "wishes_status" CHECK (status in ('open', 'came_true', 'let_go')),
	CONSTRAINT "wishes_visibility" CHECK ("wishes"."visibility" in ('family', 'member_private')),
	CONSTRAINT "wishes_version" CHECK ("wishes"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action";--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_member_family_fk" FOREIGN KEY ("member_id","family_id") REFERENCES "public"."family_members"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wishes_family_idx" ON "wishes" USING btree ("family_id","created_at");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action" CHECK (action in ('family.view', 'invitation.create', 'signIn.reset', 'member.privateItems.read', 'family.staffItems.read', 'wish.write', 'wish.edit'));