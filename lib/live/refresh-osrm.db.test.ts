import { and, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";
import { startFakeOsrmServer } from "@/test/fakes/osrm-server";

// Road routing: a fake OSRM table service on loopback; the refresh must use it when it answers and never fail when
// it does not.
const osrm = await startFakeOsrmServer({ kind: "ok", speedMps: 12 });
process.env.OSRM_URL = osrm.url;
process.env.OSRM_TIMEOUT_MS = "300";
delete process.env.UPSTASH_REDIS_REST_URL;
delete process.env.UPSTASH_REDIS_REST_TOKEN;
connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { refreshEtas } = await import("./refresh-etas");
const { given } = await import("@/test/given");
const { northOfVenue } = await import("@/test/tracking");

afterAll(() => osrm.close());

/** Puts everyone of the occurrence on the way, `metres` north of the venue, with a fix just taken. */
async function onTheWay(organizationId: string, attendanceIds: string[], metres: number) {
  const at = new Date(Date.now() - 1000);
  const { attendances, locations } = schema;
  await getDb()
    .insert(locations)
    .values(attendanceIds.map((attendanceId) => ({ organizationId, attendanceId, recordedAt: at, ...northOfVenue(metres), accuracyM: 10 })));
  await getDb()
    .update(attendances)
    .set({ journey: "on_the_way", lastFixAt: at, lastAccuracyM: 10, lastLat: northOfVenue(metres).lat, lastLng: northOfVenue(metres).lng })
    .where(and(eq(attendances.organizationId, organizationId), inArray(attendances.id, attendanceIds)));
}

async function etaRows(organizationId: string, instanceId: string) {
  const { attendances } = schema;
  return getDb()
    .select({ etaAt: attendances.etaAt, etaMethod: attendances.etaMethod, distanceM: attendances.distanceM })
    .from(attendances)
    .where(and(eq(attendances.organizationId, organizationId), eq(attendances.instanceId, instanceId)));
}

describe("refresh-etas with OSRM", () => {
  it("takes road durations from OSRM, 99 participants per table request", async () => {
    const setup = await given.org().occurrence({ open: true }).people(150);
    await onTheWay(setup.org.id, setup.people.map((p) => p.attendance.id), 3000);
    osrm.setBehaviour({ kind: "ok", speedMps: 12 });
    const before = osrm.requests.length;
    await refreshEtas();
    const sizes = osrm.requests.slice(before).map((r) => r.sources.length);
    expect(sizes).toEqual(expect.arrayContaining([99, 51]));

    const rows = await etaRows(setup.org.id, setup.instance.id);
    expect(rows.every((r) => r.etaMethod === "osrm")).toBe(true);
    // The fake's road: 3 km × 1.3 at 12 m/s = 325 s.
    const seconds = (rows[0]!.etaAt!.getTime() - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(290);
    expect(seconds).toBeLessThan(330);
  });

  it("falls back to the estimate when OSRM times out or fails", async () => {
    const setup = await given.org().occurrence({ open: true }).people(2);
    await onTheWay(setup.org.id, setup.people.map((p) => p.attendance.id), 2000);
    for (const behaviour of [{ kind: "slow", delayMs: 2000 }, { kind: "http-error", status: 500 }] as const) {
      osrm.setBehaviour(behaviour);
      await refreshEtas();
      const rows = await etaRows(setup.org.id, setup.instance.id);
      expect(rows.map((r) => r.etaMethod)).toEqual(["default", "default"]);
      expect(rows.every((r) => r.etaAt !== null && Math.abs(r.distanceM! - 2000) < 10)).toBe(true);
    }
  });
});
