import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { writeUserAudit } from "@/lib/audit/write-audit";
import { AppError, parseInput } from "@/lib/errors";
import { acceptInvitationTx } from "@/lib/members/invitations";
import { createOrganizationTx } from "@/lib/organizations/create-organization";
import { hashPassword } from "./password";
import { SignUpInput } from "./schemas";

const { users } = schema;

/**
 * Creates an account and either its first organization (the user becomes owner) or the membership an invitation
 * offers. Returns the slug of the organization to open.
 */
export async function signUp(input: SignUpInput): Promise<{ userId: string; orgSlug: string }> {
  const data = parseInput(SignUpInput, input);
  const passwordHash = await hashPassword(data.password);
  return getDb().transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ name: data.name, email: data.email, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!user) {
      throw new AppError("CONFLICT", "An account with this e-mail already exists. Sign in instead.", {
        fields: { email: ["An account with this e-mail already exists."] },
      });
    }
    await writeUserAudit(tx, user.id, { action: "user.signed_up", targetType: "user", targetId: user.id });
    const orgSlug = data.inviteToken
      ? await acceptInvitationTx(tx, user, data.inviteToken)
      : (await createOrganizationTx(tx, user.id, data.organization!)).slug;
    return { userId: user.id, orgSlug };
  });
}

export async function getUserByEmail(email: string) {
  const [user] = await getDb().select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return user;
}
