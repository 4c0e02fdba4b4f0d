import { index, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz, updatedAt } from "./_columns";
import { eventInstances } from "./events";
import { organizationRef } from "./organizations";
import { participants } from "./participants";

export const scheduledActionKind = pgEnum("scheduled_action_kind", [
  "confirmation",
  "reminder",
  "tracking_link",
  "closure",
]);
export const scheduledActionStatus = pgEnum("scheduled_action_status", [
  "pending",
  "running",
  "done",
  "cancelled",
  "failed",
]);

/** "Do X for occurrence Y (optionally for one participant) at time T": the source of truth for what is sent when. */
export const scheduledActions = pgTable(
  "scheduled_actions",
  {
    id: id(),
    organizationId: organizationRef(),
    instanceId: uuid()
      .notNull()
      .references(() => eventInstances.id, { onDelete: "cascade" }),
    /** NULL: the action covers every eligible participant of the occurrence. */
    participantId: uuid().references(() => participants.id, { onDelete: "cascade" }),
    action: scheduledActionKind().notNull(),
    dueAt: timestamptz().notNull(),
    status: scheduledActionStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    /** Why it failed, was skipped or waits, as a code (lib/schedule/notes.ts) worded when read, with its values. */
    lastErrorCode: text(),
    lastErrorValues: jsonb().$type<Record<string, string | number>>(),
    /** Rows from before the codes (drizzle/0017): the note as an English sentence, shown as it is. */
    lastError: text(),
    claimedAt: timestamptz(),
    /** Pending again because a recipient's message waits for a retry: not claimed before this. */
    retryAt: timestamptz(),
    completedAt: timestamptz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("scheduled_actions_instance_participant_action_key")
      .on(t.instanceId, t.participantId, t.action)
      .nullsNotDistinct(),
    index("scheduled_actions_due_idx").on(t.status, t.dueAt),
    index("scheduled_actions_org_instance_idx").on(t.organizationId, t.instanceId),
  ],
);
