import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

const OPERATOR_TOKEN = "operator-token-for-the-health-test";
process.env.OPERATOR_TOKEN = OPERATOR_TOKEN;
connectTestDatabase();
const { GET } = await import("@/app/api/health/route");
const operator = { authorization: `Bearer ${OPERATOR_TOKEN}` };

describe("GET /api/health", () => {
  it("answers 200 with the database reachable and migrated, and returns the request id it was given", async () => {
    const response = await GET(new Request("http://test/api/health", { headers: { "x-request-id": "req-42", ...operator } }), {
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

  it("shows anyone without the operator token the status only, nothing about the deployment", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer wrong-token-wrong-token-wrong" }, { authorization: OPERATOR_TOKEN }];
    for (const headers of attempts) {
      const response = await GET(new Request("http://test/api/health", { headers }), { params: Promise.resolve({}) });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "ok" });
    }
  });

  it("generates a request id when none is sent", async () => {
    const response = await GET(new Request("http://test/api/health"), { params: Promise.resolve({}) });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
