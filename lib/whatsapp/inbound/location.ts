import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { schema } from "@/db";
import { detectArrival, recordActivity, runAttendanceEffects, trackingWindowSql, WINDOW_TABLE_COLUMNS, type Fix } from "@/lib/attendance";
import { estimateEtaAt, haversineM } from "@/lib/eta/estimate";
import type { LocationEvent } from "@/lib/whatsapp/webhook";
import type { InboundContext } from "./context";
import { recordInboundMessage, type Sender } from "./inbound-message";

const { attendances, eventInstances, events, locations } = schema;

/**
 * WhatsApp reports no accuracy for a shared location. It is the phone's GPS fix (or a place the person picked on the
 * map, which can be anywhere), so we take 30 m: a good outdoor GPS fix. With it a single shared location checks
 * someone in only when it lies at least 30 m inside the arrival radius (geofence `isSurelyInside`).
 */
export const WHATSAPP_LOCATION_ACCURACY_M = 30;

export type LocationOutcome = "arrived" | "stored" | "no_occurrence" | "journey_over" | "not_a_participant";

/**
 * A shared location becomes a point (source "whatsapp") of the sender's attendance whose tracking window contains
 * the message time, moves them on the way, and checks them in (method "whatsapp_location") when the geofence says
 * they arrived. Outside any window, or after arrival, the message is only recorded.
 */
export async function applyLocation(ctx: InboundContext, event: LocationEvent, sender: Sender | null): Promise<LocationOutcome> {
  const target = sender ? await lockCurrentAttendance(ctx, sender.id, event.timestamp) : null;
  let outcome: LocationOutcome = !sender ? "not_a_participant" : !target ? "no_occurrence" : "journey_over";
  if (target && (target.journey === "not_started" || target.journey === "on_the_way")) {
    outcome = await storeAndCheckIn(ctx, target, event);
  }
  await recordInboundMessage(ctx, {
    wamid: event.wamid,
    at: event.timestamp,
    type: "location",
    participantId: sender?.id ?? null,
    attendanceId: target?.id ?? null,
    instanceId: target?.instanceId ?? null,
    body: {
      latitude: event.latitude,
      longitude: event.longitude,
      outcome,
      ...(event.name ? { name: event.name } : {}),
      ...(event.address ? { address: event.address } : {}),
      ...(event.contactName ? { contactName: event.contactName } : {}),
    },
  });
  return outcome;
}

type Target = NonNullable<Awaited<ReturnType<typeof lockCurrentAttendance>>>;

/** The sender's attendance in a (not cancelled) occurrence whose tracking window contains `at`, locked; the nearest start wins. */
async function lockCurrentAttendance(ctx: InboundContext, participantId: string, at: Date) {
  const org = ctx.organizationId;
  const ts = sql`${at.toISOString()}::timestamptz`;
  const window = trackingWindowSql(WINDOW_TABLE_COLUMNS);
  const [row] = await ctx.tx
    .select({
      id: attendances.id,
      instanceId: attendances.instanceId,
      journey: attendances.journey,
      lastLat: attendances.lastLat,
      lastLng: attendances.lastLng,
      lastAccuracyM: attendances.lastAccuracyM,
      lastFixAt: attendances.lastFixAt,
      venueLat: events.venueLat,
      venueLng: events.venueLng,
      radiusM: events.arrivalRadiusM,
      travelMode: events.travelMode,
      validUntil: sql<string | Date>`${window.closesAt}`,
    })
    .from(attendances)
    .innerJoin(
      eventInstances,
      and(
        eq(eventInstances.id, attendances.instanceId),
        eq(eventInstances.organizationId, org),
        ne(eventInstances.status, "cancelled"),
      ),
    )
    .innerJoin(events, and(eq(events.id, eventInstances.eventId), eq(events.organizationId, org)))
    .where(
      and(
        eq(attendances.organizationId, org),
        eq(attendances.participantId, participantId),
        window.contains(ts),
      ),
    )
    .orderBy(sql`abs(extract(epoch from ${eventInstances.startsAt} - ${ts}))`)
    .limit(1)
    .for("update", { of: attendances });
  return row ?? null;
}

async function storeAndCheckIn(ctx: InboundContext, target: Target, event: LocationEvent): Promise<"arrived" | "stored"> {
  const { tx, organizationId: org } = ctx;
  const now = new Date();
  const fix: Fix = { lat: event.latitude, lng: event.longitude, accuracyM: WHATSAPP_LOCATION_ACCURACY_M, recordedAt: event.timestamp };
  const venue = { lat: target.venueLat, lng: target.venueLng };
  const distanceM = haversineM(fix, venue);
  const isNewest = !target.lastFixAt || target.lastFixAt < event.timestamp;

  await tx
    .insert(locations)
    .values({
      organizationId: org,
      attendanceId: target.id,
      recordedAt: event.timestamp,
      receivedAt: now,
      lat: fix.lat,
      lng: fix.lng,
      accuracyM: fix.accuracyM,
      source: "whatsapp",
    })
    .onConflictDoNothing();
  await tx
    .update(attendances)
    .set({
      journey: "on_the_way",
      ...(isNewest
        ? {
            lastLat: fix.lat,
            lastLng: fix.lng,
            lastAccuracyM: fix.accuracyM,
            lastFixAt: fix.recordedAt,
            distanceM: Math.round(distanceM),
            etaAt: estimateEtaAt({ distanceM, travelMode: target.travelMode, now }),
          }
        : {}),
      updatedAt: now,
    })
    .where(and(eq(attendances.id, target.id), eq(attendances.organizationId, org)));

  const previous: Fix | null =
    target.lastFixAt && target.lastLat !== null && target.lastLng !== null
      ? { lat: target.lastLat, lng: target.lastLng, accuracyM: target.lastAccuracyM ?? 0, recordedAt: target.lastFixAt }
      : null;
  const arrival = detectArrival(previous, [fix], { ...venue, radiusM: target.radiusM });
  if (!arrival) return "stored";

  await tx
    .update(attendances)
    .set({
      journey: "arrived",
      checkedInAt: arrival.recordedAt,
      checkInMethod: "whatsapp_location",
      isLate: false,
      isStale: false,
      etaAt: null,
      updatedAt: now,
    })
    .where(
      and(
        eq(attendances.id, target.id),
        eq(attendances.organizationId, org),
        inArray(attendances.journey, ["not_started", "on_the_way"]),
      ),
    );
  await recordActivity(
    [{ organizationId: org, instanceId: target.instanceId, attendanceId: target.id, kind: "arrived", data: { method: "whatsapp_location" }, at: arrival.recordedAt }],
    tx,
  );
  // Like a geofence arrival (lib/attendance): the tracking link stops taking points.
  const until = new Date(target.validUntil);
  ctx.afterCommit(() => runAttendanceEffects([{ organizationId: org, attendanceId: target.id, buffer: { close: until } }]));
  return "arrived";
}
