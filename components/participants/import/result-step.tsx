import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Stat } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ImportReport } from "./chunks";

type Props = { report: ImportReport; rosterHref: string; onAgain: () => void };

/** Step 4: what the import did, and every row it skipped with the reason, by the file's line numbers. */
export function ResultStep({ report, rosterHref, onAgain }: Props) {
  const t = useTranslations("import.result");
  const added = report.linked;
  return (
    <div className="space-y-5">
      {report.stoppedAt ? (
        <Alert tone="danger" title={t("stoppedTitle", { line: String(report.stoppedAt.line) })}>
          {t("stopped", { message: report.stoppedAt.message })}
        </Alert>
      ) : (
        <Alert tone="success" title={t("finishedTitle")}>
          {added > 0 ? t("added", { count: added }) : t("nobodyNew")}
        </Alert>
      )}

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="import-result">
        <Stat label={t("created")} value={report.created} hint={t("createdHint")} />
        <Stat
          label={t("linked")}
          value={report.linked}
          hint={report.updated > 0 ? t("updatedHint", { count: report.updated }) : t("linkedHint")}
        />
        <Stat label={t("alreadyOnRoster")} value={report.alreadyOnRoster} hint={t("alreadyOnRosterHint")} />
        <Stat label={t("skipped")} value={report.skipped.length} hint={report.skipped.length > 0 ? t("seeBelow") : t("none")} />
      </div>

      {report.skipped.length > 0 ? (
        <section className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">{t("skippedRows")}</h3>
          <Table aria-label={t("skippedRows")} wrapperClassName="max-h-96 overflow-y-auto">
            <THead className="sticky top-0">
              <TR>
                <TH className="w-20 text-right">{t("line")}</TH>
                <TH>{t("name")}</TH>
                <TH>{t("reason")}</TH>
              </TR>
            </THead>
            <TBody>
              {report.skipped.map((s) => (
                <TR key={s.line}>
                  <TD className="text-right text-slate-500 tabular-nums">{s.line}</TD>
                  <TD className="font-medium text-slate-900">{s.name || <span className="font-normal text-slate-400">{t("noName")}</span>}</TD>
                  <TD className="whitespace-normal text-red-800">{s.reason}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <p className="text-sm text-slate-600">{t("fixAndRepeat")}</p>
        </section>
      ) : null}

      <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 pt-5">
        <Button variant="secondary" onClick={onAgain}>
          {t("again")}
        </Button>
        <Link href={rosterHref} className={buttonClasses("primary")}>
          {t("backToRoster")}
        </Link>
      </div>
    </div>
  );
}
