import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { createTestOrg, type TestOrg } from "@/test/database";
import { listActivity } from "@/lib/live/activity";
import { getAttendanceReport } from "@/lib/reports/attendance-report";
import { issueTrackingLink } from "@/lib/tracking/links";

// Test-only: an occurrence whose tracking window is open now, with participants and their links.

const { attendances, eventInstances, events, locations, participants } = schema;
const MINUTE = 60_000;

export const VENUE = { lat: 52.52, lng: 13.405 };
export const RADIUS_M = 150;

/** A point `metres` north of the venue (1° latitude ≈ 111,320 m). */
export function northOfVenue(metres: number) {
  return { lat: VENUE.lat + metres / 111_320, lng: VENUE.lng };
}

export function point(metres: number, at: Date, accuracy = 10) {
  return { ...northOfVenue(metres), accuracy, recordedAt: at.toISOString() };
}

/** An organization with a one-off event starting `startsInMinutes` from now (tracking opens 60 min before). */
export async function createTrackedOccurrence(name: string, options: { startsInMinutes?: number; people?: number; org?: TestOrg } = {}) {
  const t = options.org ?? (await createTestOrg(name));
  const db = getDb();
  const startsAt = new Date(Date.now() + (options.startsInMinutes ?? 30) * MINUTE);
  const [event] = await db
    .insert(events)
    .values({
      organizationId: t.org.id,
      kind: "demand",
      title: `${name} meeting`,
      venueName: "Main gate",
      venueLat: VENUE.lat,
      venueLng: VENUE.lng,
      arrivalRadiusM: RADIUS_M,
      timeZone: "Europe/Berlin",
      dtstartLocal: "2030-01-07 07:30:00",
      travelMode: "walking",
    })
    .returning();
  const [instance] = await db
    .insert(eventInstances)
    .values({ organizationId: t.org.id, eventId: event!.id, ruleStartsAt: startsAt, startsAt, endsAt: new Date(startsAt.getTime() + 60 * MINUTE) })
    .returning();
  const people = await db
    .insert(participants)
    .values(
      Array.from({ length: options.people ?? 1 }, (_, i) => ({
        organizationId: t.org.id,
        name: `Person ${i + 1}`,
        phone: `+49151${randomUUID().replace(/\D/g, "").slice(0, 8).padEnd(8, "0")}`,
      })),
    )
    .returning();
  const rows = await db
    .insert(attendances)
    .values(people.map((p) => ({ organizationId: t.org.id, instanceId: instance!.id, participantId: p.id, rsvp: "confirmed" as const })))
    .returning();
  const links = [];
  for (const attendance of rows) links.push({ attendance, ...(await issueTrackingLink(t.owner.ctx, attendance.id)) });
  return { ...t, event: event!, instance: instance!, links };
}

export async function storedPoints(attendanceId: string): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(locations).where(eq(locations.attendanceId, attendanceId));
  return row!.n;
}

export async function attendanceRow(organizationId: string, attendanceId: string) {
  const [row] = await getDb()
    .select()
    .from(attendances)
    .where(and(eq(attendances.id, attendanceId), eq(attendances.organizationId, organizationId)));
  return row!;
}

/**
 * Two fixes inside the radius, neither surely inside (alone they decide nothing), 4:50 and 5:50 after the start: with
 * the default 5 minutes' grace someone who arrived at the first is on time, at the second late.
 */
export function fixesAMinuteApartAroundGrace(startsAt: Date) {
  const after = (seconds: number) => new Date(startsAt.getTime() + seconds * 1000);
  return { first: point(140, after(290), 60), second: point(130, after(350), 60) };
}

/** An arrival as the organizer sees it: the check-in time, the activity feed's "arrived" entry and the report's outcome. */
export async function arrivalAsSeen(t: Awaited<ReturnType<typeof createTrackedOccurrence>>, attendanceId: string) {
  const row = await attendanceRow(t.org.id, attendanceId);
  const feed = await listActivity(t.org.id, t.instance.id);
  const report = await getAttendanceReport(t.owner.ctx, { eventId: t.event.id });
  return {
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    activityAt: feed.find((e) => e.attendanceId === attendanceId && e.kind === "arrived")?.at ?? null,
    outcome: report.rows.find((r) => r.participantId === row.participantId)?.outcome ?? null,
  };
}
