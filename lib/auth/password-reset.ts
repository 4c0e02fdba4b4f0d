import { and, eq, gt, like, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { writeUserAudit } from "@/lib/audit";
import { AppError, parseInput, problem } from "@/lib/errors";
import { appUrl } from "@/lib/http";
import { logger, maskEmail } from "@/lib/logger";
import { DEFAULT_LOCALE, toLocale, type Locale } from "@/lib/i18n";
import { passwordResetMail, sendMail } from "@/lib/mail";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit";
import { hashPassword } from "./password";
import { endAllSessions } from "./sessions";
import { RequestPasswordResetInput, ResetPasswordInput } from "./schemas";
import { getUserByEmail } from "./sign-up";
import { hashToken, newToken } from "@/lib/utils";

const { users, verificationTokens } = schema;
const RESET_TTL_MS = 60 * 60 * 1000;
const identifierFor = (userId: string) => `password-reset:${userId}`;

let limiter: RateLimiter | undefined;

/**
 * E-mails a one-hour reset link when the address has an account, in the account's language, else the language of
 * the request (`requestLocale`). Answers the same either way, so the form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(input: unknown, requestLocale: Locale = DEFAULT_LOCALE): Promise<void> {
  const { email } = parseInput(RequestPasswordResetInput, input);
  limiter ??= createRateLimiter({ prefix: "password-reset", limit: 5, windowSeconds: 3600 });
  if (!(await limiter.limit(email)).success) {
    logger.warn({ email: maskEmail(email) }, "password reset requests rate limited");
    return;
  }
  const user = await getUserByEmail(email);
  if (!user) return;

  const token = newToken();
  await getDb().transaction(async (tx) => {
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, identifierFor(user.id)));
    await tx.insert(verificationTokens).values({
      identifier: identifierFor(user.id),
      token: hashToken(token),
      expires: new Date(Date.now() + RESET_TTL_MS),
    });
    await writeUserAudit(tx, user.id, { action: "user.password_reset_requested", targetType: "user", targetId: user.id });
  });
  const mail = passwordResetMail(toLocale(user.language, requestLocale), { name: user.name, link: `${appUrl()}/reset-password/${token}` });
  await sendMail({ to: user.email, ...mail });
}

/** Sets a new password from a valid reset token; the token works once. */
export async function resetPassword(input: ResetPasswordInput): Promise<{ email: string }> {
  const { token, password } = parseInput(ResetPasswordInput, input);
  const passwordHash = await hashPassword(password);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .delete(verificationTokens)
      .where(
        and(
          eq(verificationTokens.token, hashToken(token)),
          like(verificationTokens.identifier, "password-reset:%"),
          gt(verificationTokens.expires, new Date()),
        ),
      )
      .returning();
    if (!row) throw new AppError("NOT_FOUND", problem("auth.resetLinkExpired"));
    const userId = row.identifier.slice("password-reset:".length);
    // The reset link reached the mailbox, which confirms the address too.
    const [user] = await tx
      .update(users)
      .set({ passwordHash, emailVerified: sql`coalesce(${users.emailVerified}, now())` })
      .where(eq(users.id, userId))
      .returning();
    if (!user) throw new AppError("NOT_FOUND", problem("auth.accountGone"));
    // Every browser still signed in with the old password is signed out on the server.
    await endAllSessions(tx, user.id);
    await writeUserAudit(tx, user.id, { action: "user.password_reset", targetType: "user", targetId: user.id });
    return { email: user.email };
  });
}
