import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb, schema, type Executor } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { AppError, parseInput } from "@/lib/errors";
import { findEventOrThrow } from "@/lib/events";
import { DEFAULT_LOCALE, translatorFor, type Locale } from "@/lib/i18n";
import { rerunDoneActions } from "@/lib/schedule";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { participantColumns } from "./list-participants";
import { noWhatsAppReason } from "./phone";
import { RosterInput } from "./schemas";

const { attendances, eventInstances, eventParticipants, participants, scheduledActions } = schema;
const { id: _, ...personColumns } = participantColumns;

/**
 * Puts participants (already known to belong to `ctx.org`) on an event's roster and gives them an attendance for
 * each of its future scheduled occurrences. Idempotent; returns who was newly added.
 */
export async function linkToRoster(tx: Executor, ctx: OrgContext, eventId: string, participantIds: string[]) {
  if (participantIds.length === 0) return { linkedIds: [] as string[], attendancesCreated: 0 };
  const linked = await tx
    .insert(eventParticipants)
    .values(participantIds.map((participantId) => ({ organizationId: ctx.org.id, eventId, participantId })))
    .onConflictDoNothing({ target: [eventParticipants.eventId, eventParticipants.participantId] })
    .returning({ participantId: eventParticipants.participantId });
  // Everyone in the batch, not only the newly linked: repairs a missing attendance and costs one conflict check.
  const ids = sql.join(participantIds.map((id) => sql`${id}::uuid`), sql`, `);
  const created = await tx.execute<{ instance_id: string }>(sql`
    insert into attendances (organization_id, instance_id, participant_id)
    select ${ctx.org.id}::uuid, i.id, p.id
    from event_instances i
    join participants p on p.organization_id = ${ctx.org.id} and p.id in (${ids})
    where i.organization_id = ${ctx.org.id} and i.event_id = ${eventId}
      and i.status = 'scheduled' and i.starts_at > now()
    on conflict (instance_id, participant_id) do nothing
    returning instance_id`);
  // Confirmations and reminders that already went out to the others go to the newcomers too.
  await rerunDoneActions(tx, ctx.org.id, [...new Set(created.map((row) => row.instance_id))], new Date());
  return {
    linkedIds: linked.map((row) => row.participantId),
    attendancesCreated: created.length,
  };
}

export async function addToRoster(ctx: OrgContext, input: RosterInput, locale: Locale = DEFAULT_LOCALE) {
  assertCan(ctx, "participants.write");
  const { eventId, participantId } = parseInput(RosterInput, input);
  return getDb().transaction(async (tx) => {
    await findEventOrThrow(tx, ctx, eventId, { forUpdate: true });
    const [participant] = await tx
      .select({ id: participants.id })
      .from(participants)
      .where(and(eq(participants.id, participantId), eq(participants.organizationId, ctx.org.id)));
    if (!participant) {
      const t = translatorFor(locale, "participants");
      throw new AppError("NOT_FOUND", t("errors.notFound"));
    }
    const { linkedIds, attendancesCreated } = await linkToRoster(tx, ctx, eventId, [participantId]);
    const added = linkedIds.length > 0;
    if (added) {
      await writeAudit(tx, ctx, {
        action: "roster.added",
        targetType: "event",
        targetId: eventId,
        data: { participantId, attendancesCreated },
      });
    }
    return { added, attendancesCreated };
  });
}

/**
 * Takes a person off the roster. Their attendances of future occurrences go too, unless something already happened
 * there (an answer, a journey): that record is kept, like every past one.
 */
export async function removeFromRoster(ctx: OrgContext, input: RosterInput, locale: Locale = DEFAULT_LOCALE) {
  assertCan(ctx, "participants.write");
  const { eventId, participantId } = parseInput(RosterInput, input);
  return getDb().transaction(async (tx) => {
    await findEventOrThrow(tx, ctx, eventId, { forUpdate: true });
    const [removed] = await tx
      .delete(eventParticipants)
      .where(
        and(
          eq(eventParticipants.eventId, eventId),
          eq(eventParticipants.participantId, participantId),
          eq(eventParticipants.organizationId, ctx.org.id),
        ),
      )
      .returning({ id: eventParticipants.id });
    if (!removed) {
      const t = translatorFor(locale, "roster");
      throw new AppError("NOT_FOUND", t("errors.notOnRoster"));
    }

    const future = tx
      .select({ id: eventInstances.id })
      .from(eventInstances)
      .where(
        and(
          eq(eventInstances.organizationId, ctx.org.id),
          eq(eventInstances.eventId, eventId),
          gt(eventInstances.startsAt, sql`now()`),
        ),
      );
    const mine = and(eq(attendances.organizationId, ctx.org.id), eq(attendances.participantId, participantId));
    const deleted = await tx
      .delete(attendances)
      .where(
        and(
          mine,
          inArray(attendances.instanceId, future),
          eq(attendances.rsvp, "pending"),
          eq(attendances.journey, "not_started"),
        ),
      )
      .returning({ instanceId: attendances.instanceId });
    const instanceIds = deleted.map((row) => row.instanceId);
    if (instanceIds.length > 0) {
      // Messages meant for this person alone on those occurrences must not go out any more.
      await tx
        .update(scheduledActions)
        .set({ status: "cancelled" })
        .where(
          and(
            eq(scheduledActions.organizationId, ctx.org.id),
            eq(scheduledActions.participantId, participantId),
            inArray(scheduledActions.instanceId, instanceIds),
            eq(scheduledActions.status, "pending"),
          ),
        );
    }
    const kept = await tx.$count(attendances, and(mine, inArray(attendances.instanceId, future)));
    await writeAudit(tx, ctx, {
      action: "roster.removed",
      targetType: "event",
      targetId: eventId,
      data: { participantId, attendancesRemoved: instanceIds.length, futureAttendancesKept: kept },
    });
    return { attendancesRemoved: instanceIds.length, futureAttendancesKept: kept };
  });
}

/**
 * The event's roster by name; each entry says when WhatsApp cannot reach the number (its type: a landline…), in the
 * words of `locale`.
 */
export async function listRoster(ctx: OrgContext, eventId: string, locale: Locale = DEFAULT_LOCALE) {
  assertCan(ctx, "events.read");
  const { eventId: id } = parseInput(RosterInput.pick({ eventId: true }), { eventId });
  const db = getDb();
  await findEventOrThrow(db, ctx, id);
  const rows = await db
    .select({ participantId: participants.id, ...personColumns, addedAt: eventParticipants.createdAt })
    .from(eventParticipants)
    .innerJoin(participants, eq(participants.id, eventParticipants.participantId))
    .where(
      and(
        eq(eventParticipants.organizationId, ctx.org.id),
        eq(eventParticipants.eventId, id),
        eq(participants.organizationId, ctx.org.id),
      ),
    )
    .orderBy(asc(participants.name), asc(participants.phone));
  const t = translatorFor(locale, "participants");
  return rows.map((row) => ({ ...row, noWhatsAppReason: noWhatsAppReason(row.phone, t) }));
}

export type RosterEntry = Awaited<ReturnType<typeof listRoster>>[number];
