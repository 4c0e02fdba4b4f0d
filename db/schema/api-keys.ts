import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
