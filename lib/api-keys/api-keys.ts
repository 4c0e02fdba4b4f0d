import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { writeAudit } from "@/lib/audit";
import { getDb, schema } from "@/lib/database";
import { AppError, fieldError, parseInput, problem } from "@/lib/errors";
import { actorUserId, assertCan, hasRole, type OrgContext } from "@/lib/tenant";
import { hashToken } from "@/lib/utils";
import { CreateApiKeyInput, RevokeApiKeyInput } from "./schemas";

const { apiKeys, users } = schema;

/** How many characters of a key are kept and shown, so people can tell keys apart: `ec_` and 8 more. */
const PREFIX_LENGTH = 11;

export type ApiKeyView = {
  id: string;
  name: string;
  role: (typeof apiKeys.$inferSelect)["role"];
  prefix: string;
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
};

/**
 * Makes a key (32 random bytes) for the organization. Only its SHA-256 is stored: the key itself is returned here,
 * once. Its role is capped by the creator's, and at use time by the creator's role then (resolveApiKeyContext).
 */
export async function createApiKey(ctx: OrgContext, input: CreateApiKeyInput): Promise<{ key: string; apiKey: ApiKeyView }> {
  assertCan(ctx, "apiKeys.manage");
  const { name, role } = parseInput(CreateApiKeyInput, input);
  const userId = actorUserId(ctx);
  if (!userId) throw new AppError("FORBIDDEN", problem("apiKeys.memberOnly"));
  if (!hasRole(ctx.role, role)) {
    throw fieldError("VALIDATION", "role", problem("apiKeys.roleTooStrong"));
  }
  const key = `ec_${randomBytes(32).toString("base64url")}`;
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ organizationId: ctx.org.id, name, role, prefix: key.slice(0, PREFIX_LENGTH), keyHash: hashToken(key), createdByUserId: userId })
      .returning();
    await writeAudit(tx, ctx, {
      action: "api_key.created",
      targetType: "api_key",
      targetId: row!.id,
      data: { name, role, prefix: row!.prefix },
    });
    const [creator] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
    return { key, apiKey: { ...view(row!), createdByName: creator?.name ?? null } };
  });
}

/** The organization's working keys, newest first (revoked ones are in the activity log). */
export async function listApiKeys(ctx: OrgContext): Promise<ApiKeyView[]> {
  assertCan(ctx, "apiKeys.manage");
  const rows = await getDb()
    .select({ key: apiKeys, createdByName: users.name })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(and(eq(apiKeys.organizationId, ctx.org.id), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map((row) => ({ ...view(row.key), createdByName: row.createdByName }));
}

/** Revokes a key for good: its next request gets 401. Revoking one already revoked (or another organization's) is NOT_FOUND. */
export async function revokeApiKey(ctx: OrgContext, input: RevokeApiKeyInput): Promise<{ id: string }> {
  assertCan(ctx, "apiKeys.manage");
  const { apiKeyId } = parseInput(RevokeApiKeyInput, input);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, apiKeyId), eq(apiKeys.organizationId, ctx.org.id), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) throw new AppError("NOT_FOUND", problem("apiKeys.notFound"));
    await writeAudit(tx, ctx, {
      action: "api_key.revoked",
      targetType: "api_key",
      targetId: row.id,
      data: { name: row.name, role: row.role, prefix: row.prefix },
    });
    return { id: row.id };
  });
}

function view(row: typeof apiKeys.$inferSelect): Omit<ApiKeyView, "createdByName"> {
  return { id: row.id, name: row.name, role: row.role, prefix: row.prefix, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt };
}
