import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

// No METRICS_TOKEN: the endpoint does not exist, whatever is sent.
delete process.env.METRICS_TOKEN;
connectTestDatabase();
const { GET } = await import("@/app/api/metrics/route");

describe("GET /api/metrics without METRICS_TOKEN", () => {
  it("answers 404 with the JSON error shape, with or without a bearer token", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer anything-at-all-anything-at-all" }, { authorization: "Bearer " }];
    for (const headers of attempts) {
      const response = await GET(new Request("http://test/api/metrics", { headers }), { params: Promise.resolve({}) });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
  });
});
