import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys";
import { users } from "./auth";
import { createdAt, id } from "./_columns";
import { organizations } from "./organizations";

export const auditLogs = pgTable(
  "audit_logs",
  {
    id: id(),
    /** NULL only for account-level actions that belong to no organization (e.g. a password reset). */
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The API key a request came with; the key's creator is then `actorUserId`. */
    actorApiKeyId: uuid().references(() => apiKeys.id, { onDelete: "set null" }),
    /** "system" for jobs, "user" for people, "api_key" for the API, "webhook" for providers. */
    actorType: text().notNull().default("user"),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    requestId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_logs_org_created_idx").on(t.organizationId, t.createdAt),
    index("audit_logs_actor_idx").on(t.actorUserId),
  ],
);
