import { env } from "@/lib/env";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit";
import { burnPasswordCheck, verifyPassword } from "./password";
import { SignInInput } from "./schemas";
import { getUserByEmail } from "./sign-up";

export type CredentialsResult =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "rate_limited"; retryAfterSeconds?: number };

let limiters: { byEmail: RateLimiter; byIp: RateLimiter } | undefined;

function getLimiters() {
  const { LOGIN_MAX_ATTEMPTS: limit, LOGIN_WINDOW_SECONDS: windowSeconds } = env();
  limiters ??= {
    byEmail: createRateLimiter({ prefix: "login-email", limit, windowSeconds }),
    // One address may serve a whole school's NAT, so the per-IP budget is wider.
    byIp: createRateLimiter({ prefix: "login-ip", limit: limit * 5, windowSeconds }),
  };
  return limiters;
}

/** Checks an e-mail and password, counting every attempt against the address and the client IP. */
export async function verifyCredentials(input: unknown, ip: string | null): Promise<CredentialsResult> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const { byEmail, byIp } = getLimiters();
  const checks = await Promise.all([byEmail.limit(email), ip ? byIp.limit(ip) : null]);
  const blocked = checks.find((check) => check && !check.success);
  if (blocked) return { ok: false, reason: "rate_limited", retryAfterSeconds: blocked.retryAfterSeconds };

  const user = await getUserByEmail(email);
  if (!user?.passwordHash) {
    await burnPasswordCheck(password);
    return { ok: false, reason: "invalid" };
  }
  if (!(await verifyPassword(password, user.passwordHash))) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
