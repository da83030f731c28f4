ALTER TABLE "organisations" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "opening_hours" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "logo_path" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "privacy_email" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "dpo_email" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "accessibility_reviewed_on" date;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_opening_hours_list" CHECK (jsonb_typeof("organisations"."opening_hours") = 'array');