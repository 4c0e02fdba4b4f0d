import { and, count, desc, eq, gte, lt } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "@/lib/database";
import { AppError, parseInput, problem } from "@/lib/errors";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { afterCursor, cursorAt, cursorOrder, PageInput, toPage } from "@/lib/pagination";
import { isUuid } from "@/lib/utils";
import { ListMessagesInput, type MessageStatus } from "./schemas";

const { eventInstances, events, messages, participants } = schema;

/**
 * WhatsApp messages in and out, newest first, with the participant, the occurrence they belong to, the status
 * history and, for a failure (final, or waiting for a retry), the reason in words as the sender recorded it.
 */
export async function listMessages(ctx: OrgContext, input: ListMessagesInput = {}) {
  const rows = await readMessages(ctx, parseInput(ListMessagesInput, input));
  return rows.map(({ cursorAt: _, ...row }) => row);
}

export const PageMessagesInput = ListMessagesInput.extend(PageInput.shape);
export type PageMessagesInput = z.input<typeof PageMessagesInput>;

/**
 * listMessages' rows for machine clients, oldest first, a page at a time: messages written while a client pages
 * through come at the end, so none is missed or repeated.
 */
export async function pageMessages(ctx: OrgContext, input: PageMessagesInput = {}) {
  const parsed = parseInput(PageMessagesInput, input);
  return toPage(await readMessages(ctx, { ...parsed, limit: parsed.limit + 1 }, "oldest"), parsed.limit);
}

type ReadInput = z.output<typeof ListMessagesInput> & { cursor?: string };

async function readMessages(ctx: OrgContext, input: ReadInput, first: "newest" | "oldest" = "newest") {
  assertCan(ctx, "events.read");
  const { instanceId, participantId, status, kind, from, to, limit, cursor } = input;
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
      cursorAt: cursorAt(messages.createdAt),
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
        participantId ? eq(messages.participantId, participantId) : undefined,
        status ? eq(messages.status, status) : undefined,
        kind ? eq(messages.kind, kind) : undefined,
        from ? gte(messages.createdAt, from) : undefined,
        to ? lt(messages.createdAt, to) : undefined,
        afterCursor(messages.createdAt, messages.id, cursor),
      ),
    )
    .orderBy(...(first === "newest" ? [desc(messages.createdAt), desc(messages.id)] : cursorOrder(messages.createdAt, messages.id)))
    .limit(limit);
}

export type MessageRow = Awaited<ReturnType<typeof listMessages>>[number];

/** How many of the occurrence's messages are in each status (the occurrence page shows failures). */
export async function countMessagesByStatus(ctx: OrgContext, instanceId: string): Promise<Partial<Record<MessageStatus, number>>> {
  assertCan(ctx, "events.read");
  if (!isUuid(instanceId)) throw new AppError("NOT_FOUND", problem("occurrences.notFound"));
  const rows = await getDb()
    .select({ status: messages.status, n: count() })
    .from(messages)
    .where(and(eq(messages.organizationId, ctx.org.id), eq(messages.instanceId, instanceId)))
    .groupBy(messages.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
