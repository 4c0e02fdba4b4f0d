import { and, asc, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { findEventOrThrow } from "@/lib/events";
import { summarizeOutcomes } from "@/lib/messages";
import { instantToLocal } from "@/lib/recurrence";
import { hasOpenedLinkSql, isEligible } from "@/lib/schedule";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { findInstanceOrThrow } from "./find-instance";

const { attendances, messages, participants, scheduledActions } = schema;

export type TimelineRecipient = { participantId: string; name: string; phone: string };

/**
 * What the occurrence will send to whom and when (in the event's zone), and what became of each message: one row per
 * scheduled action, soonest first. Recipients are judged by today's answers, so they change as people reply.
 */
export async function getOccurrenceTimeline(ctx: OrgContext, instanceId: string) {
  assertCan(ctx, "events.read");
  const db = getDb();
  const instance = await findInstanceOrThrow(db, ctx, instanceId);
  const { timeZone } = await findEventOrThrow(db, ctx, instance.eventId);
  const [actions, people, outbound] = await Promise.all([
    db
      .select()
      .from(scheduledActions)
      .where(and(eq(scheduledActions.organizationId, ctx.org.id), eq(scheduledActions.instanceId, instanceId)))
      .orderBy(asc(scheduledActions.dueAt), asc(scheduledActions.action)),
    db
      .select({
        participantId: participants.id,
        name: participants.name,
        phone: participants.phone,
        optedOutAt: participants.optedOutAt,
        rsvp: attendances.rsvp,
        hasOpenedLink: hasOpenedLinkSql(ctx.org.id, attendances.id),
      })
      .from(attendances)
      .innerJoin(participants, and(eq(participants.id, attendances.participantId), eq(participants.organizationId, ctx.org.id)))
      .where(and(eq(attendances.organizationId, ctx.org.id), eq(attendances.instanceId, instanceId)))
      .orderBy(asc(participants.name)),
    db
      .select({
        id: messages.id,
        scheduledActionId: messages.scheduledActionId,
        participantId: messages.participantId,
        kind: messages.kind,
        status: messages.status,
        errorCode: messages.errorCode,
        createdAt: messages.createdAt,
      })
      .from(messages)
      .where(
        and(
          eq(messages.organizationId, ctx.org.id),
          eq(messages.instanceId, instanceId),
          eq(messages.direction, "outbound"),
        ),
      )
      .orderBy(asc(messages.createdAt)),
  ]);
  const names = new Map(people.map((p) => [p.participantId, p.name]));
  const withName = <T extends { participantId: string | null }>(message: T) => ({
    ...message,
    name: message.participantId ? (names.get(message.participantId) ?? null) : null,
  });
  return actions.map((action) => {
    const ofAction = outbound.filter((message) => message.scheduledActionId === action.id);
    return {
      id: action.id,
      action: action.action,
      dueAt: action.dueAt,
      dueLocal: instantToLocal(action.dueAt, timeZone),
      status: action.status,
      /** Set while the action waits to send some recipients' messages again. */
      retryAt: action.retryAt,
      attempts: action.attempts,
      /** Why it failed, was skipped or waits: a code worded by the reader (actionNoteText), or an old row's sentence. */
      lastErrorCode: action.lastErrorCode,
      lastErrorValues: action.lastErrorValues,
      lastError: action.lastError,
      recipients: people
        .filter((p) => (action.participantId ? p.participantId === action.participantId : isEligible(action.action, p)))
        .map(({ participantId, name, phone }): TimelineRecipient => ({ participantId, name, phone })),
      /** Every message of the action, whatever became of it; `outcomes` counts them per recipient. */
      messages: ofAction.map(withName),
      outcomes: summarizeOutcomes(ofAction),
      // The tracking link's follow-ups (lib/whatsapp/outbound/location-follow-ups.ts): sent by no action, one per person.
      followUps:
        action.action === "tracking_link"
          ? outbound.filter((message) => message.scheduledActionId === null && message.kind === "location_request").map(withName)
          : [],
    };
  });
}
export type TimelineRow = Awaited<ReturnType<typeof getOccurrenceTimeline>>[number];

/** Every scheduled action of one occurrence, soonest first. */
export async function listScheduledActions(ctx: OrgContext, instanceId: string) {
  assertCan(ctx, "events.read");
  const db = getDb();
  await findInstanceOrThrow(db, ctx, instanceId);
  return db
    .select()
    .from(scheduledActions)
    .where(and(eq(scheduledActions.organizationId, ctx.org.id), eq(scheduledActions.instanceId, instanceId)))
    .orderBy(asc(scheduledActions.dueAt), asc(scheduledActions.action));
}
