import { doublePrecision, foreignKey, index, jsonb, pgEnum, pgTable, primaryKey, real, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz } from "./_columns";
import { organizationRef } from "./organizations";
import { eventInstances } from "./events";
import { attendances } from "./participants";

export const locationSource = pgEnum("location_source", ["browser", "whatsapp", "manual"]);

export const trackingLinks = pgTable(
  "tracking_links",
  {
    id: id(),
    organizationId: organizationRef(),
    attendanceId: uuid()
      .notNull()
      .references(() => attendances.id, { onDelete: "cascade" }),
    /** SHA-256 of the ≥128-bit token in the link; the token itself is never stored. */
    tokenHash: text().notNull(),
    validFrom: timestamptz().notNull(),
    validUntil: timestamptz().notNull(),
    revokedAt: timestamptz(),
    /** The participant pressed "Stop sharing": further points are refused. */
    stoppedAt: timestamptz(),
    firstOpenedAt: timestamptz(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("tracking_links_token_hash_key").on(t.tokenHash),
    index("tracking_links_attendance_idx").on(t.attendanceId),
    index("tracking_links_org_idx").on(t.organizationId),
  ],
);

/**
 * Append-heavy: range-partitioned by recorded_at (daily) in a hand-written migration, so the table
 * declared here is the parent. The primary key doubles as the idempotency key for repeated points.
 * One foreign key, (attendance_id, organization_id) → attendances, ties each point to its attendance and to that
 * attendance's organization (whose own key goes to organizations): one check per inserted row instead of two.
 */
export const locations = pgTable(
  "locations",
  {
    organizationId: uuid().notNull(),
    attendanceId: uuid().notNull(),
    recordedAt: timestamptz().notNull(),
    receivedAt: timestamptz().notNull().defaultNow(),
    lat: doublePrecision().notNull(),
    lng: doublePrecision().notNull(),
    accuracyM: real().notNull(),
    altitudeM: real(),
    speedMps: real(),
    headingDeg: real(),
    source: locationSource().notNull().default("browser"),
  },
  (t) => [
    primaryKey({ name: "locations_pkey", columns: [t.attendanceId, t.recordedAt] }),
    foreignKey({
      name: "locations_attendance_org_fk",
      columns: [t.attendanceId, t.organizationId],
      foreignColumns: [attendances.id, attendances.organizationId],
    }).onDelete("cascade"),
    index("locations_org_idx").on(t.organizationId),
    index("locations_recorded_at_brin").using("brin", t.recordedAt),
  ],
);

export const activityKind = pgEnum("activity_kind", ["late", "stale", "arrived", "checked_in", "check_in_undone"]);

/**
 * An occurrence's activity feed: what changed for whom while it ran (became late, went stale, arrived, checked in
 * by hand). Written by the ETA refresh and the check-in paths; read by the live map.
 */
export const activityEntries = pgTable(
  "activity_entries",
  {
    id: id(),
    organizationId: organizationRef(),
    instanceId: uuid()
      .notNull()
      .references(() => eventInstances.id, { onDelete: "cascade" }),
    attendanceId: uuid().references(() => attendances.id, { onDelete: "cascade" }),
    kind: activityKind().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("activity_entries_org_instance_idx").on(t.organizationId, t.instanceId, t.createdAt)],
);
