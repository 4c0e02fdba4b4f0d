import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema, type Executor } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { AppError, parseInput, problem } from "@/lib/errors";
import { findEventOrThrow } from "@/lib/events";
import { DEFAULT_LOCALE, translatorFor, type Locale } from "@/lib/i18n";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { normalizePhone } from "./phone";
import { linkToRoster } from "./roster";
import { ParticipantIdInput, ParticipantInput, UpdateParticipantInput } from "./schemas";

export { listParticipants } from "./list-participants";
export { addToRoster, listRoster, removeFromRoster } from "./roster";

const { participants } = schema;

export type Participant = typeof participants.$inferSelect;

// Writes take the organizer's `locale` (the request's, from the adapter) for the refusals they explain in words.

export async function getParticipant(ctx: OrgContext, participantId: string): Promise<Participant> {
  assertCan(ctx, "events.read");
  const { participantId: id } = parseInput(ParticipantIdInput, { participantId });
  const [row] = await getDb()
    .select()
    .from(participants)
    .where(and(eq(participants.id, id), eq(participants.organizationId, ctx.org.id)));
  if (!row) throw new AppError("NOT_FOUND", problem("participants.notFound"));
  return row;
}

export async function createParticipant(ctx: OrgContext, input: ParticipantInput, locale: Locale = DEFAULT_LOCALE): Promise<Participant> {
  assertCan(ctx, "participants.write");
  const data = parseInput(ParticipantInput, input);
  return getDb().transaction((tx) => insertParticipant(tx, ctx, data, locale));
}

/** A new person, put straight on an event's roster (attendances for its future occurrences included), atomically. */
export async function createParticipantOnRoster(
  ctx: OrgContext,
  input: ParticipantInput & { eventId: string },
  locale: Locale = DEFAULT_LOCALE,
): Promise<Participant> {
  assertCan(ctx, "participants.write");
  const { eventId, ...person } = parseInput(ParticipantInput.extend({ eventId: z.uuid() }), input);
  return getDb().transaction(async (tx) => {
    await findEventOrThrow(tx, ctx, eventId, { forUpdate: true });
    const created = await insertParticipant(tx, ctx, person, locale);
    const { attendancesCreated } = await linkToRoster(tx, ctx, eventId, [created.id]);
    await writeAudit(tx, ctx, {
      action: "roster.added",
      targetType: "event",
      targetId: eventId,
      data: { participantId: created.id, attendancesCreated },
    });
    return created;
  });
}

async function insertParticipant(tx: Executor, ctx: OrgContext, input: z.output<typeof ParticipantInput>, locale: Locale) {
  const { phone: rawPhone, ...fields } = input;
  const phone = phoneOrThrow(ctx, rawPhone, locale);
  await assertPhoneFree(tx, ctx, phone, locale);
  // A concurrent create of the same number loses here instead of failing on the unique index.
  const [created] = await tx
    .insert(participants)
    .values({ organizationId: ctx.org.id, phone, ...fields })
    .onConflictDoNothing({ target: [participants.organizationId, participants.phone] })
    .returning();
  if (!created) {
    await assertPhoneFree(tx, ctx, phone, locale);
    const t = translatorFor(locale, "participants");
    throw new AppError("CONFLICT", t("errors.phoneJustTaken", { phone }));
  }
  await writeAudit(tx, ctx, {
    action: "participant.created",
    targetType: "participant",
    targetId: created.id,
    data: { name: created.name },
  });
  return created;
}

export async function updateParticipant(
  ctx: OrgContext,
  input: UpdateParticipantInput,
  locale: Locale = DEFAULT_LOCALE,
): Promise<Participant> {
  assertCan(ctx, "participants.write");
  const { participantId, phone: rawPhone, ...fields } = parseInput(UpdateParticipantInput, input);
  const phone = phoneOrThrow(ctx, rawPhone, locale);
  return getDb().transaction(async (tx) => {
    const scope = and(eq(participants.id, participantId), eq(participants.organizationId, ctx.org.id));
    const [before] = await tx.select().from(participants).where(scope).for("update");
    if (!before) throw notFound(locale);
    if (phone !== before.phone) await assertPhoneFree(tx, ctx, phone, locale, participantId);
    // A new number may be another WhatsApp account: the id learnt from the old one no longer names them.
    const whatsappId = phone === before.phone ? {} : { whatsappId: null };
    const [updated] = await tx.update(participants).set({ phone, ...fields, ...whatsappId }).where(scope).returning();
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(updated![key]),
    );
    await writeAudit(tx, ctx, {
      action: "participant.updated",
      targetType: "participant",
      targetId: participantId,
      data: { changed: phone === before.phone ? changed : ["phone", ...changed] },
    });
    return updated!;
  });
}

/** Removes the person from the organization, with their rosters and attendances (past ones included). */
export async function deleteParticipant(ctx: OrgContext, input: ParticipantIdInput, locale: Locale = DEFAULT_LOCALE): Promise<void> {
  assertCan(ctx, "participants.write");
  const { participantId } = parseInput(ParticipantIdInput, input);
  await getDb().transaction(async (tx) => {
    const [deleted] = await tx
      .delete(participants)
      .where(and(eq(participants.id, participantId), eq(participants.organizationId, ctx.org.id)))
      .returning({ name: participants.name });
    if (!deleted) throw notFound(locale);
    await writeAudit(tx, ctx, {
      action: "participant.deleted",
      targetType: "participant",
      targetId: participantId,
      data: { name: deleted.name },
    });
  });
}

function notFound(locale: Locale): AppError {
  const t = translatorFor(locale, "participants");
  return new AppError("NOT_FOUND", t("errors.notFound"));
}

function phoneOrThrow(ctx: OrgContext, raw: string, locale: Locale): string {
  const result = normalizePhone(raw, ctx.org.defaultCountry, translatorFor(locale, "participants"), locale);
  if (!result.ok) throw new AppError("VALIDATION", result.reason, { fields: { phone: [result.reason] } });
  return result.e164;
}

/** Phone numbers identify people within an organization: a second person with the same number is refused by name. */
async function assertPhoneFree(tx: Executor, ctx: OrgContext, phone: string, locale: Locale, exceptId?: string): Promise<void> {
  const [existing] = await tx
    .select({ name: participants.name })
    .from(participants)
    .where(
      and(
        eq(participants.organizationId, ctx.org.id),
        eq(participants.phone, phone),
        exceptId ? ne(participants.id, exceptId) : undefined,
      ),
    );
  if (existing) {
    const t = translatorFor(locale, "participants");
    const message = t("errors.phoneTaken", { phone, name: existing.name });
    throw new AppError("CONFLICT", message, { fields: { phone: [message] } });
  }
}
