import { describe, expect, it } from "vitest";
import { outcomeOf, tally, type AttendanceFacts } from "./outcomes";
import { wordedIssues } from "@/test/words";
import { AttendanceReportInput, reportRange } from "./schemas";

const MINUTE = 60_000;
const start = new Date("2026-11-20T07:30:00Z");
const occurrence = { startsAt: start, endsAt: new Date(start.getTime() + 60 * MINUTE), closedAt: null };
const during = new Date(start.getTime() + 30 * MINUTE);
const after = new Date(start.getTime() + 2 * 60 * MINUTE);
const arrivedAt = (minutes: number, rsvp: AttendanceFacts["rsvp"] = "confirmed"): AttendanceFacts => ({
  rsvp,
  journey: "arrived",
  checkedInAt: new Date(start.getTime() + minutes * MINUTE),
});

describe("outcomeOf", () => {
  it.each([
    ["early", -4, "on_time", 0],
    ["on the dot", 0, "on_time", 0],
    ["at the end of the grace", 5, "on_time", 5],
    ["a second after the grace", 5 + 1 / 60, "late", 5],
    ["twelve and a half minutes after the start", 12.5, "late", 12],
  ] as const)("an arrival %s is %s, %i minutes after the start", (_, minutes, outcome, minutesLate) => {
    expect(outcomeOf(arrivedAt(minutes), occurrence, 5, after)).toEqual({ outcome, minutesLate });
  });

  it("counts an arrival whatever the answer was", () => {
    expect(outcomeOf(arrivedAt(1, "pending"), occurrence, 5, after).outcome).toBe("on_time");
    expect(outcomeOf(arrivedAt(20, "declined"), occurrence, 5, after).outcome).toBe("late");
  });

  it("with no grace, any arrival after the start is late", () => {
    expect(outcomeOf(arrivedAt(0.5), occurrence, 0, after)).toEqual({ outcome: "late", minutesLate: 0 });
  });

  it("a confirmed person who has not arrived is still expected while the occurrence runs, a no-show once it is over", () => {
    const confirmed: AttendanceFacts = { rsvp: "confirmed", journey: "on_the_way", checkedInAt: null };
    expect(outcomeOf(confirmed, occurrence, 5, during)).toEqual({ outcome: "expected", minutesLate: null });
    expect(outcomeOf(confirmed, occurrence, 5, after)).toEqual({ outcome: "no_show", minutesLate: null });
    // Closed early by hand, or marked by the closure step: over either way.
    expect(outcomeOf(confirmed, { ...occurrence, closedAt: during }, 5, during).outcome).toBe("no_show");
    expect(outcomeOf({ ...confirmed, journey: "no_show" }, occurrence, 5, during).outcome).toBe("no_show");
  });

  it("names declines and silence, during and after", () => {
    for (const now of [during, after]) {
      expect(outcomeOf({ rsvp: "declined", journey: "not_started", checkedInAt: null }, occurrence, 5, now).outcome).toBe("declined");
      expect(outcomeOf({ rsvp: "pending", journey: "not_started", checkedInAt: null }, occurrence, 5, now).outcome).toBe("no_answer");
    }
  });
});

describe("tally", () => {
  it("counts each outcome, the attendance rate and the mean lateness of late arrivals", () => {
    const t = tally([
      { outcome: "on_time", minutesLate: 2 },
      { outcome: "late", minutesLate: 7 },
      { outcome: "late", minutesLate: 10 },
      { outcome: "no_show", minutesLate: null },
      { outcome: "declined", minutesLate: null },
      { outcome: "no_answer", minutesLate: null },
      { outcome: "expected", minutesLate: null },
      { outcome: "no_show", minutesLate: null },
    ]);
    expect(t).toMatchObject({ invited: 8, arrived: 3, on_time: 1, late: 2, no_show: 2, declined: 1, no_answer: 1, expected: 1 });
    expect(t.averageMinutesLate).toBe(9); // (7 + 10) / 2 = 8.5, rounded
    expect(t.attendanceRate).toBe(3 / 8);
  });

  it("has no rate and no lateness without anyone to count", () => {
    expect(tally([])).toMatchObject({ invited: 0, attendanceRate: null, averageMinutesLate: null });
    expect(tally([{ outcome: "on_time", minutesLate: 0 }]).averageMinutesLate).toBeNull();
  });
});

describe("report dates", () => {
  const today = "2026-11-24";
  it("default to the last 30 days up to today", () => {
    expect(reportRange({}, today)).toEqual({ from: "2026-10-26", to: today });
    expect(reportRange({ to: "2026-03-31" }, today)).toEqual({ from: "2026-03-02", to: "2026-03-31" });
  });

  it("run from a given first day up to today, at most a year, never ending before they start", () => {
    expect(reportRange({ from: "2026-11-01" }, today)).toEqual({ from: "2026-11-01", to: today });
    expect(reportRange({ from: "2024-01-01" }, today)).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(reportRange({ from: "2026-12-05" }, today)).toEqual({ from: "2026-12-05", to: "2026-12-05" });
  });

  it("refuse a range that ends before it starts, spans more than 366 days, or is not made of dates", () => {
    const eventId = "6f1c8a52-3f0e-4b8e-9d43-5a8d2c1e7b90";
    const problems = (input: object) => {
      const error = AttendanceReportInput.safeParse({ eventId, ...input }).error;
      return error && Object.values(wordedIssues(error)).flat();
    };
    expect(problems({ from: "2026-11-10", to: "2026-11-09" })).toEqual(["The last day must not be before the first."]);
    expect(problems({ from: "2025-01-01", to: "2026-01-02" })).toEqual(["A report covers at most 366 days."]);
    expect(problems({ from: "2024-01-01", to: "2024-12-31" })).toBeUndefined(); // a leap year: 366 days
    expect(problems({ from: "2026-11-10", to: "2026-11-10" })).toBeUndefined();
    expect(problems({ from: "10/11/2026" })).toEqual(["Enter the first day as a date."]);
    expect(problems({ to: "2026-02-30" })).toEqual(["Enter the last day as a date."]);
  });
});
