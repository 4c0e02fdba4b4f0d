import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { worded } from "@/test/words";
import { instantToLocal, isValidTimeZone, localToInstant, toDbLocal, toLocalDateTime } from "./expand";
import { LocalDateTime } from "./schemas";

// Run under several host zones (TZ=UTC, America/Sao_Paulo, Europe/Berlin): every expectation is an exact instant.
const utc = (local: string, timeZone: string) => localToInstant(local, timeZone).toISOString();

describe("localToInstant", () => {
  it("places ordinary wall times with the zone's offset", () => {
    expect(utc("2026-09-07T07:30", "Europe/Berlin")).toBe("2026-09-07T05:30:00.000Z");
    expect(utc("2026-01-07T07:30", "Europe/Berlin")).toBe("2026-01-07T06:30:00.000Z");
    expect(utc("2026-09-07T07:30", "America/Sao_Paulo")).toBe("2026-09-07T10:30:00.000Z");
    expect(utc("2026-09-07T07:30", "Asia/Kolkata")).toBe("2026-09-07T02:00:00.000Z");
    expect(utc("2026-09-07T07:30", "UTC")).toBe("2026-09-07T07:30:00.000Z");
  });

  it("shifts a wall time inside a spring-forward gap forward by the gap", () => {
    // 02:30 does not exist on these nights; it becomes 03:30 summer time.
    expect(utc("2026-03-29T02:30", "Europe/Berlin")).toBe("2026-03-29T01:30:00.000Z");
    expect(utc("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(instantToLocal(localToInstant("2026-03-08T02:30", "America/New_York"), "America/New_York")).toBe("2026-03-08T03:30");
    // Lord Howe Island moves its clocks by only 30 minutes: 02:15 → 02:45 (+11:00).
    const lordHowe = localToInstant("2026-10-04T02:15", "Australia/Lord_Howe");
    expect(lordHowe.toISOString()).toBe("2026-10-03T15:45:00.000Z");
    expect(instantToLocal(lordHowe, "Australia/Lord_Howe")).toBe("2026-10-04T02:45");
  });

  it("resolves a wall time that exists twice on a fall-back night to the first instant", () => {
    expect(utc("2026-10-25T02:30", "Europe/Berlin")).toBe("2026-10-25T00:30:00.000Z");
    expect(utc("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
    expect(utc("2026-04-05T01:45", "Australia/Lord_Howe")).toBe("2026-04-04T14:45:00.000Z");
    expect(utc("2026-04-05T02:30", "Australia/Sydney")).toBe("2026-04-04T15:30:00.000Z");
  });

  it("leaves the wall times just around a transition alone", () => {
    expect(utc("2026-03-29T01:59", "Europe/Berlin")).toBe("2026-03-29T00:59:00.000Z");
    expect(utc("2026-03-29T03:00", "Europe/Berlin")).toBe("2026-03-29T01:00:00.000Z");
    expect(utc("2026-10-25T03:00", "Europe/Berlin")).toBe("2026-10-25T02:00:00.000Z");
    expect(utc("2026-10-25T01:59", "Europe/Berlin")).toBe("2026-10-24T23:59:00.000Z");
  });

  it("rejects unknown zones and malformed wall times with VALIDATION", () => {
    expect(() => localToInstant("2026-09-07T07:30", "Mars/Olympus")).toThrow(AppError);
    const refusal = (local: string) => {
      try {
        localToInstant(local, "UTC");
      } catch (error) {
        return worded(error as AppError).message;
      }
    };
    expect(refusal("2026-02-30T07:30")).toMatch(/not a local date-time/);
    expect(refusal("2026-09-07 07:30")).toMatch(/not a local date-time/);
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("instantToLocal", () => {
  it("reads the wall clock in the zone, including both passes of a repeated hour", () => {
    expect(instantToLocal(new Date("2026-11-01T05:30:00Z"), "America/New_York")).toBe("2026-11-01T01:30");
    expect(instantToLocal(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toBe("2026-11-01T01:30");
    expect(instantToLocal(new Date("2026-09-07T05:30:59Z"), "Europe/Berlin")).toBe("2026-09-07T07:30");
    expect(instantToLocal(new Date("2026-12-31T23:30:00Z"), "America/Sao_Paulo")).toBe("2026-12-31T20:30");
    expect(instantToLocal(new Date("2026-12-31T23:30:00Z"), "Asia/Tokyo")).toBe("2027-01-01T08:30");
  });

  it("round-trips every wall time that exists", () => {
    for (const local of ["2026-01-01T00:00", "2026-06-15T12:45", "2026-10-25T01:30", "2026-03-29T03:00"]) {
      expect(instantToLocal(localToInstant(local, "Europe/Berlin"), "Europe/Berlin")).toBe(local);
    }
  });
});

describe("local date-time formats", () => {
  it("converts between the database form and LocalDateTime", () => {
    expect(toLocalDateTime("2026-09-07 07:30:00")).toBe("2026-09-07T07:30");
    expect(toLocalDateTime("2026-09-07T07:30")).toBe("2026-09-07T07:30");
    expect(toDbLocal("2026-09-07T07:30")).toBe("2026-09-07 07:30:00");
    expect(() => toLocalDateTime("07/09/2026 07:30")).toThrow(AppError);
    expect(() => toDbLocal("2026-09-07T25:00")).toThrow(AppError);
  });

  it("accepts only real calendar dates and clock times", () => {
    expect(LocalDateTime.safeParse("2028-02-29T23:59").success).toBe(true);
    for (const bad of ["2026-02-29T07:30", "2026-13-01T07:30", "2026-09-07T24:00", "2026-09-07T07:60", "2026-9-7T7:30"]) {
      expect(LocalDateTime.safeParse(bad).success, bad).toBe(false);
    }
  });
});
