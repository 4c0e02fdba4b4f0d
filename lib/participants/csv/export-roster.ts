import { getDb } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { parseInput } from "@/lib/errors";
import { DEFAULT_LOCALE, translatorFor, type Locale } from "@/lib/i18n";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { listRoster } from "../roster";
import { ExportRosterInput } from "./schemas";
import { guardCell, toCsv } from "./write-csv";

/**
 * The event's roster as a CSV file that Excel opens correctly and that imports back unchanged: the fixed columns
 * (name, phone, e-mail, guardian of, opted out, language), then one column per extra field (alphabetical), empty
 * where a person has no value. Headers and the opted-out "yes" are in `locale` (the organizer's); the import
 * recognizes them in every language, and the language column holds codes (pt-BR), which read the same everywhere.
 */
export async function exportRosterCsv(ctx: OrgContext, eventId: string, locale: Locale = DEFAULT_LOCALE): Promise<string> {
  assertCan(ctx, "events.read");
  const { eventId: id } = parseInput(ExportRosterInput, { eventId });
  const roster = await listRoster(ctx, id, locale);
  const t = translatorFor(locale, "roster");
  const headers = [t("csv.name"), t("csv.phone"), t("csv.email"), t("csv.guardianOf"), t("csv.optedOut"), t("csv.language")];
  const keys = [...new Set(roster.flatMap((entry) => Object.keys(entry.metadata)))].sort((a, b) => a.localeCompare(b));
  const rows = roster.map((entry) => [
    guardCell(entry.name),
    entry.phone,
    guardCell(entry.email ?? ""),
    guardCell(entry.guardianOf ?? ""),
    entry.optedOutAt ? t("csv.yes") : "",
    entry.language ?? "",
    ...keys.map((key) => guardCell(entry.metadata[key] ?? "")),
  ]);
  // Phone numbers leaving the system are worth a record of who took them.
  await writeAudit(getDb(), ctx, {
    action: "roster.exported",
    targetType: "event",
    targetId: id,
    data: { participants: roster.length },
  });
  return toCsv([...headers, ...keys], rows);
}
