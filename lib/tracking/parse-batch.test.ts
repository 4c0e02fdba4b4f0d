import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseBatch } from "./ingest";

const now = new Date("2026-11-24T08:00:00Z");
const link = { validFrom: new Date("2026-11-24T07:30:00Z"), validUntil: new Date("2026-11-24T09:30:00Z") };
const good = { lat: 52.5, lng: 13.4, accuracy: 12, recordedAt: "2026-11-24T07:59:50Z" };

function refusal(body: unknown): AppError {
  try {
    parseBatch(body, link, now);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the batch to be refused");
}

describe("parseBatch", () => {
  it("accepts good points, with and without the optional readings", () => {
    const points = parseBatch(
      { points: [good, { ...good, altitude: 35.5, speed: 1.4, heading: 270, recordedAt: "2026-11-24T09:00:01+01:00" }] },
      link,
      now,
    );
    expect(points).toHaveLength(2);
    expect(points[1]).toMatchObject({ altitude: 35.5, speed: 1.4, heading: 270 });
  });

  it("accepts a phone clock a little ahead of the server's", () => {
    expect(parseBatch({ points: [{ ...good, recordedAt: "2026-11-24T08:01:30Z" }] }, link, now)).toHaveLength(1);
  });

  it.each([
    ["latitude above 90", { ...good, lat: 90.5 }, "points.0.lat"],
    ["latitude below -90", { ...good, lat: -91 }, "points.0.lat"],
    ["longitude beyond 180", { ...good, lng: 180.01 }, "points.0.lng"],
    ["latitude as text", { ...good, lat: "52.5" }, "points.0.lat"],
    ["accuracy 0", { ...good, accuracy: 0 }, "points.0.accuracy"],
    ["negative accuracy", { ...good, accuracy: -5 }, "points.0.accuracy"],
    ["negative speed", { ...good, speed: -1 }, "points.0.speed"],
    ["heading above 360", { ...good, heading: 361 }, "points.0.heading"],
    ["missing recordedAt", { lat: 52.5, lng: 13.4, accuracy: 5 }, "points.0.recordedAt"],
    ["recordedAt not a time", { ...good, recordedAt: "yesterday" }, "points.0.recordedAt"],
    ["recordedAt in the future", { ...good, recordedAt: "2026-11-24T08:10:00Z" }, "points.0.recordedAt"],
    ["recordedAt before the window", { ...good, recordedAt: "2026-11-24T07:29:59Z" }, "points.0.recordedAt"],
  ])("refuses %s with a field error", (_, bad, field) => {
    const error = refusal({ points: [bad] });
    expect(error.code).toBe("VALIDATION");
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields ?? {})).toContain(field);
  });

  it("refuses a recordedAt after the window closed", () => {
    const late = new Date("2026-11-24T09:35:00Z");
    expect(() => parseBatch({ points: [{ ...good, recordedAt: "2026-11-24T09:31:00Z" }] }, link, late)).toThrow(AppError);
  });

  it("one bad point refuses the whole batch and names it", () => {
    const error = refusal({ points: [good, good, { ...good, lng: 999 }] });
    expect(Object.keys(error.fields ?? {})).toEqual(["points.2.lng"]);
  });

  it("refuses an empty batch, a batch over 100 points and a body without points", () => {
    expect(refusal({ points: [] }).fields).toHaveProperty("points");
    expect(refusal({ points: Array.from({ length: 101 }, () => good) }).fields).toHaveProperty("points");
    expect(refusal({ pts: [good] }).fields).toHaveProperty("points");
  });
});
