import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";
import type { Given, LinkedPerson } from "@/test/given";

// The ingest answer's nextReportInMs, through the real route, on both storage paths' shared code (the Redis buffer
// here, as the bridge is configured).
connectTestDatabase();
const { given } = await import("@/test/given");
const { point, postPoints, RADIUS_M } = await import("@/test/tracking");
const { FAR_REPORT_MS, CRUISE_REPORT_MS, NEAR_REPORT_MS } = await import("./cadence");

const post = (token: string, points: unknown[]) => postPoints(token, { points });

describe("POST /api/track/<token>/points suggests when to report next", () => {
  let setup: Given<LinkedPerson>;
  beforeAll(async () => {
    setup = await given.org().occurrence({ open: true }).people(1).links();
  });

  it("slows a far-away walker down, keeps the pace in between, speeds up near the venue, and stops on arrival", async () => {
    const { token } = setup.people[0]!.link;
    const at = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000);

    const far = await post(token, [point(2_500, at(40))]);
    expect(far.status).toBe(200);
    expect(far.body).toMatchObject({ journey: "on_the_way", nextReportInMs: FAR_REPORT_MS });
    // The fields the page has always read are all still there.
    expect(Object.keys(far.body).sort()).toEqual(["accepted", "arrivedAt", "distanceM", "etaAt", "journey", "nextReportInMs"]);

    expect((await post(token, [point(500, at(30))])).body.nextReportInMs).toBe(CRUISE_REPORT_MS);
    expect((await post(token, [point(RADIUS_M + 200, at(20))])).body.nextReportInMs).toBe(NEAR_REPORT_MS);

    const arrived = await post(token, [point(20, at(10), 5), point(5, at(5), 5)]);
    expect(arrived.body).toMatchObject({ journey: "arrived", nextReportInMs: null });
  });
});
