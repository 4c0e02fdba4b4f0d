import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { purgeLocations } = await import("./purge");
const { given } = await import("@/test/given");
const { northOfVenue, storedPoints, attendanceRow } = await import("@/test/tracking");

const DAY = 86_400_000;
const { attendances, locations, organizations } = schema;

/** Points recorded `daysAgo` days ago, written as the flush would. */
async function pointsAt(organizationId: string, attendanceId: string, daysAgo: number[]) {
  await getDb()
    .insert(locations)
    .values(daysAgo.map((d) => ({ organizationId, attendanceId, recordedAt: new Date(Date.now() - d * DAY), ...northOfVenue(500), accuracyM: 10 })));
}

describe("purge-locations", () => {
  it("deletes points past each organization's retention and keeps arrival outcomes", async () => {
    const short = await given.org().occurrence({ open: true }).people(1);
    const normal = await given.org().occurrence({ open: true }).people(1);
    await getDb().update(organizations).set({ locationRetentionDays: 30 }).where(eq(organizations.id, short.org.id));
    const a = short.people[0]!.attendance;
    const b = normal.people[0]!.attendance;
    const checkedInAt = new Date(Date.now() - 40 * DAY);
    await getDb()
      .update(attendances)
      .set({ journey: "arrived", checkedInAt, checkInMethod: "geofence" })
      .where(and(eq(attendances.id, a.id), eq(attendances.organizationId, short.org.id)));
    // Old days have no partition of their own: these land in the default partition, as late data would.
    await pointsAt(short.org.id, a.id, [120, 40, 31, 29, 1]);
    await pointsAt(normal.org.id, b.id, [120, 91, 89, 40]);

    const result = await purgeLocations(new Date());
    expect(result.deletedPoints).toBeGreaterThanOrEqual(5);
    expect(await storedPoints(a.id)).toBe(2); // 29 and 1 days old
    expect(await storedPoints(b.id)).toBe(2); // 89 and 40 days old: 90-day retention
    expect(await attendanceRow(short.org.id, a.id)).toMatchObject({ journey: "arrived", checkInMethod: "geofence", checkedInAt });

    // Running it again changes nothing.
    await purgeLocations(new Date());
    expect(await storedPoints(a.id)).toBe(2);
    expect(await storedPoints(b.id)).toBe(2);
  });

  it("drops whole daily partitions older than every organization's retention", async () => {
    const t = await given.org().occurrence({ open: true }).people(1);
    await getDb().execute(sql`select ec_ensure_location_partitions(current_date - 400, current_date - 399)`);
    await pointsAt(t.org.id, t.people[0]!.attendance.id, [399.5]);
    const result = await purgeLocations(new Date());
    expect(result.droppedPartitions).toBeGreaterThanOrEqual(1);
    expect(await storedPoints(t.people[0]!.attendance.id)).toBe(0);
    const left = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from pg_class where relname = ${"locations_p" + new Date(Date.now() - 400 * DAY).toISOString().slice(0, 10).replaceAll("-", "")}`);
    expect(left[0]?.n).toBe(0);
  });
});
