import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Stat } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ImportReport } from "./chunks";

type Props = { report: ImportReport; rosterHref: string; onAgain: () => void };

/** Step 4: what the import did, and every row it skipped with the reason, by the file's line numbers. */
export function ResultStep({ report, rosterHref, onAgain }: Props) {
  const added = report.linked;
  return (
    <div className="space-y-5">
      {report.stoppedAt ? (
        <Alert tone="danger" title={`The import stopped at line ${report.stoppedAt.line}`}>
          {report.stoppedAt.message} The rows before it were imported. Importing the same file again is safe: nobody is
          added twice.
        </Alert>
      ) : (
        <Alert tone="success" title="Import finished">
          {added > 0
            ? `${added.toLocaleString("en")} ${added === 1 ? "person was" : "people were"} added to the roster.`
            : "Nobody new was added: everyone in the file was already on the roster."}
        </Alert>
      )}

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="import-result">
        <Stat label="Created" value={report.created} hint="New people in your organization" />
        <Stat label="Added to roster" value={report.linked} hint={report.updated > 0 ? `${report.updated} known people updated` : "New and known people"} />
        <Stat label="Already on roster" value={report.alreadyOnRoster} hint="Left as they were" />
        <Stat label="Skipped" value={report.skipped.length} hint={report.skipped.length > 0 ? "See below" : "None"} />
      </div>

      {report.skipped.length > 0 ? (
        <section className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">Skipped rows</h3>
          <Table aria-label="Skipped rows" wrapperClassName="max-h-96 overflow-y-auto">
            <THead className="sticky top-0">
              <TR>
                <TH className="w-20 text-right">Line</TH>
                <TH>Name</TH>
                <TH>Reason</TH>
              </TR>
            </THead>
            <TBody>
              {report.skipped.map((s) => (
                <TR key={s.line}>
                  <TD className="text-right text-slate-500 tabular-nums">{s.line}</TD>
                  <TD className="font-medium text-slate-900">{s.name || <span className="font-normal text-slate-400">(no name)</span>}</TD>
                  <TD className="whitespace-normal text-red-800">{s.reason}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <p className="text-sm text-slate-600">Fix these lines in your spreadsheet and import the file again; the others will not be added twice.</p>
        </section>
      ) : null}

      <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 pt-5">
        <Button variant="secondary" onClick={onAgain}>
          Import another file
        </Button>
        <Link href={rosterHref} className={buttonClasses("primary")}>
          Back to the roster
        </Link>
      </div>
    </div>
  );
}
