import { getDb } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { parseInput } from "@/lib/errors";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { listRoster } from "../roster";
import { ExportRosterInput } from "./schemas";
import { guardCell, toCsv } from "./write-csv";

export const EXPORT_COLUMNS = ["name", "phone", "email", "guardian_of", "opted_out"] as const;

/**
 * The event's roster as a CSV file that Excel opens correctly and that imports back unchanged: the fixed columns,
 * then one column per extra field (alphabetical), empty where a person has no value.
 */
export async function exportRosterCsv(ctx: OrgContext, eventId: string): Promise<string> {
  assertCan(ctx, "events.read");
  const { eventId: id } = parseInput(ExportRosterInput, { eventId });
  const roster = await listRoster(ctx, id);
  const keys = [...new Set(roster.flatMap((entry) => Object.keys(entry.metadata)))].sort((a, b) => a.localeCompare(b));
  const rows = roster.map((entry) => [
    guardCell(entry.name),
    entry.phone,
    guardCell(entry.email ?? ""),
    guardCell(entry.guardianOf ?? ""),
    entry.optedOutAt ? "yes" : "",
    ...keys.map((key) => guardCell(entry.metadata[key] ?? "")),
  ]);
  // Phone numbers leaving the system are worth a record of who took them.
  await writeAudit(getDb(), ctx, {
    action: "roster.exported",
    targetType: "event",
    targetId: id,
    data: { participants: roster.length },
  });
  return toCsv([...EXPORT_COLUMNS, ...keys], rows);
}
