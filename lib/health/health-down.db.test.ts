import { describe, expect, it } from "vitest";

// A database nobody listens on: the app must say so with a 503, not hang or crash.
process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:9/unreachable";
process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-123";
process.env.JOB_RUNNER = "local";
process.env.APP_URL = "http://app.test";
process.env.MAIL_TRANSPORT = "log";
process.env.LOG_LEVEL = "silent";
process.env.OPERATOR_TOKEN = "operator-token-for-the-health-test";
const { GET } = await import("@/app/api/health/route");

describe("GET /api/health with the database down", () => {
  it("answers 503 with status down and the database part not ok", async () => {
    const headers = { authorization: `Bearer ${process.env.OPERATOR_TOKEN}` };
    const response = await GET(new Request("http://test/api/health", { headers }), { params: Promise.resolve({}) });
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.status).toBe("down");
    expect(body.parts.database.ok).toBe(false);
    expect(body.parts.database.error).toBeTruthy();
    expect(JSON.stringify(body)).not.toContain("127.0.0.1:9");
  });

  it("tells anyone else the status only, still with 503", async () => {
    const response = await GET(new Request("http://test/api/health"), { params: Promise.resolve({}) });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "down" });
  });
});
