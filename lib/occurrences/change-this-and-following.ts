import { and, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { toEventColumns, findEventOrThrow, type EventRow, insertEvent } from "@/lib/events";
import { saveEventEdit } from "./save-event-edit";
import { AppError, fieldError, parseInput, problem } from "@/lib/errors";
import { expandOccurrences, instantToLocal, toLocalDateTime, ruleToRRule, rruleToRule } from "@/lib/recurrence";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { lockInstanceWithEvent } from "./find-instance";
import { materializeEvent } from "./materialize";
import { ChangeThisAndFollowingInput } from "./schemas";
import { endRuleOn, previousDay } from "./split-rule";
import { deleteUntouchedFutureOccurrences } from "./untouched";

const { eventParticipants, events } = schema;

/**
 * "This and following": the series ends the day before the chosen occurrence, and a new event with the new settings
 * and the same roster starts from it. Old occurrences from that point on that nothing has happened to are deleted;
 * touched ones stay with the old event. When the chosen occurrence is the series' first, the whole event is edited
 * instead and `previousEvent` is null.
 */
export async function changeThisAndFollowing(
  ctx: OrgContext,
  input: ChangeThisAndFollowingInput,
): Promise<{ previousEvent: EventRow | null; event: EventRow }> {
  assertCan(ctx, "events.write");
  const { instanceId, ...fields } = parseInput(ChangeThisAndFollowingInput, input);
  const columns = toEventColumns(fields);
  const now = new Date();
  return getDb().transaction(async (tx) => {
    const { instance, event: old } = await lockInstanceWithEvent(tx, ctx, instanceId);
    if (old.status === "archived") {
      throw new AppError("PRECONDITION_FAILED", problem("events.archived"));
    }
    if (old.kind !== "periodic" || !old.rrule) {
      throw new AppError("PRECONDITION_FAILED", problem("occurrences.oneOffNoFollowing"));
    }
    const splitDate = instantToLocal(instance.ruleStartsAt, old.timeZone).slice(0, 10);
    if (fields.dtstartLocal.slice(0, 10) < splitDate) {
      const date = new Date(`${splitDate}T00:00:00Z`);
      throw fieldError("VALIDATION", "dtstartLocal", problem("occurrences.followingStartTooEarly", { date }));
    }
    const earlier = expandOccurrences({
      rrule: old.rrule,
      dtstartLocal: toLocalDateTime(old.dtstartLocal),
      timeZone: old.timeZone,
      exdates: old.exdates,
      until: new Date(instance.ruleStartsAt.getTime() - 1),
      limit: 1,
    });
    if (earlier.length === 0) return { previousEvent: null, event: await saveEventEdit(tx, ctx, old, columns, now) };

    const rrule = ruleToRRule(endRuleOn(rruleToRule(old.rrule), previousDay(splitDate)));
    await tx
      .update(events)
      .set({ rrule })
      .where(and(eq(events.id, old.id), eq(events.organizationId, ctx.org.id)));
    const occurrencesDeleted = await deleteUntouchedFutureOccurrences(tx, ctx, old.id, now, {
      fromRuleStart: instance.ruleStartsAt,
    });

    const created = await insertEvent(tx, ctx, columns);
    const roster = await tx
      .select({ participantId: eventParticipants.participantId })
      .from(eventParticipants)
      .where(and(eq(eventParticipants.organizationId, ctx.org.id), eq(eventParticipants.eventId, old.id)));
    for (let i = 0; i < roster.length; i += 5000) {
      const rows = roster.slice(i, i + 5000).map(({ participantId }) => ({ organizationId: ctx.org.id, eventId: created.id, participantId }));
      await tx.insert(eventParticipants).values(rows).onConflictDoNothing();
    }
    const materialized = await materializeEvent(tx, ctx, created, now);

    await writeAudit(tx, ctx, {
      action: "event.split",
      targetType: "event",
      targetId: old.id,
      data: { fromInstanceId: instanceId, rrule, newEventId: created.id, occurrencesDeleted },
    });
    await writeAudit(tx, ctx, {
      action: "event.created",
      targetType: "event",
      targetId: created.id,
      data: { title: created.title, kind: created.kind, splitFrom: old.id, ...materialized },
    });
    return {
      previousEvent: await findEventOrThrow(tx, ctx, old.id),
      event: await findEventOrThrow(tx, ctx, created.id),
    };
  });
}
