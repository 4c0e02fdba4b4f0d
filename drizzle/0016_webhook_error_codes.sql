-- Why a webhook attempt failed, as a code the dashboard words in the organizer's language; last_error/error keep its detail.
-- Rows written before have no code: their last_error is the whole sentence in English, and is shown as it is.
ALTER TABLE "webhook_attempts" ADD COLUMN "error_code" text;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "last_error_code" text;