CREATE TABLE "file_blobs" (
	"key" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "file_blobs_key_shape" CHECK ("file_blobs"."key" ~ '^[a-z0-9._-]{1,100}$')
);
--> statement-breakpoint
CREATE TABLE "message_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"size" integer NOT NULL,
	"width" integer,
	"height" integer,
	"position" smallint NOT NULL,
	"blob_key" text NOT NULL,
	"thumb_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_files_message_position_key" UNIQUE("message_id","position"),
	CONSTRAINT "message_files_position" CHECK ("message_files"."position" between 0 and 4),
	CONSTRAINT "message_files_type" CHECK (type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
	CONSTRAINT "message_files_size" CHECK ("message_files"."size" between 1 and 10485760),
	CONSTRAINT "message_files_name_length" CHECK (char_length("message_files"."name") between 1 and 200),
	CONSTRAINT "message_files_dimensions" CHECK (("message_files"."width" is null) = ("message_files"."height" is null) and coalesce("message_files"."width" > 0 and "message_files"."height" > 0, true)),
	CONSTRAINT "message_files_thumb_for_images" CHECK ("message_files"."thumb_key" is null or "message_files"."type" <> 'application/pdf')
);
--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_body_not_empty";--> statement-breakpoint
-- Before the foreign key that needs it (drizzle-kit put it after).
ALTER TABLE "messages" ADD CONSTRAINT "messages_id_conversation_family_team_key" UNIQUE("id","conversation_id","family_id","team_id");--> statement-breakpoint
ALTER TABLE "message_files" ADD CONSTRAINT "message_files_blob_key_file_blobs_key_fk" FOREIGN KEY ("blob_key") REFERENCES "public"."file_blobs"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_files" ADD CONSTRAINT "message_files_thumb_key_file_blobs_key_fk" FOREIGN KEY ("thumb_key") REFERENCES "public"."file_blobs"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_files" ADD CONSTRAINT "message_files_message_fk" FOREIGN KEY ("message_id","conversation_id","family_id","team_id") REFERENCES "public"."messages"("id","conversation_id","family_id","team_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_files_conversation_idx" ON "message_files" USING btree ("conversation_id");--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_body_not_empty" CHECK ("messages"."kind" <> 'note' or char_length(btrim("messages"."body")) >= 1);--> statement-breakpoint
-- A message says something: words, or at least one file. Checked at commit (deferred), so a
-- message and its files are written in one transaction in any order.
CREATE FUNCTION messages_words_or_files() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.kind = 'message' AND char_length(btrim(NEW.body)) = 0
		AND EXISTS (SELECT 1 FROM messages m WHERE m.id = NEW.id)
		AND NOT EXISTS (SELECT 1 FROM message_files f WHERE f.message_id = NEW.id) THEN
		RAISE EXCEPTION 'a message needs words or a file' USING ERRCODE = 'check_violation', CONSTRAINT = 'messages_words_or_files', TABLE = 'messages';
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER messages_words_or_files AFTER INSERT OR UPDATE OF body ON messages
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION messages_words_or_files();--> statement-breakpoint
-- A message's last file cannot leave it without words either (the message's own deletion takes its files along).
CREATE FUNCTION message_files_keep_words_or_files() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM messages m WHERE m.id = OLD.message_id AND m.kind = 'message' AND char_length(btrim(m.body)) = 0)
		AND NOT EXISTS (SELECT 1 FROM message_files f WHERE f.message_id = OLD.message_id) THEN
		RAISE EXCEPTION 'a message needs words or a file' USING ERRCODE = 'check_violation', CONSTRAINT = 'messages_words_or_files', TABLE = 'messages';
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER message_files_keep_words_or_files AFTER DELETE ON message_files
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION message_files_keep_words_or_files();--> statement-breakpoint
-- A file's bytes go with it (a family, conversation or message deleted takes its files along).
CREATE FUNCTION message_files_drop_blobs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM file_blobs WHERE key IN (OLD.blob_key, OLD.thumb_key);
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER message_files_drop_blobs AFTER DELETE ON message_files FOR EACH ROW EXECUTE FUNCTION message_files_drop_blobs();
