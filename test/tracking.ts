import { and, count, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { VENUE, type Given } from "@/test/given";
import { listActivity } from "@/lib/live/activity";
import { getAttendanceReport } from "@/lib/reports/attendance-report";
import type { IngestResult } from "@/lib/tracking/schemas";

// Test-only: positions around the venue of test/given.ts's events, and what tracking left behind. (The occurrence
// whose window is open now, its people and their links: `given.org().occurrence({ open: true }).people(n).links()`.)

const { attendances, locations } = schema;

export { RADIUS_M, VENUE } from "@/test/given";

/** A point `metres` north of the venue (1° latitude ≈ 111,320 m). */
export function northOfVenue(metres: number) {
  return { lat: VENUE.lat + metres / 111_320, lng: VENUE.lng };
}

export function point(metres: number, at: Date, accuracy = 10) {
  return { ...northOfVenue(metres), accuracy, recordedAt: at.toISOString() };
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
export async function arrivalAsSeen(t: Pick<Given, "org" | "owner" | "event" | "instance">, attendanceId: string) {
  const row = await attendanceRow(t.org.id, attendanceId);
  const feed = await listActivity(t.org.id, t.instance.id);
  const report = await getAttendanceReport(t.owner.ctx, { eventId: t.event.id });
  return {
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    activityAt: feed.find((e) => e.attendanceId === attendanceId && e.kind === "arrived")?.at ?? null,
    outcome: report.rows.find((r) => r.participantId === row.participantId)?.outcome ?? null,
  };
}

type IngestAnswer = Partial<IngestResult> & { error?: { code: string; message: string; reason?: string } };

/** POSTs a body of points through the real ingest route; the status and the parsed JSON answer. */
export async function postPoints(token: string, body: unknown): Promise<{ status: number; body: IngestAnswer }> {
  const { POST } = await import("@/app/api/track/[token]/points/route");
  const request = new Request(`http://test/api/track/${token}/points`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const response = await POST(request, { params: Promise.resolve({ token }) });
  return { status: response.status, body: (await response.json()) as IngestAnswer };
}
