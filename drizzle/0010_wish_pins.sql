ALTER TABLE "wishes" ADD COLUMN "pinned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_pinned_open" CHECK ("wishes"."pinned_at" is null or "wishes"."status" = 'open');--> statement-breakpoint
-- Hand-written (drizzle cannot express it): at most three "most important now" wishes per writer.
-- The writer's member row is locked first, so two pins at once are counted one after the other
-- and cannot make a fourth between them (PostgreSQL; PGlite runs one transaction at a time).
CREATE FUNCTION "wishes_at_most_three_pinned"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.pinned_at IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.pinned_at IS NULL) THEN
		PERFORM 1 FROM family_members WHERE id = NEW.member_id FOR UPDATE;
		IF (SELECT count(*) FROM wishes WHERE member_id = NEW.member_id AND pinned_at IS NOT NULL AND id <> NEW.id) >= 3 THEN
			RAISE EXCEPTION 'at most three pinned wishes per member' USING ERRCODE = '23514', CONSTRAINT = 'wishes_at_most_three_pinned';
		END IF;
	END IF;
	RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "wishes_at_most_three_pinned" BEFORE INSERT OR UPDATE OF "pinned_at", "member_id" ON "wishes"
	FOR EACH ROW EXECUTE FUNCTION "wishes_at_most_three_pinned"();
