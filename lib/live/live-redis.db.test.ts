import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

// With Redis, accepted points wait in the buffer until a flush; the live view must not wait with them.
if (!process.env.UPSTASH_REDIS_REST_URL) {
  throw new Error("UPSTASH_REDIS_REST_URL must be set: run through `npm test`, which starts the Upstash bridge.");
}
connectTestDatabase();
const { POST } = await import("@/app/api/track/[token]/points/route");
const { getLiveSnapshot } = await import("./snapshot");
const { given } = await import("@/test/given");
const { northOfVenue, point } = await import("@/test/tracking");

async function post(token: string, points: unknown[]) {
  const request = new Request(`http://test/api/track/${token}/points`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ points }) });
  const response = await POST(request, { params: Promise.resolve({ token }) });
  expect(response.status).toBe(200);
}

describe("live snapshot with the Redis buffer", () => {
  it("shows the newest buffered position before any flush reached Postgres", async () => {
    const setup = await given.org().occurrence({ startsInMinutes: 20 }).people(1).links();
    const { link: { token }, attendance } = setup.people[0]!;
    const now = Date.now();
    await post(token, [point(1200, new Date(now - 20_000)), point(1100, new Date(now - 10_000))]);
    // Not flushed: Postgres knows only that the journey started.
    const snapshot = await getLiveSnapshot(setup.owner.ctx, setup.instance.id);
    const view = snapshot.participants.find((p) => p.attendanceId === attendance.id)!;
    expect(view.state).toBe("on_the_way");
    expect(view.position!.lat).toBeCloseTo(northOfVenue(1100).lat, 6);
    expect(view.position!.at).toBe(new Date(now - 10_000).toISOString());
    expect(Math.abs(view.distanceM! - 1100)).toBeLessThan(10);
    expect(view.etaAt).not.toBeNull();
  });
});
