import { getDb } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { DEFAULT_LOCALE, formatterFor, translatorFor, type Locale } from "@/lib/i18n";
import { guardCell, toCsv } from "@/lib/participants";
import type { OrgContext } from "@/lib/tenant";
import { getAttendanceReport, type ReportRow } from "./attendance-report";
import type { AttendanceReportInput } from "./schemas";

type Cells = { date: (at: Date, local: string) => string; time: (at: Date) => string };

/**
 * A date and a time as a spreadsheet in `locale` reads them, in the event's zone: "21.11.2026" and "07:30" in German.
 * English has no one order of day and month (11/12 is November in the US, December in the UK), so it keeps the ISO
 * date of the event's wall clock ("2026-11-21"), which every spreadsheet reads and sorts.
 */
function cellsFor(locale: Locale, timeZone: string): Cells {
  const format = formatterFor(locale);
  return {
    date: (at, local) =>
      locale === "en" ? local.slice(0, 10) : format.dateTime(at, { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }),
    time: (at) => format.dateTime(at, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
  };
}

/**
 * The report's rows as a CSV file, one line per participant and occurrence, in the event's local time (spreadsheets
 * sort and filter these well). Headers and words are in `locale` (the organizer's), dates and times in its formats;
 * the columns keep their order in every language. The file name says which event and which dates.
 */
export async function exportAttendanceCsv(
  ctx: OrgContext,
  input: AttendanceReportInput,
  now = new Date(),
  locale: Locale = DEFAULT_LOCALE,
): Promise<{ csv: string; range: { from: string; to: string }; title: string }> {
  const report = await getAttendanceReport(ctx, input, now);
  const t = translatorFor(locale, "reports");
  const cells = cellsFor(locale, report.event.timeZone);
  const headers = [
    t("csv.date"),
    t("csv.start"),
    t("csv.name"),
    t("csv.phone"),
    t("csv.guardianOf"),
    t("csv.answer"),
    t("csv.outcome"),
    t("csv.checkedIn"),
    t("csv.minutesLate"),
    t("csv.checkInMethod"),
  ];
  const rows = report.rows.map((row: ReportRow) => [
    cells.date(row.startsAt, row.startsLocal),
    cells.time(row.startsAt),
    guardCell(row.name),
    row.phone,
    guardCell(row.guardianOf ?? ""),
    t("csv.answers", { rsvp: row.rsvp }),
    t("csv.outcomes", { outcome: row.outcome }),
    row.checkedInAt && row.checkedInLocal ? `${cells.date(row.checkedInAt, row.checkedInLocal)} ${cells.time(row.checkedInAt)}` : "",
    row.minutesLate === null ? "" : String(row.minutesLate),
    row.checkInMethod ? t("csv.methods", { method: row.checkInMethod }) : "",
  ]);
  // Phone numbers leaving the system are worth a record of who took them.
  await writeAudit(getDb(), ctx, {
    action: "report.exported",
    targetType: "event",
    targetId: report.event.id,
    data: { from: report.range.from, to: report.range.to, rows: rows.length },
  });
  return { csv: toCsv(headers, rows), range: report.range, title: report.event.title };
}
