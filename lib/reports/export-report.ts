import { getDb } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { guardCell, toCsv } from "@/lib/participants";
import type { OrgContext } from "@/lib/tenant";
import { getAttendanceReport } from "./attendance-report";
import { CHECK_IN_METHOD_LABELS, OUTCOME_LABELS } from "./outcomes";
import type { AttendanceReportInput } from "./schemas";

export const REPORT_COLUMNS = [
  "date",
  "start",
  "name",
  "phone",
  "guardian_of",
  "answer",
  "outcome",
  "checked_in",
  "minutes_late",
  "check_in_method",
] as const;

const ANSWERS = { pending: "no answer", confirmed: "confirmed", declined: "declined" } as const;

/**
 * The report's rows as a CSV file, one line per participant and occurrence, in the event's local time (spreadsheets
 * sort and filter these well). The file name says which event and which dates.
 */
export async function exportAttendanceCsv(
  ctx: OrgContext,
  input: AttendanceReportInput,
  now = new Date(),
): Promise<{ csv: string; range: { from: string; to: string }; title: string }> {
  const report = await getAttendanceReport(ctx, input, now);
  const rows = report.rows.map((row) => [
    row.startsLocal.slice(0, 10),
    row.startsLocal.slice(11, 16),
    guardCell(row.name),
    row.phone,
    guardCell(row.guardianOf ?? ""),
    ANSWERS[row.rsvp],
    OUTCOME_LABELS[row.outcome].toLowerCase(),
    row.checkedInLocal?.replace("T", " ") ?? "",
    row.minutesLate === null ? "" : String(row.minutesLate),
    row.checkInMethod ? CHECK_IN_METHOD_LABELS[row.checkInMethod] : "",
  ]);
  // Phone numbers leaving the system are worth a record of who took them.
  await writeAudit(getDb(), ctx, {
    action: "report.exported",
    targetType: "event",
    targetId: report.event.id,
    data: { from: report.range.from, to: report.range.to, rows: rows.length },
  });
  return { csv: toCsv([...REPORT_COLUMNS], rows), range: report.range, title: report.event.title };
}
