import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id, timestamptz, updatedAt } from "./_columns";
import { organizationRef } from "./organizations";

export const eventKind = pgEnum("event_kind", ["demand", "periodic"]);
export const eventStatus = pgEnum("event_status", ["active", "archived"]);
export const travelMode = pgEnum("travel_mode", ["walking", "driving"]);
export const instanceStatus = pgEnum("instance_status", ["scheduled", "cancelled", "completed"]);

export const events = pgTable(
  "events",
  {
    id: id(),
    organizationId: organizationRef(),
    kind: eventKind().notNull(),
    status: eventStatus().notNull().default("active"),
    title: text().notNull(),
    description: text().notNull().default(""),
    venueName: text().notNull(),
    venueAddress: text().notNull().default(""),
    venueLat: doublePrecision().notNull(),
    venueLng: doublePrecision().notNull(),
    arrivalRadiusM: integer().notNull().default(150),
    durationMinutes: integer().notNull().default(60),
    timeZone: text().notNull(),
    /** First occurrence as wall-clock time in `timeZone` (no offset): the rule keeps this local time across DST. */
    dtstartLocal: timestamp({ mode: "string" }).notNull(),
    /** RFC 5545 RRULE without DTSTART, for periodic events. */
    rrule: text(),
    /** Skipped occurrences as local wall-clock times ("YYYY-MM-DDTHH:mm"). */
    exdates: text().array().notNull().default([]),
    travelMode: travelMode().notNull().default("driving"),
    lateGraceMinutes: integer().notNull().default(5),
    // Message schedule: minutes before start (closure: after end). NULL turns that message off.
    confirmationOffsetMinutes: integer().default(1440),
    reminderOffsetMinutes: integer().default(120),
    trackingOffsetMinutes: integer().default(60),
    closureOffsetMinutes: integer().default(30),
    /** Occurrences exist up to here; the materializer continues from it. */
    materializedUntil: timestamptz(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("events_org_idx").on(t.organizationId, t.status)],
);

export const eventInstances = pgTable(
  "event_instances",
  {
    id: id(),
    organizationId: organizationRef(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    /** The start the rule produced. Never changes, so re-materializing never recreates a moved occurrence. */
    ruleStartsAt: timestamptz().notNull(),
    startsAt: timestamptz().notNull(),
    endsAt: timestamptz().notNull(),
    status: instanceStatus().notNull().default("scheduled"),
    /** Moved or edited by hand: regeneration after a rule change leaves it alone. */
    isDetached: boolean().notNull().default(false),
    closedAt: timestamptz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("event_instances_event_rule_start_key").on(t.eventId, t.ruleStartsAt),
    index("event_instances_org_starts_idx").on(t.organizationId, t.startsAt),
  ],
);
