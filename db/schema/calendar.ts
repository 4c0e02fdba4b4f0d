import { sql } from "drizzle-orm";
import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id } from "./_columns";
import { events } from "./events";
import { organizationRef } from "./organizations";

/**
 * A secret iCalendar address: of one event (`eventId`) or of the whole organization (`eventId` NULL). Regenerating
 * replaces the token, so the old address stops working.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: id(),
    organizationId: organizationRef(),
    eventId: uuid().references(() => events.id, { onDelete: "cascade" }),
    /** Unguessable (32 random bytes, base64url); the address is `/calendar/<token>.ics`. */
    token: text().notNull(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("calendar_feeds_token_key").on(t.token),
    uniqueIndex("calendar_feeds_event_key").on(t.organizationId, t.eventId).where(sql`${t.eventId} IS NOT NULL`),
    uniqueIndex("calendar_feeds_org_key").on(t.organizationId).where(sql`${t.eventId} IS NULL`),
    index("calendar_feeds_event_idx").on(t.eventId),
  ],
);
