import { describe, expect, it } from "vitest";
import { nominalDueAt, planActions } from "./due-times";

const MINUTE = 60_000;
const schedule = {
  confirmationOffsetMinutes: 1440,
  reminderOffsetMinutes: 120,
  trackingOffsetMinutes: 60,
  closureOffsetMinutes: 30,
};
const startsAt = new Date("2026-09-07T05:30:00Z");
const endsAt = new Date("2026-09-07T06:30:00Z");
const occurrence = { startsAt, endsAt };
const at = (iso: string) => new Date(iso);

describe("planActions", () => {
  it("counts back from the start, and closure forward from the end", () => {
    expect(planActions(schedule, occurrence, at("2026-09-01T00:00:00Z"))).toEqual([
      { action: "confirmation", dueAt: at("2026-09-06T05:30:00Z") },
      { action: "reminder", dueAt: at("2026-09-07T03:30:00Z") },
      { action: "tracking_link", dueAt: at("2026-09-07T04:30:00Z") },
      { action: "closure", dueAt: at("2026-09-07T07:00:00Z") },
    ]);
  });

  it("leaves out a message that is turned off", () => {
    const planned = planActions({ ...schedule, reminderOffsetMinutes: null, closureOffsetMinutes: null }, occurrence, at("2026-09-01T00:00:00Z"));
    expect(planned.map((p) => p.action)).toEqual(["confirmation", "tracking_link"]);
  });

  it("sends a confirmation whose time has passed once, now, while the start is still ahead", () => {
    const now = at("2026-09-07T04:00:00Z"); // 90 minutes before the start
    const planned = planActions(schedule, occurrence, now);
    expect(planned).toEqual([
      { action: "confirmation", dueAt: now },
      { action: "tracking_link", dueAt: at("2026-09-07T04:30:00Z") },
      { action: "closure", dueAt: at("2026-09-07T07:00:00Z") },
    ]);
  });

  it("inside the tracking window, the confirmation and the tracking link are both due now; the reminder is left out", () => {
    const now = at("2026-09-07T05:00:00Z"); // 30 minutes before the start
    expect(planActions(schedule, occurrence, now)).toEqual([
      { action: "confirmation", dueAt: now },
      { action: "tracking_link", dueAt: now },
      { action: "closure", dueAt: at("2026-09-07T07:00:00Z") },
    ]);
  });

  it("creates nothing before the start once the start has passed, but still the closure after the end", () => {
    const planned = planActions(schedule, occurrence, at("2026-09-07T06:00:00Z"));
    expect(planned).toEqual([{ action: "closure", dueAt: at("2026-09-07T07:00:00Z") }]);
    expect(planActions(schedule, occurrence, at("2026-09-07T07:00:01Z"))).toEqual([]);
  });

  it("keeps an action due exactly now, and an offset of 0 means at the start (or end)", () => {
    const now = at("2026-09-07T03:30:00Z");
    expect(planActions(schedule, occurrence, now).map((p) => p.action)).toContain("reminder");
    expect(nominalDueAt("tracking_link", { ...schedule, trackingOffsetMinutes: 0 }, occurrence)).toEqual(startsAt);
    expect(nominalDueAt("closure", { ...schedule, closureOffsetMinutes: 0 }, occurrence)).toEqual(endsAt);
    expect(nominalDueAt("reminder", { ...schedule, reminderOffsetMinutes: null }, occurrence)).toBeNull();
    expect(startsAt.getTime() - (nominalDueAt("confirmation", schedule, occurrence)?.getTime() ?? 0)).toBe(1440 * MINUTE);
  });
});
