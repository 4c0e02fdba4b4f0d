import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, schema, type Executor } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { parseInput } from "@/lib/errors";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { findEventOrThrow } from "@/lib/events";
import { DEFAULT_LOCALE, translatorFor, type Locale } from "@/lib/i18n";
import { linkToRoster } from "../roster";
import { parseCsv } from "./parse-csv";
import { readImportRows, type ImportRowData } from "./read-rows";
import { ImportInput } from "./schemas";

const { participants } = schema;

export const IMPORT_BATCH_SIZE = 500;

export type ImportResult = {
  /** New people in the organization. */
  created: number;
  /** People the organization already knew whose empty e-mail, "guardian of", language or extra fields the file filled in. */
  updated: number;
  /** Rows put on the event's roster by this import (new and known people). */
  linked: number;
  alreadyOnRoster: number;
  attendancesCreated: number;
  skipped: { line: number; reason: string }[];
};

export type ImportOptions = {
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** The organizer's: the skipped rows' reasons are said in it. */
  locale?: Locale;
};

/**
 * Imports the valid rows of a CSV file onto an event's roster in one transaction, written in batches so thousands
 * of rows stay fast. People are matched by phone number within the organization: a known person is linked, not
 * created again (only their empty fields are filled in), so importing the same file twice changes nothing.
 */
export async function importParticipants(
  ctx: OrgContext,
  input: ImportInput,
  options: ImportOptions = {},
): Promise<ImportResult> {
  assertCan(ctx, "participants.write");
  const { eventId, csvText, mapping } = parseInput(ImportInput, input);
  const locale = options.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale, "import");
  const words = { t, phone: translatorFor(locale, "participants"), locale };
  const rows = readImportRows(parseCsv(csvText), mapping, ctx.org.defaultCountry, words);
  const skipped = rows
    .filter((row) => row.status !== "ok")
    .map((row) => ({ line: row.line, reason: row.errors.join(" ") }));
  const valid = rows.filter((row) => row.status === "ok").map((row) => row.data);

  return getDb().transaction(async (tx) => {
    await findEventOrThrow(tx, ctx, eventId, { forUpdate: true });
    const result: ImportResult = {
      created: 0,
      updated: 0,
      linked: 0,
      alreadyOnRoster: 0,
      attendancesCreated: 0,
      skipped,
    };
    for (let start = 0; start < valid.length; start += IMPORT_BATCH_SIZE) {
      const batch = valid.slice(start, start + IMPORT_BATCH_SIZE);
      const { ids, created, updated } = await upsertParticipants(tx, ctx, batch);
      const linked = await linkToRoster(tx, ctx, eventId, ids);
      result.created += created;
      result.updated += updated;
      result.linked += linked.linkedIds.length;
      result.alreadyOnRoster += ids.length - linked.linkedIds.length;
      result.attendancesCreated += linked.attendancesCreated;
      await options.onProgress?.(start + batch.length, valid.length);
    }
    const { skipped: _, ...counts } = result;
    await writeAudit(tx, ctx, {
      action: "participants.imported",
      targetType: "event",
      targetId: eventId,
      data: { ...counts, skipped: skipped.length, rows: rows.length },
    });
    return result;
  });
}

/**
 * Inserts the batch's new people and fills empty fields of known ones (their name and filled fields stay as they
 * are). The conflict update runs only where it changes something, so RETURNING lists exactly the created and
 * updated rows; everyone else is looked up by phone.
 */
async function upsertParticipants(tx: Executor, ctx: OrgContext, batch: ImportRowData[]) {
  const changed = await tx
    .insert(participants)
    .values(batch.map((row) => ({ organizationId: ctx.org.id, ...row })))
    .onConflictDoUpdate({
      target: [participants.organizationId, participants.phone],
      set: {
        email: sql`coalesce(participants.email, excluded.email)`,
        guardianOf: sql`coalesce(participants.guardian_of, excluded.guardian_of)`,
        language: sql`coalesce(participants.language, excluded.language)`,
        metadata: sql`excluded.metadata || participants.metadata`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`(participants.email is null and excluded.email is not null)
        or (participants.guardian_of is null and excluded.guardian_of is not null)
        or (participants.language is null and excluded.language is not null)
        or (excluded.metadata || participants.metadata) <> participants.metadata`,
    })
    .returning({ id: participants.id, phone: participants.phone, isNew: sql<boolean>`(xmax = 0)` });

  const returned = new Set(changed.map((row) => row.phone));
  const untouched = batch.map((row) => row.phone).filter((phone) => !returned.has(phone));
  const known =
    untouched.length === 0
      ? []
      : await tx
          .select({ id: participants.id })
          .from(participants)
          .where(and(eq(participants.organizationId, ctx.org.id), inArray(participants.phone, untouched)));
  const created = changed.filter((row) => row.isNew).length;
  const ids = [...changed.map((row) => row.id), ...known.map((row) => row.id)];
  return { ids, created, updated: changed.length - created };
}
