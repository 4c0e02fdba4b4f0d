import { and, eq, gte, lte } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "@/lib/database";
import { trackingWindow } from "@/lib/attendance";
import { AppError, parseInput, problem } from "@/lib/errors";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { afterCursor, cursorAt, cursorOrder, PageInput, toPage } from "@/lib/pagination";
import { isUuid } from "@/lib/utils";

const { attendances, eventInstances, events, locations } = schema;
const DAY_MS = 86_400_000;

export const TRAIL_MAX_POINTS = 1000;

export const TrailInput = PageInput.extend({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(TRAIL_MAX_POINTS)
    .default(500)
    .meta({ description: `Points per page (1 to ${TRAIL_MAX_POINTS}).`, example: 500 }),
});
export type TrailInput = z.input<typeof TrailInput>;

/**
 * The points one attendance's phone sent, oldest first, in pages. Only points inside the organization's retention
 * period and the occurrence's tracking window are read (the bounds also let PostgreSQL skip whole partitions).
 * With the Redis buffer, points reach the trail when the next flush stores them; the latest position is newer.
 */
export async function listTrail(ctx: OrgContext, attendanceId: string, input: TrailInput = {}, now = new Date()) {
  assertCan(ctx, "events.read");
  const { limit, cursor } = parseInput(TrailInput, input);
  if (!isUuid(attendanceId)) throw new AppError("NOT_FOUND", problem("attendance.notFound"));
  const db = getDb();
  const [row] = await db
    .select({ instance: eventInstances, event: events, participantId: attendances.participantId })
    .from(attendances)
    .innerJoin(eventInstances, and(eq(eventInstances.id, attendances.instanceId), eq(eventInstances.organizationId, ctx.org.id)))
    .innerJoin(events, and(eq(events.id, eventInstances.eventId), eq(events.organizationId, ctx.org.id)))
    .where(and(eq(attendances.id, attendanceId), eq(attendances.organizationId, ctx.org.id)));
  if (!row) throw new AppError("NOT_FOUND", problem("attendance.notFound"));
  const window = trackingWindow(row.instance, row.event);
  const retainedFrom = new Date(now.getTime() - ctx.org.locationRetentionDays * DAY_MS);
  const from = retainedFrom > window.validFrom ? retainedFrom : window.validFrom;
  const points = await db
    .select({
      // The primary key (attendance, recorded time) is the page order: the attendance stands in for the row id.
      id: locations.attendanceId,
      cursorAt: cursorAt(locations.recordedAt),
      recordedAt: locations.recordedAt,
      lat: locations.lat,
      lng: locations.lng,
      accuracyM: locations.accuracyM,
      altitudeM: locations.altitudeM,
      speedMps: locations.speedMps,
      headingDeg: locations.headingDeg,
      source: locations.source,
    })
    .from(locations)
    .where(
      and(
        eq(locations.organizationId, ctx.org.id),
        eq(locations.attendanceId, attendanceId),
        gte(locations.recordedAt, from),
        lte(locations.recordedAt, window.validUntil),
        afterCursor(locations.recordedAt, locations.attendanceId, cursor),
      ),
    )
    .orderBy(...cursorOrder(locations.recordedAt, locations.attendanceId))
    .limit(limit + 1);
  const { data, nextCursor } = toPage(points, limit);
  return {
    attendanceId,
    participantId: row.participantId,
    retainedFrom: from,
    data: data.map(({ id: _, ...point }) => point),
    nextCursor,
  };
}
