import { and, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { AppError, problem } from "@/lib/errors";
import { can, type Capability, type Role } from "./roles";

const { memberships, organizations } = schema;

export type Organization = typeof organizations.$inferSelect;

export type Actor =
  | { type: "user"; userId: string; email: string; isSuperadmin: boolean }
  | { type: "system"; job: string }
  /** A request to /api/v1 with an API key: the key's creator is the person it acts for. */
  | { type: "api_key"; apiKeyId: string; userId: string; email: string; isSuperadmin: false };

declare const contextBrand: unique symbol;

/**
 * Who acts, in which organization, with which role. Only `resolveOrgContext` (membership checked) and
 * `systemContext` (jobs) create one, so a domain function that receives it never sees a raw organization id
 * from a request.
 */
export type OrgContext = Readonly<{
  org: Organization;
  role: Role;
  actor: Actor;
  requestId?: string;
  [contextBrand]: true;
}>;

export type SignedInUser = { id: string; email: string; name: string; isSuperadmin: boolean };

export async function resolveOrgContext(
  user: SignedInUser,
  orgSlug: string,
  requestId?: string,
): Promise<OrgContext> {
  const db = getDb();
  const [row] = await db
    .select({ org: organizations, role: memberships.role })
    .from(organizations)
    .leftJoin(memberships, and(eq(memberships.organizationId, organizations.id), eq(memberships.userId, user.id)))
    .where(eq(organizations.slug, orgSlug))
    .limit(1);

  // A superadmin acts as an owner anywhere; everyone else needs a membership. Missing and foreign look the same.
  const role: Role | null = row && user.isSuperadmin ? "owner" : (row?.role ?? null);
  if (!row || !role) throw new AppError("NOT_FOUND", problem("organizations.notFound"));
  const actor: Actor = { type: "user", userId: user.id, email: user.email, isSuperadmin: user.isSuperadmin };
  return { org: row.org, role, actor, requestId } as OrgContext;
}

/** For background jobs that established the tenant from their own payload. Acts with owner rights. */
export function systemContext(org: Organization, job: string): OrgContext {
  return { org, role: "owner", actor: { type: "system", job } } as OrgContext;
}

export function assertCan(ctx: OrgContext, capability: Capability): void {
  if (!can(ctx.role, capability)) {
    throw new AppError("FORBIDDEN", problem("access.forbidden"));
  }
}

export function actorUserId(ctx: OrgContext): string | null {
  return ctx.actor.type === "user" || ctx.actor.type === "api_key" ? ctx.actor.userId : null;
}

export function actorApiKeyId(ctx: OrgContext): string | null {
  return ctx.actor.type === "api_key" ? ctx.actor.apiKeyId : null;
}
