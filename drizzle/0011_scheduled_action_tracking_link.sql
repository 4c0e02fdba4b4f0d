-- The tracking-link action was called location_request, the word WhatsApp uses for its "Send location" request.
-- Renamed in place (drizzle-kit would drop and recreate the type, which existing rows could not be cast back into).
ALTER TYPE "public"."scheduled_action_kind" RENAME VALUE 'location_request' TO 'tracking_link';
