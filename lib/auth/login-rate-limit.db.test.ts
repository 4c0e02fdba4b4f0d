import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

// env() parses the settings once per process and the login limiters are built on the first sign-in attempt, so the
// budget must be set before anything in this file reads the settings (each test file runs in its own process).
const MAX_ATTEMPTS = 3;
process.env.LOGIN_MAX_ATTEMPTS = String(MAX_ATTEMPTS);
process.env.LOGIN_WINDOW_SECONDS = "120";
process.env.SIGNUPS_PER_ADDRESS_PER_HOUR = "2";
connectTestDatabase();
const { env } = await import("@/lib/env");
const { getDb, schema } = await import("@/lib/database");
const { verifyCredentials } = await import("./verify-credentials");
const { mintDeviceCookie, trustedDeviceId } = await import("./device-cookie");
const { signUp } = await import("./sign-up");
const { rejection } = await import("@/test/database");

const PASSWORD = "correct horse battery";

// A cheap bcrypt cost keeps the many attempts fast; sign-in reads the cost from the stored hash. accounts.db.test.ts
// covers sign-up's own hashing.
const passwordHash = bcrypt.hashSync(PASSWORD, 4);

async function newAccount(): Promise<string> {
  const email = `throttled-${randomUUID()}@example.test`;
  await getDb().insert(schema.users).values({ name: "Throttled", email, passwordHash, emailVerified: new Date() });
  return email;
}

describe("sign-in attempts per e-mail", () => {
  it("uses the configured budget", () => {
    expect(env().LOGIN_MAX_ATTEMPTS).toBe(MAX_ATTEMPTS);
  });

  it("after the allowed attempts answers rate_limited, even with the right password, for that address only", async () => {
    const [email, other] = await Promise.all([newAccount(), newAccount()]);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      expect(await verifyCredentials({ email, password: `wrong guess ${i}` })).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const blocked = await verifyCredentials({ email: email.toUpperCase(), password: PASSWORD });
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(blocked.ok === false && blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.ok === false && blocked.retryAfterSeconds).toBeLessThanOrEqual(120);

    // Another address has its own budget.
    expect(await verifyCredentials({ email: other, password: PASSWORD })).toMatchObject({ ok: true });
  });
});

describe("a stranger guessing cannot lock the owner out (device cookies)", () => {
  const untrusted = { address: null, deviceId: null };
  const cookieHeaderFor = (email: string) => {
    const cookie = mintDeviceCookie(email);
    return `theme=dark; ${cookie.name}=${cookie.value}`;
  };

  it("the owner's browser, trusted after an earlier sign-in, still signs in while strangers are locked out", async () => {
    const email = await newAccount();
    const owner = { address: null, deviceId: trustedDeviceId(cookieHeaderFor(email), email) };
    expect(owner.deviceId).toBeTruthy();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      expect(await verifyCredentials({ email, password: `stranger guess ${i}` }, untrusted)).toMatchObject({ reason: "invalid" });
    }
    expect(await verifyCredentials({ email, password: PASSWORD }, untrusted)).toMatchObject({ reason: "rate_limited" });
    expect(await verifyCredentials({ email, password: PASSWORD }, owner)).toMatchObject({ ok: true });
  });

  it("a trusted browser has a budget of its own: guessing from it is throttled too", async () => {
    const email = await newAccount();
    const device = { address: null, deviceId: trustedDeviceId(cookieHeaderFor(email), email) };
    for (let i = 0; i < MAX_ATTEMPTS; i++) await verifyCredentials({ email, password: `guess ${i}` }, device);
    expect(await verifyCredentials({ email, password: PASSWORD }, device)).toMatchObject({ reason: "rate_limited" });
    expect(await verifyCredentials({ email, password: PASSWORD }, untrusted)).toMatchObject({ ok: true });
  });

  it("a forged, altered or other account's device cookie is not trusted", async () => {
    const [email, other] = await Promise.all([newAccount(), newAccount()]);
    const genuine = mintDeviceCookie(email);
    const [deviceId] = genuine.value.split(".");
    expect(trustedDeviceId(`${genuine.name}=${deviceId}.forged-mac`, email)).toBeNull();
    expect(trustedDeviceId(`${genuine.name}=other-id.${genuine.value.split(".")[1]}`, email)).toBeNull();
    expect(trustedDeviceId(cookieHeaderFor(other), email)).toBeNull();
    expect(trustedDeviceId(null, email)).toBeNull();
  });
});

describe("sign-in attempts per client address", () => {
  it("stops an address that tries many accounts, and counts an IPv6 client by its /64", async () => {
    const budget = MAX_ATTEMPTS * 5;
    // A /64 of its own per run: the limiter's counts outlive the test process.
    const net = `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;
    for (let i = 0; i < budget; i++) {
      const address = `${net}::${(i + 1).toString(16)}`;
      const email = `nobody-${randomUUID()}@example.test`;
      expect(await verifyCredentials({ email, password: "guess" }, { address, deviceId: null })).toMatchObject({ reason: "invalid" });
    }
    const email = await newAccount();
    expect(await verifyCredentials({ email, password: PASSWORD }, { address: `${net}::ffff`, deviceId: null })).toMatchObject({
      reason: "rate_limited",
    });
    expect(await verifyCredentials({ email, password: PASSWORD }, { address: `${net.replace("2001:db8", "2001:db9")}::1`, deviceId: null })).toMatchObject({
      ok: true,
    });
  });
});

describe("accounts created per client address", () => {
  it("stops an address after the hour's budget, creating nothing more, while another address signs up", async () => {
    const address = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const draft = () => ({
      name: "Signer",
      email: `signer-${randomUUID()}@example.test`,
      password: "a long enough password",
      organization: { name: `Signer org ${randomUUID().slice(0, 8)}`, type: "school" as const, timeZone: "Europe/Berlin" },
    });
    expect((await signUp(draft(), { address })).kind).toBe("created");
    expect((await signUp(draft(), { address })).kind).toBe("created");
    const third = draft();
    const refused = await rejection(signUp(third, { address }));
    expect(refused.code).toBe("RATE_LIMITED");
    expect(await getDb().select().from(schema.users).where(eq(schema.users.email, third.email))).toEqual([]);
    expect((await signUp(draft(), { address: address.replace("198.18.", "198.19.") })).kind).toBe("created");
  });
});
