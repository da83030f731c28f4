CREATE TABLE "conversation_reads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"member_id" uuid,
	"staff_id" uuid,
	"read_until" timestamp (3) with time zone NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_reads_one_reader" CHECK (num_nonnulls("conversation_reads"."member_id", "conversation_reads"."staff_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"visibility" text NOT NULL,
	"member_id" uuid,
	"subject" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"started_by_member_id" uuid,
	"started_by_staff_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"waiting_since" timestamp (3) with time zone,
	"last_message_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"form_key" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_form_key_key" UNIQUE("form_key"),
	CONSTRAINT "conversations_id_family_team_key" UNIQUE("id","family_id","team_id"),
	CONSTRAINT "conversations_visibility" CHECK ("conversations"."visibility" in ('adults', 'member_private')),
	CONSTRAINT "conversations_private_has_member" CHECK (("conversations"."visibility" = 'member_private') = ("conversations"."member_id" is not null)),
	CONSTRAINT "conversations_started_by_one" CHECK (num_nonnulls("conversations"."started_by_member_id", "conversations"."started_by_staff_id") = 1),
	CONSTRAINT "conversations_subject_length" CHECK (char_length("conversations"."subject") between 1 and 120),
	CONSTRAINT "conversations_status" CHECK (status in ('open', 'done'))
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" text DEFAULT 'message' NOT NULL,
	"author_member_id" uuid,
	"author_staff_id" uuid,
	"body" text NOT NULL,
	"lang" text,
	"body_da" text,
	"handed_to_staff_id" uuid,
	"answers_wait_since" timestamp (3) with time zone,
	"form_key" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_form_key_key" UNIQUE("form_key"),
	CONSTRAINT "messages_kind" CHECK (kind in ('message', 'note', 'handover')),
	CONSTRAINT "messages_one_author" CHECK (num_nonnulls("messages"."author_member_id", "messages"."author_staff_id") = 1),
	CONSTRAINT "messages_staff_kinds" CHECK ("messages"."kind" = 'message' or "messages"."author_staff_id" is not null),
	CONSTRAINT "messages_handover" CHECK (("messages"."kind" = 'handover') = ("messages"."handed_to_staff_id" is not null)),
	CONSTRAINT "messages_wait_on_staff_reply" CHECK ("messages"."answers_wait_since" is null or ("messages"."kind" = 'message' and "messages"."author_staff_id" is not null)),
	CONSTRAINT "messages_body_length" CHECK (char_length("messages"."body") <= 5000),
	CONSTRAINT "messages_body_da_length" CHECK ("messages"."body_da" is null or char_length("messages"."body_da") <= 5000),
	CONSTRAINT "messages_body_not_empty" CHECK ("messages"."kind" = 'handover' or char_length(btrim("messages"."body")) >= 1)
);
--> statement-breakpoint
CREATE TABLE "quick_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"texts" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quick_replies_has_danish" CHECK (jsonb_typeof("quick_replies"."texts") = 'object' and char_length(coalesce("quick_replies"."texts"->>'da', '')) between 1 and 1000)
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action";--> statement-breakpoint
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_member_family_fk" FOREIGN KEY ("member_id","family_id") REFERENCES "public"."family_members"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_family_team_fk" FOREIGN KEY ("family_id","team_id") REFERENCES "public"."families"("id","team_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_staff_team_fk" FOREIGN KEY ("staff_id","team_id") REFERENCES "public"."staff"("id","team_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_started_by_staff_team_fk" FOREIGN KEY ("started_by_staff_id","team_id") REFERENCES "public"."staff"("id","team_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_member_family_fk" FOREIGN KEY ("member_id","family_id") REFERENCES "public"."family_members"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_started_by_member_family_fk" FOREIGN KEY ("started_by_member_id","family_id") REFERENCES "public"."family_members"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_fk" FOREIGN KEY ("conversation_id","family_id","team_id") REFERENCES "public"."conversations"("id","family_id","team_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_member_family_fk" FOREIGN KEY ("author_member_id","family_id") REFERENCES "public"."family_members"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_staff_team_fk" FOREIGN KEY ("author_staff_id","team_id") REFERENCES "public"."staff"("id","team_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_handed_to_team_fk" FOREIGN KEY ("handed_to_staff_id","team_id") REFERENCES "public"."staff"("id","team_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_replies" ADD CONSTRAINT "quick_replies_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_reads_member_key" ON "conversation_reads" USING btree ("conversation_id","member_id") WHERE member_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_reads_staff_key" ON "conversation_reads" USING btree ("conversation_id","staff_id") WHERE staff_id is not null;--> statement-breakpoint
CREATE INDEX "conversation_reads_staff_idx" ON "conversation_reads" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "conversations_family_idx" ON "conversations" USING btree ("family_id","last_message_at");--> statement-breakpoint
CREATE INDEX "conversations_staff_idx" ON "conversations" USING btree ("staff_id","last_message_at");--> statement-breakpoint
CREATE INDEX "messages_conversation_idx" ON "messages" USING btree ("conversation_id","created_at","id");--> statement-breakpoint
CREATE INDEX "quick_replies_team_idx" ON "quick_replies" USING btree ("team_id","position");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action" CHECK (action in ('family.view', 'invitation.create', 'signIn.reset', 'member.privateItems.read', 'family.adultItems.read', 'family.staffItems.read', 'wish.write', 'wish.edit', 'checkin.write', 'checkin.edit', 'meeting.book', 'meeting.manage', 'goal.write', 'goal.propose', 'goal.support', 'message.write', 'message.manage'));