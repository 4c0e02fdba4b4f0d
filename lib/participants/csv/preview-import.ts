import { getDb } from "@/lib/database";
import { parseInput } from "@/lib/errors";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { findEventOrThrow } from "@/lib/events";
import { DEFAULT_LOCALE, translatorFor, type Locale } from "@/lib/i18n";
import { noWhatsAppReason } from "../phone";
import { findKnownPhones } from "./known-phones";
import { parseCsv } from "./parse-csv";
import { readImportRows, type ImportRow } from "./read-rows";
import { ImportInput } from "./schemas";

export type PreviewRow = ImportRow & {
  /** Someone in the organization already has this phone number: the import adds that person, it creates no one new. */
  existingParticipant: { id: string; name: string } | null;
  /** A readable number WhatsApp cannot reach (a landline…), said plainly; the row is imported all the same. */
  noWhatsAppReason: string | null;
};

export type ImportPreview = {
  headers: string[];
  rows: PreviewRow[];
  counts: { total: number; ok: number; error: number; duplicate: number; new: number; existing: number; noWhatsApp: number };
};

/**
 * What importing the file would do, row by row, without changing anything: ok, error (with every problem of the
 * row) or duplicate (an earlier row has the phone number, or the person is already on this event's roster). The
 * problems are said in `locale`, the organizer's.
 */
export async function previewImport(ctx: OrgContext, input: ImportInput, locale: Locale = DEFAULT_LOCALE): Promise<ImportPreview> {
  assertCan(ctx, "participants.write");
  const { eventId, csvText, mapping } = parseInput(ImportInput, input);
  const db = getDb();
  await findEventOrThrow(db, ctx, eventId);
  const t = translatorFor(locale, "import");
  const phoneWords = translatorFor(locale, "participants");
  const parsed = parseCsv(csvText);
  const read = readImportRows(parsed, mapping, ctx.org.defaultCountry, { t, phone: phoneWords, locale });
  const phones = read.filter((row) => row.status === "ok").map((row) => row.data.phone);
  const known = await findKnownPhones(db, ctx, eventId, phones);

  const rows = read.map((row): PreviewRow => {
    const checked = { ...row, noWhatsAppReason: row.status === "error" ? null : noWhatsAppReason(row.data.phone, phoneWords) };
    const match = row.status === "ok" ? known.get(row.data.phone) : undefined;
    if (!match) return { ...checked, existingParticipant: null };
    const existingParticipant = { id: match.id, name: match.name };
    if (!match.isOnRoster) return { ...checked, existingParticipant };
    const errors = [t("rows.alreadyOnRoster", { name: match.name })];
    return { ...checked, status: "duplicate", errors, existingParticipant };
  });

  const count = (status: PreviewRow["status"]) => rows.filter((row) => row.status === status).length;
  const existing = rows.filter((row) => row.status === "ok" && row.existingParticipant).length;
  return {
    headers: parsed.headers,
    rows,
    counts: {
      total: rows.length,
      ok: count("ok"),
      error: count("error"),
      duplicate: count("duplicate"),
      new: count("ok") - existing,
      existing,
      /** Rows to import whose number WhatsApp cannot reach. */
      noWhatsApp: rows.filter((row) => row.status === "ok" && row.noWhatsAppReason).length,
    },
  };
}
