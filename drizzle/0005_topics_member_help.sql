-- Hand-ordered (drizzle generated the statements): what staff help with becomes topics the
-- family reads in its own language plus text per language; what they do for one member moves
-- to member_help, private to that member.
CREATE TABLE "member_help" (
	"family_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"note" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_help_family_id_staff_id_member_id_pk" PRIMARY KEY("family_id","staff_id","member_id"),
	CONSTRAINT "member_help_note_object" CHECK (jsonb_typeof("member_help"."note") = 'object' and "member_help"."note" <> '{}'::jsonb)
);
--> statement-breakpoint
ALTER TABLE "family_staff" ADD COLUMN "topics" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "help_topics" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "help_text" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- A staff member's own words were Danish: they become the Danish text (0006 drops the old column).
UPDATE "staff" SET "help_text" = jsonb_build_object('da', "helps_with") WHERE "helps_with" <> '';--> statement-breakpoint
ALTER TABLE "family_members" ADD CONSTRAINT "family_members_id_family_key" UNIQUE("id","family_id");--> statement-breakpoint
ALTER TABLE "member_help" ADD CONSTRAINT "member_help_family_staff_fk" FOREIGN KEY ("family_id","staff_id") REFERENCES "public"."family_staff"("family_id","staff_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_help" ADD CONSTRAINT "member_help_member_family_fk" FOREIGN KEY ("member_id","family_id") REFERENCES "public"."family_members"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_help_member_idx" ON "member_help" USING btree ("member_id");--> statement-breakpoint
ALTER TABLE "family_staff" ADD CONSTRAINT "family_staff_topics" CHECK (topics <@ array['work', 'health', 'housing', 'money', 'school', 'leisure', 'family', 'other']::text[]);--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_help_topics" CHECK (help_topics <@ array['work', 'health', 'housing', 'money', 'school', 'leisure', 'family', 'other']::text[]);--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_help_text_object" CHECK (jsonb_typeof("staff"."help_text") = 'object');