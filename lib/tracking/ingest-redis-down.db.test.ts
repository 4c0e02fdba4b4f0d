import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

// Redis configured but down at request time (nobody listens on port 9): the participant's points must still be
// accepted, straight into Postgres, and stored once however often they are resent.
process.env.UPSTASH_REDIS_REST_URL = "http://127.0.0.1:9";
process.env.UPSTASH_REDIS_REST_TOKEN = "unreachable";
connectTestDatabase();
const { POST } = await import("@/app/api/track/[token]/points/route");
const { given } = await import("@/test/given");
const { point, storedPoints, attendanceRow } = await import("@/test/tracking");

async function post(token: string, body: unknown) {
  const request = new Request(`http://test/api/track/${token}/points`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const response = await POST(request, { params: Promise.resolve({ token }) });
  return { status: response.status, body: await response.json() };
}

describe("POST /api/track/<token>/points with Redis down", () => {
  it("falls back to Postgres: accepted points are stored at once, and a resend is stored once", async () => {
    const t = await given.org().occurrence({ open: true }).people(1).links();
    const { link: { token }, attendance } = t.people[0]!;
    const now = Date.now();
    const body = { points: [point(900, new Date(now - 10_000)), point(880, new Date(now - 5_000))] };
    const res = await post(token, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 2, journey: "on_the_way" });
    expect(await storedPoints(attendance.id)).toBe(2);
    expect((await post(token, body)).status).toBe(200);
    expect(await storedPoints(attendance.id)).toBe(2);
    expect((await attendanceRow(t.org.id, attendance.id)).journey).toBe("on_the_way");
  });
});
