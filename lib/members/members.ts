import { and, asc, eq, ne } from "drizzle-orm";
import { getDb, schema, type Executor } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { AppError, parseInput, problem } from "@/lib/errors";
import { assertCan, type OrgContext, type Role } from "@/lib/tenant";
import { ChangeMemberRoleInput, RemoveMemberInput } from "./schemas";

const { memberships, organizations, users } = schema;

export async function listMembers(ctx: OrgContext) {
  assertCan(ctx, "members.manage");
  return getDb()
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, ctx.org.id))
    .orderBy(asc(users.name));
}

export async function changeMemberRole(ctx: OrgContext, input: ChangeMemberRoleInput) {
  assertCan(ctx, "members.manage");
  const { membershipId, role } = parseInput(ChangeMemberRoleInput, input);
  return getDb().transaction(async (tx) => {
    const target = await lockMembership(tx, ctx, membershipId);
    assertMayManage(ctx, target.role, role);
    if (target.role === role) return target;
    if (target.role === "owner") await assertAnotherOwner(tx, ctx, membershipId, "demote");
    const [updated] = await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, ctx.org.id)))
      .returning();
    await writeAudit(tx, ctx, {
      action: "member.role_changed",
      targetType: "membership",
      targetId: membershipId,
      data: { userId: target.userId, from: target.role, to: role },
    });
    return updated!;
  });
}

export async function removeMember(ctx: OrgContext, input: RemoveMemberInput) {
  assertCan(ctx, "members.manage");
  const { membershipId } = parseInput(RemoveMemberInput, input);
  await getDb().transaction(async (tx) => {
    const target = await lockMembership(tx, ctx, membershipId);
    assertMayManage(ctx, target.role, null);
    if (target.role === "owner") await assertAnotherOwner(tx, ctx, membershipId, "remove");
    await tx.delete(memberships).where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, ctx.org.id)));
    await writeAudit(tx, ctx, {
      action: "member.removed",
      targetType: "membership",
      targetId: membershipId,
      data: { userId: target.userId, role: target.role },
    });
  });
}

/**
 * Membership changes of one organization run one at a time (the organization row is their lock), so two concurrent
 * demotions can never leave it without an owner, and no two transactions wait on each other's member rows.
 */
async function lockMembership(tx: Executor, ctx: OrgContext, membershipId: string) {
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, ctx.org.id)).for("update");
  const [target] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, ctx.org.id)));
  if (!target) throw new AppError("NOT_FOUND", problem("members.notFound"));
  return target;
}

/** Only owners may touch owners or make someone an owner. */
function assertMayManage(ctx: OrgContext, current: Role, next: Role | null): void {
  if ((current === "owner" || next === "owner") && ctx.role !== "owner") {
    throw new AppError("FORBIDDEN", problem("members.ownersOnly"));
  }
}

async function assertAnotherOwner(tx: Executor, ctx: OrgContext, membershipId: string, verb: "demote" | "remove") {
  const others = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(eq(memberships.organizationId, ctx.org.id), eq(memberships.role, "owner"), ne(memberships.id, membershipId)),
    );
  if (others.length === 0) {
    throw new AppError("PRECONDITION_FAILED", problem("members.lastOwner", { change: verb }));
  }
}
