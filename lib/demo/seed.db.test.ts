import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

connectTestDatabase();
const { and, desc, eq } = await import("drizzle-orm");
const { getReplay } = await import("@/lib/replay");
const { haversineM } = await import("@/lib/eta");
const { getDb, schema } = await import("@/lib/database");
const { resolveOrgContext } = await import("@/lib/tenant/context");
const { getAttendanceReport } = await import("@/lib/reports/attendance-report");
const { DEMO_LOGIN, DEMO_ORG_SLUG, DEMO_PAST_RUNS, seedDemo } = await import("./seed");
const { verifyCredentials } = await import("@/lib/auth/verify-credentials");

// Wednesday 25 Nov 2026, 09:00 in Berlin: this morning's run is over, and 15 weekday mornings go back to 5 Nov.
const now = new Date("2026-11-25T08:00:00Z");

async function schoolRunReport() {
  const db = getDb();
  const [user] = await db.select().from(schema.users).where(eq(schema.users.email, DEMO_LOGIN.email));
  const ctx = await resolveOrgContext({ id: user!.id, email: user!.email, name: user!.name, isSuperadmin: false }, DEMO_ORG_SLUG);
  const [run] = await db
    .select()
    .from(schema.events)
    .where(and(eq(schema.events.organizationId, ctx.org.id), eq(schema.events.title, "Morning school run")));
  return getAttendanceReport(ctx, { eventId: run!.id }, now);
}

describe("the demo organization", () => {
  it("comes with the school run's last weekday mornings already held, so its attendance report tells a story", async () => {
    await seedDemo(getDb(), now);
    const report = await schoolRunReport();
    expect(report.occurrences).toHaveLength(DEMO_PAST_RUNS);
    expect(report.occurrences[0]!.startsLocal).toBe("2026-11-05T07:30");
    expect(report.occurrences.at(-1)!.startsLocal).toBe("2026-11-25T07:30");
    // No weekend mornings: the run is Monday to Friday.
    const weekdays = report.occurrences.map((o) => new Date(`${o.startsLocal.slice(0, 10)}T12:00:00Z`).getUTCDay());
    expect(weekdays.every((d) => d >= 1 && d <= 5)).toBe(true);
    const { totals } = report;
    expect(totals.invited).toBe(DEMO_PAST_RUNS * 20);
    expect(totals.expected).toBe(0); // all closed
    for (const outcome of ["on_time", "late", "no_show", "declined", "no_answer"] as const) expect(totals[outcome]).toBeGreaterThan(0);
    expect(totals.on_time).toBeGreaterThan(totals.late);
    expect(totals.attendanceRate).toBeGreaterThan(0.75);
  });

  it("has the latest morning's drives stored, so its replay shows everyone the geofence checked in arriving", async () => {
    await seedDemo(getDb(), now);
    const db = getDb();
    const [user] = await db.select().from(schema.users).where(eq(schema.users.email, DEMO_LOGIN.email));
    const ctx = await resolveOrgContext({ id: user!.id, email: user!.email, name: user!.name, isSuperadmin: false }, DEMO_ORG_SLUG);
    const [latest] = await db
      .select()
      .from(schema.eventInstances)
      .where(eq(schema.eventInstances.organizationId, ctx.org.id))
      .orderBy(desc(schema.eventInstances.startsAt))
      .limit(1);
    const replay = await getReplay(ctx, latest!.id, { zoom: 18 }, now);
    if (!replay.ok) throw new Error(`expected a replay, got ${replay.reason}`);
    const byGeofence = replay.participants.filter((p) => p.checkInMethod === "geofence");
    expect(byGeofence.length).toBeGreaterThan(5);
    for (const p of byGeofence) {
      const last = p.trail.at(-1)!;
      expect(last[0]).toBe(Date.parse(p.arrivedAt!));
      expect(haversineM({ lat: last[1], lng: last[2] }, { lat: 52.5306, lng: 13.3847 })).toBeLessThan(150);
      expect(haversineM({ lat: p.trail[0]![1], lng: p.trail[0]![2] }, { lat: 52.5306, lng: 13.3847 })).toBeGreaterThan(800);
    }
    // Nobody else left a trail: those checked in by hand, absent or declined did not share.
    expect(replay.participants.filter((p) => p.checkInMethod !== "geofence" && p.trail.length > 0)).toEqual([]);
  });

  it("leaves a morning still under way to the materializer", async () => {
    const during = new Date("2026-11-25T06:45:00Z"); // 07:45 in Berlin
    await seedDemo(getDb(), during);
    const db = getDb();
    const [org] = await db.select().from(schema.organizations).where(eq(schema.organizations.slug, DEMO_ORG_SLUG));
    const held = await db.select().from(schema.eventInstances).where(eq(schema.eventInstances.organizationId, org!.id));
    expect(held).toHaveLength(DEMO_PAST_RUNS);
    expect(Math.max(...held.map((i) => i.startsAt.getTime()))).toBe(new Date("2026-11-24T06:30:00Z").getTime());
  });

  it("is the same every time it is seeded with the same clock (re-seeding replaces it, nothing doubles)", async () => {
    await seedDemo(getDb(), now);
    const first = await schoolRunReport();
    await seedDemo(getDb(), now);
    const second = await schoolRunReport();
    expect(second.totals).toEqual(first.totals);
    expect(second.participants.map((p) => [p.name, p.tally])).toEqual(first.participants.map((p) => [p.name, p.tally]));
    const orgs = await getDb().select().from(schema.organizations).where(eq(schema.organizations.slug, DEMO_ORG_SLUG));
    expect(orgs).toHaveLength(1);
  });
});

describe("npm run db:seed against a production database", () => {
  const seed = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts", ...args], {
      env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, LOG_LEVEL: "silent" },
      encoding: "utf8",
      timeout: 60_000,
    });

  it("refuses without --allow-production, and with it never uses the published password", async () => {
    const refused = seed();
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("--allow-production");

    const seeded = seed("--allow-production");
    expect(seeded.status, seeded.stderr).toBe(0);
    const password = new RegExp(`${DEMO_LOGIN.email} / (\\S+)`).exec(seeded.stdout)?.[1];
    expect(password).toBeDefined();
    expect(password).not.toBe(DEMO_LOGIN.password);
    expect(await verifyCredentials({ email: DEMO_LOGIN.email, password: DEMO_LOGIN.password })).toMatchObject({ ok: false });
    expect(await verifyCredentials({ email: DEMO_LOGIN.email, password })).toMatchObject({ ok: true });
  });
});
