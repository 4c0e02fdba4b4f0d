import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, rejection } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { createApiKey, listApiKeys, revokeApiKey } = await import("./index");
const { resolveApiKeyContext } = await import("@/lib/tenant");

describe("API keys", () => {
  it("shows a key once, stores only its hash and prefix, lists it with its creator, and audits create and revoke", async () => {
    const { org, owner } = await createTestOrg("Keys");
    const { key, apiKey } = await createApiKey(owner.ctx, { name: "SIS sync", role: "staff" });
    expect(key).toMatch(/^ec_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: "SIS sync", role: "staff", prefix: key.slice(0, 11), createdByName: owner.user.name });
    const [row] = await getDb().select().from(schema.apiKeys).where(eq(schema.apiKeys.id, apiKey.id));
    expect(JSON.stringify(row)).not.toContain(key.slice(11));
    expect((await listApiKeys(owner.ctx)).map((k) => k.id)).toEqual([apiKey.id]);

    const ctx = await resolveApiKeyContext(key);
    expect(ctx).toMatchObject({ org: { id: org.id }, role: "staff", actor: { type: "api_key", apiKeyId: apiKey.id, userId: owner.user.id } });

    await revokeApiKey(owner.ctx, { apiKeyId: apiKey.id });
    expect(await listApiKeys(owner.ctx)).toEqual([]);
    expect((await rejection(resolveApiKeyContext(key))).code).toBe("UNAUTHORIZED");
    const audit = await getDb()
      .select({ action: schema.auditLogs.action, data: schema.auditLogs.data })
      .from(schema.auditLogs)
      .where(and(eq(schema.auditLogs.organizationId, org.id), eq(schema.auditLogs.targetId, apiKey.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(["api_key.created", "api_key.revoked"]);
    expect(JSON.stringify(audit)).not.toContain(key);
  });

  it("lets only admins manage keys, and never a key stronger than its creator", async () => {
    const { add } = await createTestOrg("Key roles");
    const manager = await add("manager");
    expect((await rejection(createApiKey(manager.ctx, { name: "x", role: "viewer" }))).code).toBe("FORBIDDEN");
    expect((await rejection(listApiKeys(manager.ctx))).code).toBe("FORBIDDEN");
    const admin = await add("admin");
    expect((await rejection(createApiKey(admin.ctx, { name: "x", role: "admin" as never }))).code).toBe("VALIDATION");
    expect((await rejection(createApiKey(admin.ctx, { name: " ", role: "viewer" }))).fields).toHaveProperty("name");
  });

  it("cannot list or revoke another organization's keys (NOT_FOUND, and the key keeps working)", async () => {
    const a = await createTestOrg("Keys A");
    const b = await createTestOrg("Keys B");
    const { key, apiKey } = await createApiKey(a.owner.ctx, { name: "A's", role: "viewer" });
    expect(await listApiKeys(b.owner.ctx)).toEqual([]);
    expect((await rejection(revokeApiKey(b.owner.ctx, { apiKeyId: apiKey.id }))).code).toBe("NOT_FOUND");
    expect((await resolveApiKeyContext(key)).org.id).toBe(a.org.id);
  });
});
