CREATE TABLE "interest_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interest_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"needs_help" boolean DEFAULT false NOT NULL,
	"by_user" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interest_events_status" CHECK (status in ('interested', 'contacted', 'started', 'still_going', 'stopped')),
	CONSTRAINT "interest_events_note_length" CHECK (char_length("interest_events"."note") <= 500)
);
--> statement-breakpoint
CREATE TABLE "interests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"status" text DEFAULT 'interested' NOT NULL,
	"visibility" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"companion" boolean DEFAULT false NOT NULL,
	"goal_id" uuid,
	"stop_reason" text,
	"started_on" date,
	"ask_on" date,
	"created_by" uuid,
	"form_key" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interests_form_key_key" UNIQUE("form_key"),
	CONSTRAINT "interests_status" CHECK (status in ('interested', 'contacted', 'started', 'still_going', 'stopped')),
	CONSTRAINT "interests_visibility" CHECK ("interests"."visibility" in ('family', 'member_private')),
	CONSTRAINT "interests_note_length" CHECK (char_length("interests"."note") <= 500),
	CONSTRAINT "interests_stopped_reason" CHECK (("interests"."status" = 'stopped') = ("interests"."stop_reason" is not null)),
	CONSTRAINT "interests_started" CHECK ("interests"."status" not in ('started', 'still_going') or "interests"."started_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"area" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"min_age" smallint NOT NULL,
	"max_age" smallint NOT NULL,
	"cost_dkk" integer DEFAULT 0 NOT NULL,
	"cost_period" text,
	"support_covers" boolean DEFAULT false NOT NULL,
	"weekdays" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"starts_at" time,
	"ends_at" time,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"first_step" text NOT NULL,
	"companion" boolean DEFAULT true NOT NULL,
	"places_left" integer,
	"active_from" date DEFAULT now() NOT NULL,
	"active_until" date,
	"checked_on" date DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('danish', title), 'A') || setweight(to_tsvector('danish', description), 'B') || to_tsvector('danish', area)) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_id_org_key" UNIQUE("id","organisation_id"),
	CONSTRAINT "opportunities_kind" CHECK (kind in ('leisure_job', 'activity', 'club', 'course', 'volunteering')),
	CONSTRAINT "opportunities_title_length" CHECK (char_length("opportunities"."title") between 1 and 120),
	CONSTRAINT "opportunities_text_length" CHECK (char_length("opportunities"."description") between 1 and 2000 and char_length("opportunities"."first_step") between 1 and 2000),
	CONSTRAINT "opportunities_ages" CHECK ("opportunities"."min_age" between 4 and 25 and "opportunities"."max_age" between "opportunities"."min_age" and 25),
	CONSTRAINT "opportunities_cost" CHECK (cost_dkk >= 0 and (cost_dkk = 0) = (cost_period is null) and (cost_period is null or cost_period in ('once', 'month', 'season', 'year'))),
	CONSTRAINT "opportunities_weekdays" CHECK ("opportunities"."weekdays" <@ '{1,2,3,4,5,6,7}'::smallint[]),
	CONSTRAINT "opportunities_times" CHECK ("opportunities"."ends_at" is null or ("opportunities"."starts_at" is not null and "opportunities"."ends_at" > "opportunities"."starts_at")),
	CONSTRAINT "opportunities_places" CHECK ("opportunities"."places_left" is null or "opportunities"."places_left" >= 0),
	CONSTRAINT "opportunities_active" CHECK ("opportunities"."active_until" is null or "opportunities"."active_until" >= "opportunities"."active_from")
);
--> statement-breakpoint
CREATE TABLE "opportunity_texts" (
	"opportunity_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"first_step" text NOT NULL,
	CONSTRAINT "opportunity_texts_opportunity_id_locale_pk" PRIMARY KEY("opportunity_id","locale"),
	CONSTRAINT "opportunity_texts_locale" CHECK (locale in ('en', 'ar', 'so', 'tr', 'fa', 'ur', 'uk')),
	CONSTRAINT "opportunity_texts_length" CHECK (char_length("opportunity_texts"."title") between 1 and 120 and char_length("opportunity_texts"."description") between 1 and 2000 and char_length("opportunity_texts"."first_step") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "partner_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"phone" text,
	"email" text,
	CONSTRAINT "partner_contacts_reachable" CHECK ("partner_contacts"."phone" is not null or "partner_contacts"."email" is not null)
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"area" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_id_org_key" UNIQUE("id","organisation_id"),
	CONSTRAINT "partners_kind" CHECK (kind in ('association', 'club', 'employer', 'housing', 'municipal')),
	CONSTRAINT "partners_name_length" CHECK (char_length("partners"."name") between 1 and 120),
	CONSTRAINT "partners_notes_length" CHECK (char_length("partners"."notes") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "saved_opportunities" (
	"member_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_opportunities_member_id_opportunity_id_pk" PRIMARY KEY("member_id","opportunity_id")
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind";--> statement-breakpoint
ALTER TABLE "interest_events" ADD CONSTRAINT "interest_events_interest_id_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."interests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_events" ADD CONSTRAINT "interest_events_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interests" ADD CONSTRAINT "interests_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interests" ADD CONSTRAINT "interests_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interests" ADD CONSTRAINT "interests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interests" ADD CONSTRAINT "interests_member_family_fk" FOREIGN KEY ("member_id","family_id") REFERENCES "public"."family_members"("id","family_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interests" ADD CONSTRAINT "interests_goal_family_fk" FOREIGN KEY ("goal_id","family_id") REFERENCES "public"."goals"("id","family_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_partner_org_fk" FOREIGN KEY ("partner_id","organisation_id") REFERENCES "public"."partners"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_texts" ADD CONSTRAINT "opportunity_texts_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contacts" ADD CONSTRAINT "partner_contacts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_opportunities" ADD CONSTRAINT "saved_opportunities_member_id_family_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."family_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_opportunities" ADD CONSTRAINT "saved_opportunities_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interest_events_interest" ON "interest_events" USING btree ("interest_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "interests_one_open" ON "interests" USING btree ("member_id","opportunity_id") WHERE "interests"."status" <> 'stopped';--> statement-breakpoint
CREATE INDEX "interests_family" ON "interests" USING btree ("family_id","updated_at");--> statement-breakpoint
CREATE INDEX "interests_ask" ON "interests" USING btree ("ask_on") WHERE "interests"."ask_on" is not null;--> statement-breakpoint
CREATE INDEX "opportunities_search" ON "opportunities" USING gin ("search");--> statement-breakpoint
CREATE INDEX "opportunities_org_active" ON "opportunities" USING btree ("organisation_id","active_until");--> statement-breakpoint
CREATE INDEX "partner_contacts_partner" ON "partner_contacts" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "partners_org" ON "partners" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_ask_once" ON "notifications" USING btree ("user_id","subject_id") WHERE "notifications"."kind" = 'interest_ask';--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action" CHECK (action in ('family.view', 'invitation.create', 'signIn.reset', 'member.privateItems.read', 'family.adultItems.read', 'family.staffItems.read', 'wish.write', 'wish.edit', 'checkin.write', 'checkin.edit', 'meeting.book', 'meeting.manage', 'goal.write', 'goal.propose', 'goal.support', 'message.write', 'message.manage', 'interest.write', 'interest.edit', 'interest.manage'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind" CHECK (kind in ('message', 'meeting_booked', 'meeting_proposed', 'meeting_moved', 'meeting_cancelled', 'reminder_day', 'reminder_hours', 'goal_proposed', 'step_due', 'interest_new', 'interest_help', 'interest_ask'));