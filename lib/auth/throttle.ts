import type { Locale } from "@/lib/i18n";
import { env } from "@/lib/env";
import { addressBucket } from "@/lib/http";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit";

export type SignInSource = {
  /** The client's address (lib/http/client-address), null when unknown. */
  address: string | null;
  /** A genuine device cookie of this account (lib/auth/device-cookie), null for an untrusted browser. */
  deviceId: string | null;
  /** The browser's language (Accept-Language), for a mail the attempt causes; null when it names none of ours. */
  locale?: Locale | null;
};

let limiters: { byAccount: RateLimiter; byDevice: RateLimiter; byAddress: RateLimiter; signUps: RateLimiter } | undefined;

function getLimiters() {
  const { LOGIN_MAX_ATTEMPTS: limit, LOGIN_WINDOW_SECONDS: windowSeconds } = env();
  limiters ??= {
    // Untrusted browsers share one budget per account; each trusted browser has its own.
    byAccount: createRateLimiter({ prefix: "login-email", limit, windowSeconds }),
    byDevice: createRateLimiter({ prefix: "login-device", limit, windowSeconds }),
    // One address may serve a whole school's NAT, so the per-address budget is wider.
    byAddress: createRateLimiter({ prefix: "login-ip", limit: limit * 5, windowSeconds }),
    // A staff room signing up together shares an address; a script creating accounts by the hundred does not get far.
    signUps: createRateLimiter({ prefix: "signup-ip", limit: env().SIGNUPS_PER_ADDRESS_PER_HOUR, windowSeconds: 3600 }),
  };
  return limiters;
}

/** Counts a sign-in attempt; null when it may go ahead, otherwise how long to wait. */
export async function throttleSignIn(email: string, source: SignInSource): Promise<{ retryAfterSeconds: number } | null> {
  const { byAccount, byDevice, byAddress } = getLimiters();
  const checks = await Promise.all([
    source.deviceId ? byDevice.limit(`${email}:${source.deviceId}`) : byAccount.limit(email),
    source.address ? byAddress.limit(addressBucket(source.address)) : null,
  ]);
  const blocked = checks.find((check) => check && !check.success);
  return blocked ? { retryAfterSeconds: blocked.retryAfterSeconds } : null;
}

/** Counts an account creation from this client address; null when it may go ahead, otherwise how long to wait. */
export async function throttleSignUp(address: string | null): Promise<{ retryAfterSeconds: number } | null> {
  if (!address) return null;
  const check = await getLimiters().signUps.limit(addressBucket(address));
  return check.success ? null : { retryAfterSeconds: check.retryAfterSeconds };
}
