import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  boolean,
  uniqueIndex,
  uuid,
  doublePrecision,
} from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz, updatedAt } from "./_columns";
import { eventInstances, events } from "./events";
import { organizationRef } from "./organizations";

export const rsvpStatus = pgEnum("rsvp_status", ["pending", "confirmed", "declined"]);
export const journeyStatus = pgEnum("journey_status", ["not_started", "on_the_way", "arrived", "no_show"]);
export const checkInMethod = pgEnum("check_in_method", ["geofence", "manual", "whatsapp_location"]);

/** A person known to an organization, identified by phone across its events. */
export const participants = pgTable(
  "participants",
  {
    id: id(),
    organizationId: organizationRef(),
    name: text().notNull(),
    /** E.164, e.g. +4915112345678. */
    phone: text().notNull(),
    email: text(),
    guardianOf: text(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    optedOutAt: timestamptz(),
    /** Last message received from them over WhatsApp: free-form messages are allowed for 24 hours after it. */
    lastInboundAt: timestamptz(),
    /**
     * Their WhatsApp id (`wa_id`, digits) as the Graph API reported it when a message to them was accepted. It can
     * differ from the phone number (Brazilian mobiles without the ninth digit): replies are matched on it first.
     */
    whatsappId: text(),
    /** Their language (a lib/i18n locale) for WhatsApp and the tracking page; null: the organization's. */
    language: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("participants_org_phone_key").on(t.organizationId, t.phone),
    index("participants_org_whatsapp_id_idx").on(t.organizationId, t.whatsappId),
  ],
);

/** The roster: which participants an event invites. */
export const eventParticipants = pgTable(
  "event_participants",
  {
    id: id(),
    organizationId: organizationRef(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    participantId: uuid()
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("event_participants_event_participant_key").on(t.eventId, t.participantId),
    index("event_participants_org_idx").on(t.organizationId),
    index("event_participants_participant_idx").on(t.participantId),
  ],
);

export const attendances = pgTable(
  "attendances",
  {
    id: id(),
    organizationId: organizationRef(),
    instanceId: uuid()
      .notNull()
      .references(() => eventInstances.id, { onDelete: "cascade" }),
    participantId: uuid()
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    rsvp: rsvpStatus().notNull().default("pending"),
    rsvpAt: timestamptz(),
    journey: journeyStatus().notNull().default("not_started"),
    checkedInAt: timestamptz(),
    checkInMethod: checkInMethod(),
    lastLat: doublePrecision(),
    lastLng: doublePrecision(),
    lastAccuracyM: real(),
    lastFixAt: timestamptz(),
    etaAt: timestamptz(),
    etaMethod: text(),
    /** "high" | "medium" | "low", from the ETA service. */
    etaConfidence: text(),
    /** Speed the ETA service estimated from the recent track (m/s): live views re-estimate from newer fixes with it. */
    etaSpeedMps: real(),
    etaRefreshedAt: timestamptz(),
    distanceM: integer(),
    isLate: boolean().notNull().default(false),
    lateMinutes: integer(),
    /** No fix for longer than ETA_STALE_AFTER_MINUTES while on the way (as of the last ETA refresh). */
    isStale: boolean().notNull().default(false),
    // Motion state: kept up to date by the point-recording statements (lib/attendance/positions.ts, SQL function
    // motion_advance in drizzle/0015), so the ETA refresh reads one row per traveller instead of their track.
    /** The newest fix the motion state has taken in; differs from lastFixAt until the state is (re)built. */
    motionFixAt: timestamptz(),
    /** Segment start: [epoch ms, lat, lng, accuracy m]. */
    motionAnchor: doublePrecision().array(),
    /** A fix beyond GPS noise from the anchor, waiting for the next fix to show it was not a jump. */
    motionPending: doublePrecision().array(),
    /** Recent segment speeds as [end epoch ms, m/s, …], the last five minutes, at most twelve. */
    motionSegments: doublePrecision().array(),
    /** Recent device-reported speeds as [epoch ms, m/s, …], the same window. */
    motionReported: doublePrecision().array(),
    /** Median of motionSegments (null under two segments: not enough track). */
    motionSpeedMps: real(),
    /** Median of motionReported (null when the phone reports none). */
    motionDeviceMps: real(),
    /** Direction of the latest segment, degrees clockwise from north. */
    motionHeadingDeg: real(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("attendances_instance_participant_key").on(t.instanceId, t.participantId),
    /** The target of the (attendance, organization) foreign keys of tenant-owned children such as locations. */
    uniqueIndex("attendances_id_org_key").on(t.id, t.organizationId),
    index("attendances_org_instance_idx").on(t.organizationId, t.instanceId),
    index("attendances_participant_idx").on(t.participantId),
  ],
);
