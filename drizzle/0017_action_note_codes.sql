-- Why a scheduled action failed, was skipped or waits, as a code and its values (counts, a detail) that the timeline words
-- in the organizer's language. Rows written before have no code: their last_error is an English sentence, shown as it is.
ALTER TABLE "scheduled_actions" ADD COLUMN "last_error_code" text;--> statement-breakpoint
ALTER TABLE "scheduled_actions" ADD COLUMN "last_error_values" jsonb;