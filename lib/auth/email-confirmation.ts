import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb, schema, type Executor } from "@/lib/database";
import { writeUserAudit } from "@/lib/audit";
import { appUrl } from "@/lib/http";
import { logger, maskEmail } from "@/lib/logger";
import { DEFAULT_LOCALE, toLocale, type Locale } from "@/lib/i18n";
import { accountExistsMail, emailConfirmationMail, sendMail } from "@/lib/mail";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit";
import { hashToken, newToken } from "@/lib/utils";

const { users, verificationTokens } = schema;
const CONFIRMATION_TTL_MS = 48 * 60 * 60 * 1000;
const PREFIX = "email-confirmation:";

let limiter: RateLimiter | undefined;
// One address gets at most a few mails an hour from sign-up, whoever asks: the form cannot be used to flood a mailbox.
const mailsPerAddress = () => (limiter ??= createRateLimiter({ prefix: "signup-mail", limit: 3, windowSeconds: 3600 }));

/**
 * A new account is confirmed by a link sent to its address before anyone can sign in to it: the address then belongs
 * to whoever signs in, and sign-up answers the same whether or not the address already had an account. The token is
 * written in the caller's transaction; the mail goes out once it committed (mailEmailConfirmation).
 */
export async function createEmailConfirmation(db: Executor, userId: string): Promise<string> {
  const token = newToken();
  await db.delete(verificationTokens).where(eq(verificationTokens.identifier, `${PREFIX}${userId}`));
  await db
    .insert(verificationTokens)
    .values({ identifier: `${PREFIX}${userId}`, token: hashToken(token), expires: new Date(Date.now() + CONFIRMATION_TTL_MS) });
  return token;
}

/** A person's e-mails speak their own language when the account has one, else `fallback` (the request's). */
type Recipient = { email: string; name: string; language?: string | null };

export async function mailEmailConfirmation(user: Recipient, token: string, fallback: Locale = DEFAULT_LOCALE): Promise<void> {
  if (!(await mailsPerAddress().limit(user.email)).success) return;
  const mail = emailConfirmationMail(toLocale(user.language, fallback), { name: user.name, link: `${appUrl()}/confirm-email/${token}` });
  await sendMail({ to: user.email, ...mail });
}

/** Sign-up with an address that already has an account: its owner is told, the person signing up is not. */
export async function warnAccountOwner(user: Recipient, fallback: Locale = DEFAULT_LOCALE): Promise<void> {
  if (!(await mailsPerAddress().limit(user.email)).success) return;
  const mail = accountExistsMail(toLocale(user.language, fallback), {
    name: user.name,
    signInLink: `${appUrl()}/sign-in`,
    resetLink: `${appUrl()}/forgot-password`,
  });
  await sendMail({ to: user.email, ...mail });
}

/** Confirms the address a link was sent to (the link works once) and returns the account, or null. */
export async function confirmEmail(token: string): Promise<{ id: string; email: string; name: string } | null> {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) return null;
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .delete(verificationTokens)
      .where(and(eq(verificationTokens.token, hashToken(token)), gt(verificationTokens.expires, new Date())))
      .returning();
    if (!row?.identifier.startsWith(PREFIX)) return null;
    const userId = row.identifier.slice(PREFIX.length);
    const [user] = await tx
      .update(users)
      .set({ emailVerified: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!user) return null;
    await writeUserAudit(tx, user.id, { action: "user.email_confirmed", targetType: "user", targetId: user.id });
    return user;
  });
}

/** Someone signing in to an account whose address is not confirmed yet gets the link again (within the mail limit). */
export async function resendEmailConfirmation(userId: string, fallback: Locale = DEFAULT_LOCALE): Promise<void> {
  const [user] = await getDb()
    .select({ id: users.id, email: users.email, name: users.name, language: users.language })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.emailVerified)));
  if (!user) return;
  await mailEmailConfirmation(user, await createEmailConfirmation(getDb(), user.id), fallback);
  logger.info({ email: maskEmail(user.email) }, "e-mail confirmation sent again");
}
