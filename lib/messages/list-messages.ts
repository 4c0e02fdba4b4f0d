import { and, count, desc, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { AppError, parseInput } from "@/lib/errors";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { isUuid } from "@/lib/utils";
import { ListMessagesInput, type MessageStatus } from "./schemas";

const { eventInstances, events, messages, participants } = schema;

/**
 * WhatsApp messages in and out, newest first, with the participant, the occurrence they belong to, the status
 * history and, for a failure (final, or waiting for a retry), the reason in words as the sender recorded it.
 */
export async function listMessages(ctx: OrgContext, input: ListMessagesInput = {}) {
  assertCan(ctx, "events.read");
  const { instanceId, status, limit } = parseInput(ListMessagesInput, input);
  const org = ctx.org.id;
  return getDb()
    .select({
      id: messages.id,
      direction: messages.direction,
      kind: messages.kind,
      type: messages.type,
      status: messages.status,
      statusHistory: messages.statusHistory,
      body: messages.body,
      errorCode: messages.errorCode,
      errorMessage: messages.errorMessage,
      attempts: messages.attempts,
      retryAt: messages.retryAt,
      createdAt: messages.createdAt,
      participantId: messages.participantId,
      participantName: participants.name,
      participantPhone: participants.phone,
      instanceId: messages.instanceId,
      startsAt: eventInstances.startsAt,
      eventTitle: events.title,
      timeZone: events.timeZone,
    })
    .from(messages)
    .leftJoin(participants, and(eq(participants.id, messages.participantId), eq(participants.organizationId, org)))
    .leftJoin(eventInstances, and(eq(eventInstances.id, messages.instanceId), eq(eventInstances.organizationId, org)))
    .leftJoin(events, and(eq(events.id, eventInstances.eventId), eq(events.organizationId, org)))
    .where(
      and(
        eq(messages.organizationId, org),
        instanceId ? eq(messages.instanceId, instanceId) : undefined,
        status ? eq(messages.status, status) : undefined,
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit);
}

export type MessageRow = Awaited<ReturnType<typeof listMessages>>[number];

/** How many of the occurrence's messages are in each status (the occurrence page shows failures). */
export async function countMessagesByStatus(ctx: OrgContext, instanceId: string): Promise<Partial<Record<MessageStatus, number>>> {
  assertCan(ctx, "events.read");
  if (!isUuid(instanceId)) throw new AppError("NOT_FOUND", "Occurrence not found.");
  const rows = await getDb()
    .select({ status: messages.status, n: count() })
    .from(messages)
    .where(and(eq(messages.organizationId, ctx.org.id), eq(messages.instanceId, instanceId)))
    .groupBy(messages.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
