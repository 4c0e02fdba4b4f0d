import { eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { writeUserAudit } from "@/lib/audit";
import { AppError, parseInput, problem } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { acceptInvitationTx } from "@/lib/members";
import { createOrganizationTx } from "@/lib/organizations";
import { createEmailConfirmation, mailEmailConfirmation, warnAccountOwner } from "./email-confirmation";
import { hashPassword } from "./password";
import { SignUpInput } from "./schemas";
import { throttleSignUp } from "./throttle";

const { users } = schema;

/** "address_taken" is for the caller's records only: the person signing up must be told the same either way. */
export type SignUpResult = { kind: "created"; userId: string; orgSlug: string } | { kind: "address_taken" };

/**
 * Creates an account and either its first organization (the user becomes owner) or the membership an invitation
 * offers, and mails a link that confirms the address (in the request's language, `source.locale`); nobody can sign in
 * before it is followed. An address that
 * already has an account creates nothing, and its owner is told by e-mail instead of the person signing up.
 */
export async function signUp(
  input: SignUpInput,
  source: { address: string | null; locale?: Locale } = { address: null },
): Promise<SignUpResult> {
  const data = parseInput(SignUpInput, input);
  const throttled = await throttleSignUp(source.address);
  if (throttled) {
    throw new AppError("RATE_LIMITED", problem("auth.tooManySignUps"), throttled);
  }
  // Hashed either way, so both answers take as long.
  const passwordHash = await hashPassword(data.password);
  const result = await getDb().transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ name: data.name, email: data.email, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!user) return { kind: "address_taken" as const };
    await writeUserAudit(tx, user.id, { action: "user.signed_up", targetType: "user", targetId: user.id });
    const orgSlug = data.inviteToken
      ? await acceptInvitationTx(tx, user, data.inviteToken)
      : (await createOrganizationTx(tx, user.id, data.organization!)).slug;
    const token = await createEmailConfirmation(tx, user.id);
    return { kind: "created" as const, user, orgSlug, token };
  });
  if (result.kind === "address_taken") {
    const owner = await getUserByEmail(data.email);
    if (owner) await warnAccountOwner(owner, source.locale);
    return result;
  }
  await mailEmailConfirmation(result.user, result.token, source.locale);
  return { kind: "created", userId: result.user.id, orgSlug: result.orgSlug };
}

export async function getUserByEmail(email: string) {
  const [user] = await getDb().select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return user;
}
