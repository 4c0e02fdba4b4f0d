import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema, type Executor } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { parseInput, problemKey } from "@/lib/errors";
import { findEventOrThrow } from "@/lib/events";
import { DEFAULT_LOCALE, translatorFor, type Locale } from "@/lib/i18n";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { linkToRoster } from "./roster";
import { mergeRow, readUpsertRows, sameFields, type ReadRow, type RowError, type Stored } from "./upsert-rows";

const { participants } = schema;

export const UPSERT_MAX_ROWS = 1000;

/** The rows stay unknown here: each is read on its own, so one bad row is reported and the others go ahead. */
export const UpsertParticipantsInput = z.object({
  rows: z.array(z.unknown()).min(1, problemKey("participants.rowsMissing")).max(UPSERT_MAX_ROWS, problemKey("participants.tooManyRows")),
  /** Put every person of the request (new, changed or not) on this event's roster. */
  eventId: z.uuid().optional(),
});
export type UpsertParticipantsInput = z.input<typeof UpsertParticipantsInput>;

export type UpsertStatus = "created" | "updated" | "unchanged";
export type UpsertRowResult = { index: number; status: UpsertStatus; id: string } | { index: number; status: "error"; error: RowError };
export type UpsertResult = {
  results: UpsertRowResult[];
  counts: Record<UpsertStatus | "error", number>;
  /** With `eventId`: who was newly put on the roster, and the attendances made for its future occurrences. */
  roster: { eventId: string; added: number; attendancesCreated: number } | null;
};

type Planned = { row: Extract<ReadRow, { ok: true }>; values: Stored; status: "created" | "updated" };

/**
 * Roster sync: creates or updates people by phone number (the organization's key for a person), up to 1,000 rows in
 * one transaction and a handful of statements. A row names a person fully or partly: its name and the fields it
 * gives replace what is stored, fields it leaves out stay. Each row gets its own result; sending the same rows again
 * reports them all "unchanged" and changes nothing.
 */
export async function upsertParticipants(ctx: OrgContext, input: UpsertParticipantsInput, locale: Locale = DEFAULT_LOCALE): Promise<UpsertResult> {
  assertCan(ctx, "participants.write");
  const { rows, eventId } = parseInput(UpsertParticipantsInput, input);
  const words = { t: translatorFor(locale, "participants"), problems: translatorFor(locale, "problems"), locale };
  const read = readUpsertRows(rows, ctx.org.defaultCountry, words);
  const valid = read.filter((row): row is Extract<ReadRow, { ok: true }> => row.ok);

  return getDb().transaction(async (tx) => {
    if (eventId) await findEventOrThrow(tx, ctx, eventId, { forUpdate: true });
    const stored = await storedByPhone(tx, ctx, valid.map((row) => row.phone));
    const ids = new Map<number, { id: string; status: UpsertStatus }>();
    const planned: Planned[] = [];
    for (const row of valid) {
      const known = stored.get(row.phone);
      if (!known) planned.push({ row, values: row.fields, status: "created" });
      else {
        const values = mergeRow(known, row);
        if (sameFields(values, known)) ids.set(row.index, { id: known.id, status: "unchanged" });
        else planned.push({ row, values, status: "updated" });
      }
    }
    for (const [index, written] of await writeRows(tx, ctx, planned)) ids.set(index, written);

    const roster = eventId ? await putOnRoster(tx, ctx, eventId, [...ids.values()].map((r) => r.id)) : null;
    const results: UpsertRowResult[] = read.map((row) =>
      row.ok ? { index: row.index, ...ids.get(row.index)! } : { index: row.index, status: "error", error: row.error },
    );
    const counts = { created: 0, updated: 0, unchanged: 0, error: 0 };
    for (const result of results) counts[result.status] += 1;
    await writeAudit(tx, ctx, {
      action: "participants.upserted",
      targetType: eventId ? "event" : "organization",
      targetId: eventId ?? ctx.org.id,
      data: { ...counts, ...(roster ? { addedToRoster: roster.added, attendancesCreated: roster.attendancesCreated } : {}) },
    });
    return { results, counts, roster };
  });
}

/** The people with these numbers, locked until the transaction ends so a concurrent sync waits instead of racing. */
async function storedByPhone(tx: Executor, ctx: OrgContext, phones: string[]) {
  if (phones.length === 0) return new Map<string, Stored & { id: string }>();
  const rows = await tx
    .select({
      id: participants.id,
      phone: participants.phone,
      name: participants.name,
      email: participants.email,
      guardianOf: participants.guardianOf,
      language: participants.language,
      metadata: participants.metadata,
    })
    .from(participants)
    .where(and(eq(participants.organizationId, ctx.org.id), inArray(participants.phone, phones)))
    .for("update");
  return new Map(rows.map(({ phone, ...row }) => [phone, row]));
}

/**
 * One INSERT … ON CONFLICT for every new and changed row. A person created by someone else since the read above
 * meets the conflict and is updated instead (and reported so).
 */
async function writeRows(tx: Executor, ctx: OrgContext, planned: Planned[]) {
  const written = new Map<number, { id: string; status: UpsertStatus }>();
  if (planned.length === 0) return written;
  const returned = await tx
    .insert(participants)
    .values(planned.map(({ row, values }) => ({ organizationId: ctx.org.id, phone: row.phone, ...values })))
    .onConflictDoUpdate({
      target: [participants.organizationId, participants.phone],
      set: {
        name: sql`excluded.name`,
        email: sql`excluded.email`,
        guardianOf: sql`excluded.guardian_of`,
        language: sql`excluded.language`,
        metadata: sql`excluded.metadata`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ id: participants.id, phone: participants.phone, isNew: sql<boolean>`(xmax = 0)` });
  const byPhone = new Map(returned.map((row) => [row.phone, row]));
  for (const { row } of planned) {
    const { id, isNew } = byPhone.get(row.phone)!;
    written.set(row.index, { id, status: isNew ? "created" : "updated" });
  }
  return written;
}

async function putOnRoster(tx: Executor, ctx: OrgContext, eventId: string, ids: string[]) {
  const { linkedIds, attendancesCreated } = await linkToRoster(tx, ctx, eventId, [...new Set(ids)]);
  return { eventId, added: linkedIds.length, attendancesCreated };
}
