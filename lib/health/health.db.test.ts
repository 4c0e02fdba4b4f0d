import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/db/test-helpers";

connectTestDatabase();
const { GET } = await import("@/app/api/health/route");

describe("GET /api/health", () => {
  it("answers 200 with the database reachable and migrated, and returns the request id it was given", async () => {
    const response = await GET(new Request("http://test/api/health", { headers: { "x-request-id": "req-42" } }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req-42");
    const body = await response.json();
    expect(body.mode).toBe("production");
    expect(body.parts.database).toMatchObject({ kind: "postgres", ok: true, migrated: true });
    expect(body.parts.jobs).toEqual({ runner: "local" });
    expect(body.parts.whatsapp).toEqual({ configured: false, transport: "log" });
  });

  it("generates a request id when none is sent", async () => {
    const response = await GET(new Request("http://test/api/health"), { params: Promise.resolve({}) });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
