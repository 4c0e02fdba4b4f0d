import { resendEmailConfirmation } from "./email-confirmation";
import { burnPasswordCheck, verifyPassword } from "./password";
import { SignInInput } from "./schemas";
import { throttleSignIn, type SignInSource } from "./throttle";
import { getUserByEmail } from "./sign-up";

export type CredentialsResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  /** "unconfirmed": the right password for an account whose address is not confirmed yet (the link is sent again). */
  | { ok: false; reason: "invalid" | "rate_limited" | "unconfirmed"; retryAfterSeconds?: number };

const UNKNOWN_SOURCE: SignInSource = { address: null, deviceId: null };

/** Checks an e-mail and password, counting every attempt against the account (or trusted browser) and the address. */
export async function verifyCredentials(input: unknown, source: SignInSource = UNKNOWN_SOURCE): Promise<CredentialsResult> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const throttled = await throttleSignIn(email, source);
  if (throttled) return { ok: false, reason: "rate_limited", retryAfterSeconds: throttled.retryAfterSeconds };

  const user = await getUserByEmail(email);
  if (!user?.passwordHash) {
    await burnPasswordCheck(password);
    return { ok: false, reason: "invalid" };
  }
  if (!(await verifyPassword(password, user.passwordHash))) return { ok: false, reason: "invalid" };
  if (!user.emailVerified) {
    await resendEmailConfirmation(user.id, source.locale ?? undefined);
    return { ok: false, reason: "unconfirmed" };
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
