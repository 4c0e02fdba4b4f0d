import { randomInt } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RecordedRequest, Reply } from "@/test/fakes/app-origin-server";

// The simulator exists only in the embedded mode, so this suite runs in it: PGlite in a fresh folder, no Redis, the
// real ingest route handler behind a loopback HTTP server standing in for the app's origin.
const dataDir = mkdtempSync(path.join(os.tmpdir(), "ec-demo-"));
delete process.env.DATABASE_URL;
delete process.env.UPSTASH_REDIS_REST_URL;
delete process.env.UPSTASH_REDIS_REST_TOKEN;
process.env.DATA_DIR = dataDir;
// The simulator in these tests posts far faster than a phone (a fix every 100 ms).
process.env.TRACKING_RATE_LIMIT_PER_MINUTE = "100000";

const { getDatabaseHandle, getDb, schema } = await import("@/lib/database");
const { migrateDatabase } = await import("@/db/migrate");
await migrateDatabase(getDatabaseHandle());
const { and, count, eq, inArray } = await import("drizzle-orm");
const { createTestOrg, rejection } = await import("@/test/database");
const { POST } = await import("@/app/api/track/[token]/points/route");
const { createEvent } = await import("@/lib/occurrences/event-lifecycle");
const { eventInput } = await import("@/test/events");
const { getOccurrence } = await import("@/lib/occurrences/occurrences");
const { unsafeFindLinkByToken } = await import("@/lib/tracking/link-context");
const { given } = await import("@/test/given");
const { storedPoints } = await import("@/test/tracking");
const { startLiveDemo } = await import("./live-demo");
const { stopSimulation } = await import("./registry");
const { startOccurrenceSimulation } = await import("./simulate");
const { startRecordingServer } = await import("@/test/fakes/app-origin-server");

const { attendances, events, participants, scheduledActions, trackingLinks } = schema;
const MINUTE = 60_000;
const FAST = { intervalMs: 100, timeScale: 200 };

/** The real ingest route handler, as the app serves it. */
async function realIngest(request: RecordedRequest): Promise<Reply> {
  const response = await POST(
    new Request(`http://app.test${request.path}`, {
      method: "POST",
      headers: { "content-type": request.contentType ?? "" },
      body: JSON.stringify(request.body),
    }),
    { params: Promise.resolve({ token: request.token }) },
  );
  return { status: response.status, body: await response.json() };
}

const servers: Awaited<ReturnType<typeof startRecordingServer>>[] = [];
const running: string[] = [];
afterAll(async () => {
  await Promise.all(running.map((key) => stopSimulation(key)));
  await Promise.all(servers.map((s) => s.close()));
  await getDatabaseHandle().close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function server(reply: (r: RecordedRequest) => Reply | Promise<Reply>) {
  const s = await startRecordingServer(reply);
  servers.push(s);
  return s;
}

async function addPeople(organizationId: string, names: string[]) {
  return getDb()
    .insert(participants)
    .values(names.map((name, i) => ({ organizationId, name, phone: `+4915199${randomInt(10_000, 99_999)}${i}` })))
    .returning();
}

async function orgRows(organizationId: string) {
  const db = getDb();
  const [[e], [a], [l]] = await Promise.all([
    db.select({ n: count() }).from(events).where(eq(events.organizationId, organizationId)),
    db.select({ n: count() }).from(attendances).where(eq(attendances.organizationId, organizationId)),
    db.select({ n: count() }).from(trackingLinks).where(eq(trackingLinks.organizationId, organizationId)),
  ]);
  return { events: e!.n, attendances: a!.n, links: l!.n };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("startLiveDemo (embedded mode)", () => {
  it("creates an occurrence in ~20 min with eight confirmed people of the caller's organization, who then arrive", async () => {
    const mine = await createTestOrg("Demo");
    const other = await createTestOrg("Neighbour");
    await addPeople(mine.org.id, ["Ada", "Ben", "Cem", "Dana", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jana"]);
    const theirPeople = await addPeople(other.org.id, ["Other A", "Other B"]);
    const venueEvent = await createEvent(mine.owner.ctx, eventInput({ venueLat: 48.137, venueLng: 11.575, venueName: "Town hall" }));
    await createEvent(other.owner.ctx, eventInput());
    const theirsBefore = await orgRows(other.org.id);

    const ingest = await server(realIngest);
    const demo = await startLiveDemo(mine.owner.ctx, { origin: ingest.origin, ...FAST });
    running.push(`${mine.org.id}:${demo.instanceId}`);

    expect(demo).toMatchObject({ alreadyRunning: false, participants: 8, late: 1, speedFactor: 3 });
    const occurrence = await getOccurrence(mine.owner.ctx, demo.instanceId);
    const startsIn = occurrence.startsAt.getTime() - Date.now();
    expect(startsIn).toBeGreaterThan(19 * MINUTE);
    expect(startsIn).toBeLessThan(21.5 * MINUTE);
    expect(occurrence.event).toMatchObject({ kind: "demand", travelMode: "driving", venueName: "Town hall", venueLat: 48.137 });
    expect(occurrence.event.id).not.toBe(venueEvent.id);
    expect(occurrence.attendances).toHaveLength(8);
    expect(occurrence.attendances.every((a) => a.rsvp === "confirmed")).toBe(true);
    expect(occurrence.attendances.map((a) => a.name)).toEqual(["Ada", "Ben", "Cem", "Dana", "Eli", "Fay", "Gus", "Hana"]);
    // Created the normal way: the schedule's remaining action (closure) is planned.
    const actions = await getDb().select().from(scheduledActions).where(eq(scheduledActions.instanceId, demo.instanceId));
    expect(actions.map((a) => a.action)).toEqual(["closure"]);

    // The simulator's points go through the real ingest: everyone is checked in by the geofence, the latecomer last.
    const arrived = await until(
      async () => (await getOccurrence(mine.owner.ctx, demo.instanceId)).attendances,
      (list) => list.every((a) => a.journey === "arrived"),
      30_000,
    );
    expect(arrived.map((a) => [a.journey, a.checkInMethod])).toEqual(Array(8).fill(["arrived", "geofence"]));
    for (const a of arrived) expect(await storedPoints(a.id)).toBeGreaterThanOrEqual(2);
    const times = arrived.map((a) => a.checkedInAt!.getTime()).sort((x, y) => x - y);
    expect(times.at(-1)! - times.at(-2)!).toBeGreaterThan(2000); // 28 demo minutes against at most ~6 for the others
    expect(new Set(ingest.requests.map((r) => r.token)).size).toBe(8);

    // Nothing of the neighbour organization was touched.
    expect(await orgRows(other.org.id)).toEqual(theirsBefore);
    const theirAttendances = await getDb()
      .select({ n: count() })
      .from(attendances)
      .where(and(eq(attendances.organizationId, mine.org.id), inArray(attendances.participantId, theirPeople.map((p) => p.id))));
    expect(theirAttendances[0]!.n).toBe(0);
  }, 60_000);

  it("refuses staff and viewers (an event and a roster need a manager) and creates nothing", async () => {
    const t = await createTestOrg("Demo roles");
    await addPeople(t.org.id, ["Ada", "Ben"]);
    const ingest = await server(() => ({ status: 500 }));
    const before = await orgRows(t.org.id);
    for (const role of ["staff", "viewer"] as const) {
      const member = await t.add(role);
      expect((await rejection(startLiveDemo(member.ctx, { origin: ingest.origin }))).code).toBe("FORBIDDEN");
    }
    expect(await orgRows(t.org.id)).toEqual(before);
    expect(ingest.requests).toHaveLength(0);
  });

  it("says what to do when the organization has nobody to invite", async () => {
    const t = await createTestOrg("Demo empty");
    const error = await rejection(startLiveDemo(t.owner.ctx, { origin: "http://127.0.0.1:9" }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/Add a few participants first/);
    expect((await orgRows(t.org.id)).events).toBe(0);
  });
});

describe("startOccurrenceSimulation (embedded mode)", () => {
  const onTheWay = () => ({ status: 200, body: { accepted: 1, journey: "on_the_way" } });

  it("lets staff move the confirmed participants, once per occurrence", async () => {
    const setup = await given.org().occurrence({ open: true }).people(4).links();
    const [declined, pending] = setup.people;
    await getDb().update(attendances).set({ rsvp: "declined" }).where(eq(attendances.id, declined!.attendance.id));
    await getDb().update(attendances).set({ rsvp: "pending" }).where(eq(attendances.id, pending!.attendance.id));
    const confirmedIds = setup.people.slice(2).map((p) => p.attendance.id).sort();
    const staff = await setup.add("staff");
    const ingest = await server(onTheWay);

    const first = await startOccurrenceSimulation(staff.ctx, setup.instance.id, { origin: ingest.origin, ...FAST });
    running.push(`${setup.org.id}:${setup.instance.id}`);
    expect(first).toMatchObject({ alreadyRunning: false, participants: 2 });
    const linksAfterFirst = await orgRows(setup.org.id);

    const second = await startOccurrenceSimulation(setup.owner.ctx, setup.instance.id, { origin: ingest.origin, ...FAST });
    expect(second).toMatchObject({ alreadyRunning: true, participants: 2 });
    expect(await orgRows(setup.org.id)).toEqual(linksAfterFirst);

    await until(async () => ingest.requests.length, (n) => n >= 6, 5000);
    const tokens = [...new Set(ingest.requests.map((r) => r.token))];
    const owners = await Promise.all(tokens.map(async (token) => (await unsafeFindLinkByToken(token))?.attendanceId));
    expect(owners.sort()).toEqual(confirmedIds);
    // The links the participants had before were replaced by the simulator's.
    for (const { link } of setup.people.slice(2)) expect((await unsafeFindLinkByToken(link.token))?.revokedAt).not.toBeNull();
    expect((await unsafeFindLinkByToken(declined!.link.token))?.revokedAt).toBeNull();

    await stopSimulation(`${setup.org.id}:${setup.instance.id}`);
    const third = await startOccurrenceSimulation(staff.ctx, setup.instance.id, { origin: ingest.origin, ...FAST });
    expect(third.alreadyRunning).toBe(false);
  });

  it("moves those who have not answered when nobody has confirmed yet", async () => {
    const setup = await given.org().occurrence({ open: true }).people(3).links();
    await getDb().update(attendances).set({ rsvp: "pending" }).where(eq(attendances.organizationId, setup.org.id));
    const ingest = await server(onTheWay);
    const started = await startOccurrenceSimulation(setup.owner.ctx, setup.instance.id, { origin: ingest.origin, ...FAST });
    running.push(`${setup.org.id}:${setup.instance.id}`);
    expect(started.participants).toBe(3);
  });

  it("refuses viewers, other organizations, closed windows and occurrences with nobody to move", async () => {
    const setup = await given.org().occurrence({ open: true }).people(2).links();
    const viewer = await setup.add("viewer");
    const stranger = await createTestOrg("Stranger");
    const origin = "http://127.0.0.1:9";
    expect((await rejection(startOccurrenceSimulation(viewer.ctx, setup.instance.id, { origin }))).code).toBe("FORBIDDEN");
    expect((await rejection(startOccurrenceSimulation(stranger.owner.ctx, setup.instance.id, { origin }))).code).toBe("NOT_FOUND");

    const later = await given.org().occurrence({ startsInMinutes: 180 }).people(1).links();
    const notOpen = await rejection(startOccurrenceSimulation(later.owner.ctx, later.instance.id, { origin }));
    expect(notOpen.code).toBe("PRECONDITION_FAILED");
    expect(notOpen.message).toMatch(/opens at/);

    await getDb().update(attendances).set({ rsvp: "declined" }).where(eq(attendances.organizationId, setup.org.id));
    const nobody = await rejection(startOccurrenceSimulation(setup.owner.ctx, setup.instance.id, { origin }));
    expect(nobody.code).toBe("PRECONDITION_FAILED");
    expect(nobody.message).toMatch(/Nobody to simulate/);
    // A refused start leaves the slot free and issues no links.
    await getDb().update(attendances).set({ rsvp: "confirmed" }).where(eq(attendances.organizationId, setup.org.id));
    const ingest = await server(onTheWay);
    const started = await startOccurrenceSimulation(setup.owner.ctx, setup.instance.id, { origin: ingest.origin, ...FAST });
    running.push(`${setup.org.id}:${setup.instance.id}`);
    expect(started.alreadyRunning).toBe(false);
  });
});
