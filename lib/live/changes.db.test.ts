import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

connectTestDatabase();
const { getDb } = await import("@/lib/database");
const { given } = await import("@/test/given");
const { listActivity } = await import("./activity");
const { readAttendanceChanges } = await import("./changes");

describe("the live feed's read of changed attendances", () => {
  it("reads everyone first, then exactly those written since, however many, with the activity as listActivity has it", async () => {
    const t = await given.org().occurrence({ open: true }).people(260);
    const orgId = t.org.id;
    const first = await readAttendanceChanges(orgId, t.instance.id, null);
    expect(first.total).toBe(260);
    expect(new Set(first.changed.map((f) => f.attendanceId))).toEqual(new Set(t.people.map((p) => p.attendance.id)));
    expect(JSON.parse(first.activityJson)).toEqual(await listActivity(orgId, t.instance.id));

    // 230 people send a fix (more than one JSON text of 100 holds), and one more is renamed.
    const moved = t.people.slice(0, 230).map((p) => p.attendance.id);
    const fixAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_000);
    await getDb().execute(sql`
      update attendances set last_lat = 52.5, last_lng = 13.4, last_accuracy_m = 12.5, last_fix_at = ${fixAt.toISOString()}, journey = 'on_the_way'
      where organization_id = ${orgId} and id = any(${`{${moved.join(",")}}`}::uuid[])`);
    const renamed = t.people[250]!;
    await getDb().execute(sql`update participants set name = 'Renée Neu' where organization_id = ${orgId} and id = ${renamed.participant.id}`);
    const next = await readAttendanceChanges(orgId, t.instance.id, first.watermark);
    expect(next.changed.map((f) => f.attendanceId).sort()).toEqual([...moved, renamed.attendance.id].sort());
    const one = next.changed.find((f) => f.attendanceId === moved[42])!;
    expect(one).toMatchObject({ journey: "on_the_way", lastFix: { lat: 52.5, lng: 13.4, accuracyM: 12.5, at: fixAt, speedMps: null } });
    expect(next.changed.find((f) => f.attendanceId === renamed.attendance.id)!.name).toBe("Renée Neu");

    const quiet = await readAttendanceChanges(orgId, t.instance.id, next.watermark);
    expect(quiet).toMatchObject({ total: 260, changed: [] });
  });
});
