import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { getDb, schema, type Executor } from "@/lib/database";
import { writeAudit, writeUserAudit } from "@/lib/audit";
import { hashToken, newToken } from "@/lib/utils";
import { AppError, parseInput, problem } from "@/lib/errors";
import { maskEmail } from "@/lib/logger";
import { assertCan, type OrgContext, type SignedInUser } from "@/lib/tenant";
import { InviteMemberInput, RevokeInvitationInput } from "./schemas";

const { invitations, memberships, organizations, users } = schema;

export const INVITATION_TTL_DAYS = 7;

/** Creates an invitation and returns the one-time token for the link; only its hash is stored. */
export async function inviteMember(ctx: OrgContext, input: InviteMemberInput) {
  assertCan(ctx, "members.manage");
  const { email, role } = parseInput(InviteMemberInput, input);
  if (role === "owner" && ctx.role !== "owner") {
    throw new AppError("FORBIDDEN", problem("members.inviteOwner"));
  }
  const token = newToken();
  const invitation = await getDb().transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, ctx.org.id), eq(users.email, email)));
    if (existing) throw new AppError("CONFLICT", problem("members.alreadyMember", { email, organization: ctx.org.name }));

    // A new invitation replaces any earlier pending one for the same address.
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.organizationId, ctx.org.id), eq(invitations.email, email), pendingOnly()));
    const [created] = await tx
      .insert(invitations)
      .values({
        organizationId: ctx.org.id,
        email,
        role,
        tokenHash: hashToken(token),
        invitedByUserId: ctx.actor.type === "user" ? ctx.actor.userId : null,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
      })
      .returning();
    await writeAudit(tx, ctx, {
      action: "member.invited",
      targetType: "invitation",
      targetId: created!.id,
      data: { email, role },
    });
    return created!;
  });
  return { invitation, token };
}

export async function listPendingInvitations(ctx: OrgContext) {
  assertCan(ctx, "members.manage");
  return getDb()
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(and(eq(invitations.organizationId, ctx.org.id), pendingOnly(), gt(invitations.expiresAt, new Date())))
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(ctx: OrgContext, input: RevokeInvitationInput) {
  assertCan(ctx, "members.manage");
  const { invitationId } = parseInput(RevokeInvitationInput, input);
  await getDb().transaction(async (tx) => {
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, ctx.org.id), pendingOnly()))
      .returning();
    if (!revoked) throw new AppError("NOT_FOUND", problem("members.invitationNotFound"));
    await writeAudit(tx, ctx, {
      action: "member.invitation_revoked",
      targetType: "invitation",
      targetId: invitationId,
      data: { email: revoked.email },
    });
  });
}

export type InvitationPreview = {
  organizationName: string;
  email: string;
  role: string;
  state: "pending" | "expired" | "accepted" | "revoked";
};

/** Public: the token itself establishes which organization this is about. */
export async function unsafeGetInvitationPreview(token: string): Promise<InvitationPreview | null> {
  const [row] = await getDb()
    .select({ invitation: invitations, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return null;
  const { invitation } = row;
  const state = invitation.acceptedAt
    ? "accepted"
    : invitation.revokedAt
      ? "revoked"
      : invitation.expiresAt <= new Date()
        ? "expired"
        : "pending";
  return { organizationName: row.organizationName, email: invitation.email, role: invitation.role, state };
}

/**
 * Adds the user to the invitation's organization and returns its slug. The invitation must be pending and addressed
 * to the user's own e-mail, so a forwarded link cannot be used by someone else.
 */
export async function acceptInvitationTx(tx: Executor, user: Pick<SignedInUser, "id" | "email">, token: string) {
  const [row] = await tx
    .select({ invitation: invitations, slug: organizations.slug })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), pendingOnly(), gt(invitations.expiresAt, new Date())))
    .for("update", { of: invitations });
  if (!row) throw new AppError("NOT_FOUND", problem("members.invitationInvalid"));
  const { invitation } = row;
  if (invitation.email !== user.email.toLowerCase()) {
    throw new AppError("FORBIDDEN", problem("members.invitationForSomeoneElse", { email: maskEmail(invitation.email) }));
  }
  const joined = await tx
    .insert(memberships)
    .values({ organizationId: invitation.organizationId, userId: user.id, role: invitation.role })
    .onConflictDoNothing({ target: [memberships.organizationId, memberships.userId] })
    .returning({ id: memberships.id });
  await tx
    .update(invitations)
    .set({ acceptedAt: new Date(), acceptedByUserId: user.id })
    .where(eq(invitations.id, invitation.id));
  // Someone who is already a member keeps the role they have; the invitation is used up either way.
  await writeUserAudit(tx, user.id, {
    organizationId: invitation.organizationId,
    action: joined.length > 0 ? "member.joined" : "member.invitation_used_by_member",
    targetType: "invitation",
    targetId: invitation.id,
    data: { role: invitation.role },
  });
  return row.slug;
}

export function acceptInvitation(user: SignedInUser, token: string): Promise<string> {
  return getDb().transaction((tx) => acceptInvitationTx(tx, user, token));
}

function pendingOnly() {
  return and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
}
