import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id, timestamptz } from "./_columns";
import { memberRole } from "./memberships";
import { organizationRef } from "./organizations";

export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    organizationId: organizationRef(),
    name: text().notNull(),
    /** First characters of the key, shown so people can tell keys apart. */
    prefix: text().notNull(),
    keyHash: text().notNull(),
    role: memberRole().notNull().default("viewer"),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamptz(),
    revokedAt: timestamptz(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_keys_key_hash_key").on(t.keyHash), index("api_keys_org_idx").on(t.organizationId)],
);

/**
 * One row per `Idempotency-Key` a key sent with a POST: the first request's body hash and, once it finished, its
 * answer, replayed to a retry with the same body. Rows older than a day are purged.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: id(),
    organizationId: organizationRef(),
    apiKeyId: uuid()
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    key: text().notNull(),
    /** Method, path and a SHA-256 of the body: another body under the same key is a conflict. */
    requestHash: text().notNull(),
    /** NULL while the first request is still running. */
    responseStatus: integer(),
    responseBody: jsonb().$type<unknown>(),
    createdAt: createdAt(),
    completedAt: timestamptz(),
  },
  (t) => [
    uniqueIndex("idempotency_keys_api_key_key").on(t.apiKeyId, t.key),
    index("idempotency_keys_created_idx").on(t.createdAt),
    index("idempotency_keys_org_idx").on(t.organizationId),
  ],
);
