import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/db/test-helpers";

// env() parses the settings once per process and the login limiters are built on the first sign-in attempt, so the
// budget must be set before anything in this file reads the settings (each test file runs in its own process).
const MAX_ATTEMPTS = 3;
process.env.LOGIN_MAX_ATTEMPTS = String(MAX_ATTEMPTS);
process.env.LOGIN_WINDOW_SECONDS = "120";
connectTestDatabase();
const { env } = await import("@/lib/env");
const { getDb, schema } = await import("@/db");
const { verifyCredentials } = await import("./verify-credentials");

const PASSWORD = "correct horse battery";

// A cheap bcrypt cost keeps the many attempts fast; sign-in reads the cost from the stored hash. accounts.db.test.ts
// covers sign-up's own hashing.
const passwordHash = bcrypt.hashSync(PASSWORD, 4);

async function newAccount(): Promise<string> {
  const email = `throttled-${randomUUID()}@example.test`;
  await getDb().insert(schema.users).values({ name: "Throttled", email, passwordHash });
  return email;
}

describe("sign-in attempts per e-mail", () => {
  it("uses the configured budget", () => {
    expect(env().LOGIN_MAX_ATTEMPTS).toBe(MAX_ATTEMPTS);
  });

  it("after the allowed attempts answers rate_limited, even with the right password, for that address only", async () => {
    const [email, other] = await Promise.all([newAccount(), newAccount()]);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      expect(await verifyCredentials({ email, password: `wrong guess ${i}` }, null)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const blocked = await verifyCredentials({ email: email.toUpperCase(), password: PASSWORD }, null);
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(blocked.ok === false && blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.ok === false && blocked.retryAfterSeconds).toBeLessThanOrEqual(120);

    // Another address has its own budget.
    expect(await verifyCredentials({ email: other, password: PASSWORD }, null)).toMatchObject({ ok: true });
  });
});
