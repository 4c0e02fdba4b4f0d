import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { AppError } from "@/lib/errors";
import { hashToken } from "@/lib/utils";
import type { OrgContext } from "./context";
import { hasRole, type Role } from "./roles";

const { apiKeys, memberships, organizations, users } = schema;

/** A key as issued: `ec_` and 43 base64url characters (32 random bytes). */
const KEY_PATTERN = /^ec_[A-Za-z0-9_-]{43}$/;
const LAST_USED_EVERY_MS = 60_000;

const unauthorized = () => new AppError("UNAUTHORIZED", "Send a valid API key as `Authorization: Bearer <key>`.");

/** The weaker of two roles. */
function weaker(a: Role, b: Role): Role {
  return hasRole(a, b) ? b : a;
}

/**
 * The organization context of an API key, built like a member's (resolveOrgContext): the key's organization, and a
 * role that is the lower of the key's and its creator's current one, so a key never outranks the person who made it.
 * Unknown and revoked keys, and keys whose creator has left the organization, are all the same 401.
 */
export async function resolveApiKeyContext(key: string, requestId?: string): Promise<OrgContext> {
  if (!KEY_PATTERN.test(key)) throw unauthorized();
  const db = getDb();
  const [row] = await db
    .select({ key: apiKeys, org: organizations, memberRole: memberships.role, user: users })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.organizationId))
    .innerJoin(users, eq(users.id, apiKeys.createdByUserId))
    .leftJoin(memberships, and(eq(memberships.organizationId, apiKeys.organizationId), eq(memberships.userId, users.id)))
    .where(and(eq(apiKeys.keyHash, hashToken(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  const creatorRole: Role | null = row?.user.isSuperadmin ? "owner" : (row?.memberRole ?? null);
  if (!row || !creatorRole) throw unauthorized();
  if (!row.key.lastUsedAt || Date.now() - row.key.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    // At most one write a minute per key: the condition keeps concurrent requests from all writing.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiKeys.id, row.key.id),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
        ),
      );
  }
  return {
    org: row.org,
    role: weaker(row.key.role, creatorRole),
    actor: { type: "api_key", apiKeyId: row.key.id, userId: row.user.id, email: row.user.email, isSuperadmin: false },
    requestId,
  } as OrgContext;
}
