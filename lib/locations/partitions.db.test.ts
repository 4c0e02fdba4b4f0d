import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrg, connectTestDatabase } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { ensureLocationPartitions } = await import("./partitions");

// Days far in the future, different on every run, so the test never depends on partitions an earlier run made.
const DAY = 86_400_000;
const base = new Date(Date.UTC(2040, 0, 1) + Math.floor(Math.random() * 40_000) * DAY);
const dayName = (d: Date) => `locations_p${d.toISOString().slice(0, 10).replaceAll("-", "")}`;

async function partitionOf(attendanceId: string): Promise<string | undefined> {
  const result = await getDb().execute<{ part: string }>(
    sql`select tableoid::regclass::text as part from locations where attendance_id = ${attendanceId}`,
  );
  return result[0]?.part;
}

describe("daily location partitions", () => {
  let attendanceId: string;
  let organizationId: string;

  beforeAll(async () => {
    const { org } = await createTestOrg("Partitions");
    organizationId = org.id;
    const db = getDb();
    const [event] = await db
      .insert(schema.events)
      .values({ organizationId, kind: "demand", title: "Trip", venueName: "Gate", venueLat: 52.5, venueLng: 13.4, timeZone: "Europe/Berlin", dtstartLocal: "2031-03-10 08:00:00" })
      .returning();
    const [instance] = await db
      .insert(schema.eventInstances)
      .values({ organizationId, eventId: event!.id, ruleStartsAt: new Date(), startsAt: new Date(), endsAt: new Date() })
      .returning();
    const [participant] = await db
      .insert(schema.participants)
      .values({ organizationId, name: "Rider", phone: `+4915${Date.now().toString().slice(-9)}` })
      .returning();
    const [attendance] = await db
      .insert(schema.attendances)
      .values({ organizationId, instanceId: instance!.id, participantId: participant!.id })
      .returning();
    attendanceId = attendance!.id;
  });

  it("creates the partitions from yesterday to two weeks ahead, and a second run creates none", async () => {
    const now = new Date(base.getTime() + 12 * 3_600_000);
    const created = await ensureLocationPartitions(now, 14);
    expect(created).toBe(16);
    expect(await ensureLocationPartitions(now, 14)).toBe(0);
    const last = dayName(new Date(base.getTime() + 14 * DAY));
    const exists = await getDb().execute<{ ok: boolean }>(sql`select to_regclass(${last}) is not null as ok`);
    expect(exists[0]?.ok).toBe(true);
  });

  it("keeps a point for a day without a partition, and moves it into the partition created later", async () => {
    const day = new Date(base.getTime() + 100 * DAY);
    const recordedAt = new Date(day.getTime() + 6.5 * 3_600_000);
    await getDb().insert(schema.locations).values({ organizationId, attendanceId, recordedAt, lat: 52.5, lng: 13.4, accuracyM: 8 });
    expect(await partitionOf(attendanceId)).toBe("locations_default");

    await ensureLocationPartitions(day, 0);
    expect(await partitionOf(attendanceId)).toBe(dayName(day));
    const points = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from locations where attendance_id = ${attendanceId}`);
    expect(points[0]?.n).toBe(1);
  });

  it("stores the same point (attendance, recorded time) once", async () => {
    const recordedAt = new Date(base.getTime() + 8 * 3_600_000);
    const point = { organizationId, attendanceId, recordedAt, lat: 52.5, lng: 13.4, accuracyM: 5 };
    await getDb().insert(schema.locations).values(point).onConflictDoNothing();
    await getDb().insert(schema.locations).values(point).onConflictDoNothing();
    const result = await getDb().execute<{ n: number }>(
      sql`select count(*)::int as n from locations where attendance_id = ${attendanceId} and recorded_at = ${recordedAt.toISOString()}::timestamptz`,
    );
    expect(result[0]?.n).toBe(1);
  });
});
