import { describe, expect, it } from "vitest";
import { connectTestDatabase, rejection } from "@/test/database";

// Positions go through the real ingest (to the Redis buffer when the bridge is configured, as in production).
connectTestDatabase();
const { checkInManually, undoCheckIn } = await import("@/lib/attendance");
const { getOpenLinkOrThrow, ingestPoints } = await import("@/lib/tracking/ingest");
const { given } = await import("@/test/given");
const { point } = await import("@/test/tracking");
const { listLatestPositions, listOccurrenceAttendances } = await import("./attendances");

describe("an occurrence's attendances for the API", () => {
  it("lists answer, journey, check-in, ETA and lateness by name, and the latest positions of those who sent one", async () => {
    const t = await given
      .org()
      .occurrence({ open: true })
      .people([
        { name: "Cy", rsvp: "declined" },
        { name: "Ada", rsvp: "confirmed" },
        { name: "Ben", rsvp: "confirmed" },
      ])
      .links();
    const now = new Date();
    const ada = t.byName("Ada");
    await ingestPoints(await getOpenLinkOrThrow(ada.link.token, now), [point(900, new Date(now.getTime() - 5_000))], now);
    await checkInManually(t.owner.ctx, t.byName("Ben").attendance.id);

    const list = await listOccurrenceAttendances(t.owner.ctx, t.instance.id);
    expect(list.occurrence).toMatchObject({ id: t.instance.id, eventId: t.event.id, status: "scheduled", timeZone: "Europe/Berlin" });
    expect(list.attendances.map((a) => [a.name, a.rsvp, a.journey, a.state])).toEqual([
      ["Ada", "confirmed", "on_the_way", "on_the_way"],
      ["Ben", "confirmed", "arrived", "arrived"],
      ["Cy", "declined", "not_started", "declined"],
    ]);
    const [adaRow, benRow] = list.attendances;
    expect(adaRow).toMatchObject({ id: ada.attendance.id, checkedInAt: null, isLate: false, lateMinutes: null, isStale: false });
    expect(adaRow!.position).toMatchObject({ lat: point(900, now).lat, accuracyM: 10 });
    expect(Date.parse(adaRow!.etaAt!)).toBeGreaterThan(now.getTime());
    expect(adaRow!.distanceM).toBeGreaterThan(850);
    // Checked in half an hour before the start: on time.
    expect(benRow).toMatchObject({ checkInMethod: "manual", isLate: false, lateMinutes: null, etaAt: null });
    expect(Date.parse(benRow!.checkedInAt!)).toBeGreaterThanOrEqual(now.getTime() - 1000);

    const latest = await listLatestPositions(t.owner.ctx, t.instance.id);
    expect(latest.positions.map((p) => [p.attendanceId, p.journey])).toEqual([[ada.attendance.id, "on_the_way"]]);

    await undoCheckIn(t.owner.ctx, t.byName("Ben").attendance.id);
    const after = await listOccurrenceAttendances(t.owner.ctx, t.instance.id);
    expect(after.attendances.find((a) => a.name === "Ben")).toMatchObject({ journey: "not_started", checkedInAt: null });
  });

  it("counts a check-in after the start and its grace as late, by the minutes the report would show", async () => {
    const t = await given.org().event({ lateGraceMinutes: 5 }).occurrence({ startsInMinutes: -20 }).people(1);
    await checkInManually(t.owner.ctx, t.people[0]!.attendance.id);
    const [row] = (await listOccurrenceAttendances(t.owner.ctx, t.instance.id)).attendances;
    expect(row).toMatchObject({ isLate: true, lateMinutes: 20 });
  });

  it("another organization gets NOT_FOUND, as for a missing occurrence", async () => {
    const t = await given.org().occurrence({ open: true }).people(1);
    const b = await given.org();
    expect((await rejection(listOccurrenceAttendances(b.owner.ctx, t.instance.id))).code).toBe("NOT_FOUND");
    expect((await rejection(listLatestPositions(b.owner.ctx, t.instance.id))).code).toBe("NOT_FOUND");
    expect((await rejection(listLatestPositions(b.owner.ctx, "nope"))).code).toBe("NOT_FOUND");
  });
});
