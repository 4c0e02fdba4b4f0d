import { describe, expect, it } from "vitest";
import type { RecurrenceRule } from "@/lib/recurrence/schemas";
import { endRuleOn, previousDay } from "./split-rule";

const weekly: RecurrenceRule = { frequency: "weekly", interval: 1, weekdays: ["MO", "WE"], end: { type: "never" } };

describe("previousDay", () => {
  it("steps back across month, year and leap-day boundaries", () => {
    expect(previousDay("2026-09-07")).toBe("2026-09-06");
    expect(previousDay("2026-03-01")).toBe("2026-02-28");
    expect(previousDay("2028-03-01")).toBe("2028-02-29");
    expect(previousDay("2027-01-01")).toBe("2026-12-31");
  });
});

describe("endRuleOn", () => {
  it("ends an endless rule on the given date", () => {
    expect(endRuleOn(weekly, "2026-10-04").end).toEqual({ type: "until", date: "2026-10-04" });
  });

  it("replaces a COUNT and a later UNTIL, but keeps an earlier UNTIL", () => {
    expect(endRuleOn({ ...weekly, end: { type: "count", count: 10 } }, "2026-10-04").end).toEqual({ type: "until", date: "2026-10-04" });
    expect(endRuleOn({ ...weekly, end: { type: "until", date: "2027-01-01" } }, "2026-10-04").end.type).toBe("until");
    expect(endRuleOn({ ...weekly, end: { type: "until", date: "2026-09-01" } }, "2026-10-04").end).toEqual({ type: "until", date: "2026-09-01" });
  });
});
