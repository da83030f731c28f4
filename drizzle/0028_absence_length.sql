-- An absence lasts at most a year. Rows written before this rule are cut to a year, so the rule can hold.
UPDATE "absences" SET "ends_on" = "starts_on" + 365 WHERE "ends_on" - "starts_on" > 365;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_length" CHECK ("absences"."ends_on" - "absences"."starts_on" <= 365);
