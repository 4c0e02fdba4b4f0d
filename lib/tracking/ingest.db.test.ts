import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, rejection } from "@/test/database";
import type { Given, LinkedPerson, Person } from "@/test/given";

// The no-Redis path: points go straight to Postgres. (The Redis path has its own suite, buffer.db.test.ts.)
delete process.env.UPSTASH_REDIS_REST_URL;
delete process.env.UPSTASH_REDIS_REST_TOKEN;
process.env.TRACKING_RATE_LIMIT_PER_MINUTE = "6";
connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { POST } = await import("@/app/api/track/[token]/points/route");
const { issueTrackingLink, getTrackingPage, isLinkPreviewAgent, stopSharing, listTrackingLinkStatus } = await import("./links");
const { checkInManually, undoCheckIn } = await import("@/lib/attendance");
const { given } = await import("@/test/given");
const { point, storedPoints, attendanceRow, fixesAMinuteApartAroundGrace, arrivalAsSeen } = await import("@/test/tracking");
const { getAttendanceReport } = await import("@/lib/reports/attendance-report");

const SECOND = 1000;

async function post(token: string, body: unknown) {
  const request = new Request(`http://test/api/track/${token}/points`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await POST(request, { params: Promise.resolve({ token }) });
  return { status: response.status, body: await response.json() };
}

/** `n` points walking south toward the venue from `fromM` metres, one every 5 s ending a few seconds ago. */
function walk(fromM: number, toM: number, n: number, endAt = Date.now() - 2 * SECOND) {
  return Array.from({ length: n }, (_, i) =>
    point(fromM + ((toM - fromM) * i) / Math.max(1, n - 1), new Date(endAt - (n - 1 - i) * 5 * SECOND)),
  );
}

describe("POST /api/track/<token>/points (Postgres path)", () => {
  let setup: Given<LinkedPerson>;
  beforeAll(async () => {
    setup = await given.org().occurrence({ open: true }).people(7).links();
  });

  it("stores a batch, moves the participant on the way and answers distance and ETA", async () => {
    const { link: { token }, attendance } = setup.people[0]!;
    const res = await post(token, { points: walk(2000, 1500, 5) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 5, journey: "on_the_way", arrivedAt: null });
    expect(res.body.distanceM).toBeGreaterThan(1450);
    expect(res.body.distanceM).toBeLessThan(1550);
    expect(Date.parse(res.body.etaAt)).toBeGreaterThan(Date.now());
    expect(await storedPoints(attendance.id)).toBe(5);
    const row = await attendanceRow(setup.org.id, attendance.id);
    expect(row.journey).toBe("on_the_way");
    expect(row.lastFixAt).not.toBeNull();
    expect(row.distanceM).toBeGreaterThan(1450);
  });

  it("stores the same batch posted twice once", async () => {
    const { link: { token }, attendance } = setup.people[1]!;
    const batch = { points: walk(3000, 2800, 4) };
    expect((await post(token, batch)).status).toBe(200);
    expect((await post(token, batch)).status).toBe(200);
    const overlapping = { points: [...batch.points.slice(2), ...walk(2700, 2600, 2, Date.now() - SECOND)] };
    expect((await post(token, overlapping)).status).toBe(200);
    expect(await storedPoints(attendance.id)).toBe(6);
  });

  it("refuses bad input with 400/422 and field errors, storing nothing", async () => {
    const { link: { token }, attendance } = setup.people[2]!;
    expect((await post(token, "{not json")).status).toBe(400);
    expect((await post(token, "[1,2]")).body.error.code).toBe("BAD_REQUEST");
    const bad = await post(token, { points: [...walk(900, 800, 3), { lat: 200, lng: 13.4, accuracy: 5, recordedAt: new Date().toISOString() }] });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: "VALIDATION" });
    expect(bad.body.error.fields).toHaveProperty(["points.3.lat"]);
    const future = await post(token, { points: [point(900, new Date(Date.now() + 10 * 60 * SECOND))] });
    expect(future.status).toBe(422);
    expect(future.body.error.fields["points.0.recordedAt"]).toEqual(["recordedAt is in the future."]);
    const beforeWindow = await post(token, { points: [point(900, new Date(Date.now() - 3 * 3600 * SECOND))] });
    expect(beforeWindow.status).toBe(422);
    expect(await storedPoints(attendance.id)).toBe(0);
    expect((await attendanceRow(setup.org.id, attendance.id)).journey).toBe("not_started");
  });

  it("refuses a body that is not JSON (415) or too large (413) before storing anything", async () => {
    const { link: { token }, attendance } = setup.people[6]!;
    const send = async (body: BodyInit, headers: Record<string, string>) => {
      const request = new Request(`http://test/api/track/${token}/points`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
      const response = await POST(request, { params: Promise.resolve({ token }) });
      return { status: response.status, body: await response.json() };
    };
    const text = await send(JSON.stringify({ points: walk(900, 800, 2) }), { "content-type": "text/plain" });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");

    // A stream that never ends and declares no length: reading stops at the cap.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(16 * 1024).fill(32));
      },
    });
    const huge = await send(endless, { "content-type": "application/json" });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThan(10);
    expect(await storedPoints(attendance.id)).toBe(0);
  });

  it("answers 404 for an unknown token and 410 revoked for a re-issued one", async () => {
    const unknown = await post("A".repeat(43), { points: walk(900, 800, 1) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.reason).toBe("unknown");
    expect((await post("short", { points: walk(900, 800, 1) })).status).toBe(404);

    const { link: { token }, attendance } = setup.people[3]!;
    const fresh = await issueTrackingLink(setup.owner.ctx, attendance.id);
    const old = await post(token, { points: walk(900, 800, 2) });
    expect(old.status).toBe(410);
    expect(old.body.error).toMatchObject({ code: "GONE", reason: "revoked" });
    expect((await post(fresh.token, { points: walk(900, 800, 2) })).status).toBe(200);
    expect(await storedPoints(attendance.id)).toBe(2);
    setup.people[3]!.link.token = fresh.token;
  });

  it("checks in on arrival inside the radius, then answers 409 arrived and stores nothing more", async () => {
    const { link: { token }, attendance } = setup.people[4]!;
    expect((await post(token, { points: walk(600, 300, 4, Date.now() - 20 * SECOND) })).body.journey).toBe("on_the_way");
    const arriving = await post(token, { points: walk(120, 40, 3) });
    expect(arriving.status).toBe(200);
    expect(arriving.body.journey).toBe("arrived");
    const row = await attendanceRow(setup.org.id, attendance.id);
    expect(row).toMatchObject({ journey: "arrived", checkInMethod: "geofence" });
    expect(row.checkedInAt!.toISOString()).toBe(arriving.body.arrivedAt);

    const after = await post(token, { points: [point(10, new Date())] });
    expect(after.status).toBe(409);
    expect(after.body.error).toMatchObject({ code: "CONFLICT", reason: "arrived" });
    expect(await storedPoints(attendance.id)).toBe(7);
    expect((await getTrackingPage(token)).state).toBe("arrived");
  });

  it("checks in at the first of two in-radius fixes a minute apart, also across batches, so the report says on time", async () => {
    const t = await given.org().occurrence({ startsInMinutes: -6 }).people(1).links();
    const { link: { token }, attendance } = t.people[0]!;
    const { first, second } = fixesAMinuteApartAroundGrace(t.instance.startsAt);
    expect((await post(token, { points: [first] })).body).toMatchObject({ journey: "on_the_way", arrivedAt: null });
    const confirming = await post(token, { points: [second] });
    expect(confirming.body).toMatchObject({ journey: "arrived", arrivedAt: first.recordedAt });
    expect(await arrivalAsSeen(t, attendance.id)).toEqual({ checkedInAt: first.recordedAt, activityAt: first.recordedAt, outcome: "on_time" });
  });

  it("Stop sharing makes the link refuse points with 410 stopped", async () => {
    const { link: { token }, attendance } = setup.people[5]!;
    expect((await post(token, { points: walk(900, 850, 2) })).status).toBe(200);
    expect((await stopSharing(token)).state).toBe("stopped");
    const refused = await post(token, { points: walk(800, 700, 2, Date.now() - SECOND) });
    expect(refused.status).toBe(410);
    expect(refused.body.error.reason).toBe("stopped");
    expect(await storedPoints(attendance.id)).toBe(2);
    expect((await listTrackingLinkStatus(setup.owner.ctx, setup.instance.id)).get(attendance.id)?.stoppedAt).toBeTruthy();
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a link sends more batches per minute than allowed, storing nothing", async () => {
    const t = await given.org().occurrence({ open: true }).people(1).links();
    const { link: { token }, attendance } = t.people[0]!;
    const base = Date.now() - 60 * SECOND;
    for (let i = 0; i < 6; i++) expect((await post(token, { points: [point(900, new Date(base + i * SECOND))] })).status).toBe(200);
    const request = new Request(`http://test/api/track/${token}/points`, {
      method: "POST",
      body: JSON.stringify({ points: [point(900, new Date(base + 10 * SECOND))] }),
    });
    const response = await POST(request, { params: Promise.resolve({ token }) });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await response.json()).error.code).toBe("RATE_LIMITED");
    expect(await storedPoints(attendance.id)).toBe(6);
  });
});

describe("tracking windows", () => {
  it("a link for a later occurrence is not open yet (409 not_open) and its page says when it opens", async () => {
    const later = await given.org().occurrence({ startsInMinutes: 180 }).people(1).links();
    const { link: { token }, attendance } = later.people[0]!;
    const res = await post(token, { points: [point(500, new Date())] });
    expect(res.status).toBe(409);
    expect(res.body.error.reason).toBe("not_open");
    const page = await getTrackingPage(token);
    expect(page.state).toBe("not_open");
    if (page.state !== "unknown") expect(Date.parse(page.validFrom)).toBe(later.instance.startsAt.getTime() - 60 * 60 * SECOND);
    expect(await storedPoints(attendance.id)).toBe(0);
  });

  it("a link whose occurrence has closed answers 410 expired, and arrival is never detected there", async () => {
    const past = await given.org().occurrence({ open: true }).people(1).links();
    const { link: { token }, attendance } = past.people[0]!;
    // The occurrence ends: move it into the past, as closure would find it.
    const { eventInstances, trackingLinks } = schema;
    const startsAt = new Date(Date.now() - 3 * 3600 * SECOND);
    await getDb()
      .update(eventInstances)
      .set({ startsAt, endsAt: new Date(startsAt.getTime() + 3600 * SECOND) })
      .where(eq(eventInstances.id, past.instance.id));
    await getDb()
      .update(trackingLinks)
      .set({ validFrom: new Date(startsAt.getTime() - 3600 * SECOND), validUntil: new Date(startsAt.getTime() + 90 * 60 * SECOND) })
      .where(and(eq(trackingLinks.organizationId, past.org.id), eq(trackingLinks.attendanceId, attendance.id)));
    const res = await post(token, { points: [point(10, new Date(Date.now() - 5 * SECOND)), point(5, new Date())] });
    expect(res.status).toBe(410);
    expect(res.body.error.reason).toBe("expired");
    expect((await attendanceRow(past.org.id, attendance.id)).journey).toBe("not_started");
    expect((await getTrackingPage(token)).state).toBe("expired");
  });

  it("moving the occurrence moves its links' window with it", async () => {
    const { moveOccurrence } = await import("@/lib/occurrences/occurrences");
    const { instantToLocal } = await import("@/lib/recurrence/expand");
    const t = await given.org().occurrence({ open: true }).people(1).links();
    // The link is open and cached by this process before the move.
    expect((await post(t.people[0]!.link.token, { points: walk(2000, 1900, 2) })).status).toBe(200);
    const newStart = new Date(Date.now() + 5 * 3600 * SECOND);
    newStart.setUTCSeconds(0, 0);
    await moveOccurrence(t.owner.ctx, { instanceId: t.instance.id, startsLocal: instantToLocal(newStart, "Europe/Berlin") });
    const link = (await listTrackingLinkStatus(t.owner.ctx, t.instance.id)).get(t.people[0]!.attendance.id)!;
    expect(link.validFrom).toEqual(new Date(newStart.getTime() - 3600 * SECOND));
    expect((await getTrackingPage(t.people[0]!.link.token)).state).toBe("not_open");
    // The ingest in this process sees the new window at once, not when its cached copy expires.
    const refused = await post(t.people[0]!.link.token, { points: walk(1900, 1800, 2) });
    expect(refused.status).toBe(409);
    expect(refused.body.error.reason).toBe("not_open");
  });

  it("points recorded before the window opened never count toward arrival (nor are stored)", async () => {
    const t = await given.org().occurrence({ startsInMinutes: 50 }).people(1).links();
    const { link: { token }, attendance } = t.people[0]!;
    const early = new Date(t.instance.startsAt.getTime() - 61 * 60 * SECOND);
    const res = await post(token, { points: [point(5, early), point(5, new Date())] });
    expect(res.status).toBe(422);
    expect((await attendanceRow(t.org.id, attendance.id)).journey).toBe("not_started");
  });
});

describe("check-in by hand and tenancy", () => {
  it("staff checks in and undoes; the link takes points again after the undo", async () => {
    const t = await given.org().occurrence({ open: true }).people(1).links();
    const staff = await t.add("staff");
    const { link: { token }, attendance } = t.people[0]!;
    const { checkedInAt } = await checkInManually(staff.ctx, attendance.id);
    expect(await attendanceRow(t.org.id, attendance.id)).toMatchObject({ journey: "arrived", checkInMethod: "manual", checkedInAt });
    expect((await post(token, { points: [point(900, new Date())] })).status).toBe(409);
    // Checking in twice keeps the first time.
    expect((await checkInManually(staff.ctx, attendance.id)).checkedInAt).toEqual(checkedInAt);

    expect(await undoCheckIn(staff.ctx, attendance.id)).toEqual({ journey: "not_started" });
    expect(await attendanceRow(t.org.id, attendance.id)).toMatchObject({ journey: "not_started", checkedInAt: null, checkInMethod: null });
    expect((await post(token, { points: [point(900, new Date())] })).status).toBe(200);
    expect((await rejection(undoCheckIn(staff.ctx, attendance.id))).code).toBe("PRECONDITION_FAILED");
  });

  it("an undone check-in leaves no expected time from before the arrival on the occurrence page", async () => {
    const { getOccurrence } = await import("@/lib/occurrences/read-occurrences");
    const t = await given.org().occurrence({ open: true }).people(2).links();
    const staff = await t.add("staff");
    const [byFence, byHand] = t.people as [LinkedPerson, LinkedPerson];
    for (const { link: { token } } of [byFence, byHand]) {
      expect((await post(token, { points: walk(600, 300, 4, Date.now() - 20 * SECOND) })).body.etaAt).not.toBeNull();
    }
    // One arrives through the geofence, the other is checked in by hand; both check-ins turn out to be mistakes.
    expect((await post(byFence.link.token, { points: walk(120, 40, 3) })).body.journey).toBe("arrived");
    await checkInManually(staff.ctx, byHand.attendance.id);
    for (const { attendance } of [byFence, byHand]) expect(await undoCheckIn(staff.ctx, attendance.id)).toEqual({ journey: "on_the_way" });
    // Back on the way, the page shows no "expected" time until the ETA refresh computes a new one from fresh fixes.
    const { attendances } = await getOccurrence(staff.ctx, t.instance.id);
    expect(attendances.map((a) => ({ journey: a.journey, etaAt: a.etaAt }))).toEqual([
      { journey: "on_the_way", etaAt: null },
      { journey: "on_the_way", etaAt: null },
    ]);
  });

  it("a check-in by hand after the occurrence is over needs the arrival time, within reason, and the report uses it", async () => {
    const t = await given.org().occurrence({ open: true }).people(2).links();
    const staff = await t.add("staff");
    // It ran from 13:00 to 14:00 Berlin time yesterday.
    const startsAt = new Date(Date.UTC(2026, 10, 23, 12, 0));
    await getDb()
      .update(schema.eventInstances)
      .set({ startsAt, endsAt: new Date(startsAt.getTime() + 3600 * SECOND) })
      .where(eq(schema.eventInstances.id, t.instance.id));
    const [first, second] = t.people.map((p) => p.attendance) as [Person["attendance"], Person["attendance"]];

    const refusals = [
      [undefined, "The occurrence is over: say when they arrived."],
      ["2026-11-23T09:59", "Pick a time from 3 hours before the start to 3 hours after the end."],
      ["2026-11-23T17:01", "Pick a time from 3 hours before the start to 3 hours after the end."],
      ["2099-01-01T08:00", "The arrival time is in the future."],
    ] as const;
    for (const [arrivedAtLocal, message] of refusals) {
      const error = await rejection(checkInManually(staff.ctx, first.id, { arrivedAtLocal }));
      expect(error).toMatchObject({ code: "VALIDATION", fields: { arrivedAtLocal: [message] } });
    }
    expect((await rejection(checkInManually(staff.ctx, first.id, { arrivedAtLocal: "23.11.2026 13:07" }))).code).toBe("VALIDATION");
    expect(await attendanceRow(t.org.id, first.id)).toMatchObject({ journey: "not_started", checkedInAt: null });

    const { checkedInAt } = await checkInManually(staff.ctx, first.id, { arrivedAtLocal: "2026-11-23T13:07" });
    expect(checkedInAt).toEqual(new Date(Date.UTC(2026, 10, 23, 12, 7)));
    await checkInManually(staff.ctx, second.id, { arrivedAtLocal: "2026-11-23T12:58" });
    const report = await getAttendanceReport(staff.ctx, { eventId: t.event.id, from: "2026-11-23", to: "2026-11-23" });
    expect(report.totals).toMatchObject({ arrived: 2, on_time: 1, late: 1, averageMinutesLate: 7 });
  });

  it("a viewer cannot issue links or check in; another organization cannot see or change anything", async () => {
    const t = await given.org().occurrence({ open: true }).people(1).links();
    const other = await given.org().occurrence({ open: true }).people(1).links();
    const viewer = await t.add("viewer");
    const { attendance } = t.people[0]!;
    expect((await rejection(issueTrackingLink(viewer.ctx, attendance.id))).code).toBe("FORBIDDEN");
    expect((await rejection(checkInManually(viewer.ctx, attendance.id))).code).toBe("FORBIDDEN");
    expect((await rejection(issueTrackingLink(other.owner.ctx, attendance.id))).code).toBe("NOT_FOUND");
    expect((await rejection(checkInManually(other.owner.ctx, attendance.id))).code).toBe("NOT_FOUND");
    expect((await rejection(undoCheckIn(other.owner.ctx, attendance.id))).code).toBe("NOT_FOUND");
    expect((await listTrackingLinkStatus(other.owner.ctx, t.instance.id)).size).toBe(0);
    expect((await attendanceRow(t.org.id, attendance.id)).journey).toBe("not_started");
    // The original link still works: the foreign attempts changed nothing.
    expect((await post(t.people[0]!.link.token, { points: [point(900, new Date())] })).status).toBe(200);
  });

  it("the page shows only the link's own attendance and records the first open, not a messenger's preview", async () => {
    const t = await given.org().event({ title: "Page meeting" }).occurrence({ open: true }).people(1).links();
    const { link: { token }, attendance } = t.people[0]!;
    expect(isLinkPreviewAgent("WhatsApp/2.23.20.0 A")).toBe(true);
    expect(isLinkPreviewAgent("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36")).toBe(false);
    await getTrackingPage(token, { recordOpen: false });
    expect((await listTrackingLinkStatus(t.owner.ctx, t.instance.id)).get(attendance.id)?.firstOpenedAt).toBeNull();
    const page = await getTrackingPage(token);
    expect(page).toMatchObject({ state: "open", participantName: "Person 1", eventTitle: "Page meeting" });
    const status = await listTrackingLinkStatus(t.owner.ctx, t.instance.id);
    expect(status.get(attendance.id)?.firstOpenedAt).toBeInstanceOf(Date);
    expect(await getTrackingPage("B".repeat(43))).toEqual({ state: "unknown" });
  });
});
