import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { AppError } from "@/lib/errors";
import { actorApiKeyId, type OrgContext } from "@/lib/tenant";

const { idempotencyKeys } = schema;

export type IdempotencyClaim = { kind: "claimed"; id: string } | { kind: "replay"; status: number; body: unknown };

/** A first request that never finished (its process died) is taken over by a retry after this long. */
const ABANDONED_AFTER = sql`interval '5 minutes'`;

/**
 * Claims `key` for this request, or answers what the first request with it answered. The claim is one
 * INSERT … ON CONFLICT DO NOTHING, so of two concurrent requests exactly one runs; the other gets a 409, as does the
 * same key with another request (method, path or body).
 */
export async function claimIdempotencyKey(ctx: OrgContext, key: string, requestHash: string): Promise<IdempotencyClaim> {
  const apiKeyId = actorApiKeyId(ctx);
  if (!apiKeyId) throw new Error("Idempotency keys belong to API keys.");
  const db = getDb();
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({ organizationId: ctx.org.id, apiKeyId, key, requestHash })
    .onConflictDoNothing({ target: [idempotencyKeys.apiKeyId, idempotencyKeys.key] })
    .returning({ id: idempotencyKeys.id });
  if (claimed) return { kind: "claimed", id: claimed.id };
  const [first] = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(eq(idempotencyKeys.organizationId, ctx.org.id), eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key)),
    );
  if (!first) throw new AppError("CONFLICT", "A request with this Idempotency-Key is still running. Retry in a moment.");
  if (first.requestHash !== requestHash) {
    throw new AppError("CONFLICT", "This Idempotency-Key was already used for a different request.", { reason: "idempotency_key_reused" });
  }
  if (first.responseStatus !== null) return { kind: "replay", status: first.responseStatus, body: first.responseBody };
  const [takenOver] = await db
    .update(idempotencyKeys)
    .set({ createdAt: sql`now()` })
    .where(
      and(
        eq(idempotencyKeys.id, first.id),
        isNull(idempotencyKeys.completedAt),
        lt(idempotencyKeys.createdAt, sql`now() - ${ABANDONED_AFTER}`),
      ),
    )
    .returning({ id: idempotencyKeys.id });
  if (takenOver) return { kind: "claimed", id: takenOver.id };
  throw new AppError("CONFLICT", "A request with this Idempotency-Key is still running. Retry in a moment.", {
    reason: "idempotency_key_in_use",
  });
}

/** Keeps the answer, replayed to every retry with the same key and body for a day. */
export async function completeIdempotencyKey(ctx: OrgContext, id: string, status: number, body: unknown): Promise<void> {
  await getDb()
    .update(idempotencyKeys)
    .set({ responseStatus: status, responseBody: body, completedAt: sql`now()` })
    .where(and(eq(idempotencyKeys.id, id), eq(idempotencyKeys.organizationId, ctx.org.id)));
}

/** Frees the key after a failure on our side, so a retry runs again instead of replaying a 500. */
export async function releaseIdempotencyKey(ctx: OrgContext, id: string): Promise<void> {
  await getDb()
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.id, id), eq(idempotencyKeys.organizationId, ctx.org.id)));
}

/** Daily, across organizations: keys older than 24 hours go (a retry after a day is a new request). */
export async function purgeIdempotencyKeys(now: Date): Promise<{ deleted: number }> {
  const cutoff = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const deleted = await getDb()
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, cutoff))
    .returning({ id: idempotencyKeys.id });
  return { deleted: deleted.length };
}
