import { describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg } from "@/test/database";

// Through Redis (the bridge), as every server shares it: a low limit so the test reaches it.
process.env.API_RATE_LIMIT_PER_MINUTE = "3";
connectTestDatabase();
const { api, keyFor } = await import("@/test/api");

describe("the API's rate limit per key", () => {
  it("answers 429 with Retry-After past the limit, for that key only", async () => {
    if (!process.env.UPSTASH_REDIS_REST_URL) throw new Error("This suite needs Redis: run it with the Upstash bridge.");
    const { owner } = await createTestOrg("Rate limit");
    const client = api(await keyFor(owner, "viewer"));
    for (let i = 0; i < 3; i++) expect((await client.get("/events")).status).toBe(200);
    const limited = await client.get("/events");
    expect(limited).toMatchObject({ status: 429, body: { error: { code: "RATE_LIMITED" } } });
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await api(await keyFor(owner, "viewer")).get("/events")).status).toBe(200);
  });
});
