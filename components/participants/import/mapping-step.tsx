"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { CSV_TARGET_LABELS, CSV_TARGETS, CsvMapping, type CsvTarget } from "@/lib/participants/csv/schemas";
import { FileIcon } from "@/components/ui/icons";
import type { LoadedFile } from "./read-file";

type Props = {
  file: LoadedFile;
  mapping: CsvTarget[];
  onChange: (mapping: CsvTarget[]) => void;
  onBack: () => void;
  onPreview: () => void;
};

const TARGET_HINTS: Partial<Record<CsvTarget, string>> = {
  metadata: "Kept with the person, e.g. a class or bus stop.",
};

/** Step 2: what each column of the file becomes. Starts from a guess by the column names. */
export function MappingStep({ file, mapping, onChange, onBack, onPreview }: Props) {
  const { headers, rows, delimiter } = file.parsed;
  const problems = CsvMapping.safeParse(mapping).error?.issues.map((issue) => issue.message) ?? [];
  const samples = (column: number) =>
    rows
      .map((row) => row.cells[column] ?? "")
      .filter(Boolean)
      .slice(0, 3);

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm">
        <FileIcon className="text-slate-500" />
        <span className="font-medium text-slate-900">{file.name}</span>
        <span className="text-slate-600">
          {rows.length.toLocaleString("en")} rows · {headers.length} columns · separated by “{delimiter === "\t" ? "tab" : delimiter}”
          {file.encoding === "windows-1252" ? " · read as Windows-1252 (not UTF-8)" : ""}
        </span>
        <Button variant="ghost" size="sm" className="ml-auto" onClick={onBack}>
          Choose another file
        </Button>
      </div>

      <Table aria-label="Columns of the file">
        <THead>
          <TR>
            <TH>Column in your file</TH>
            <TH>First values</TH>
            <TH className="w-64">Import as</TH>
          </TR>
        </THead>
        <TBody>
          {headers.map((header, i) => (
            <TR key={i}>
              <TD className="font-medium text-slate-900">{header || <span className="text-slate-400">Column {i + 1} (no name)</span>}</TD>
              <TD className="max-w-80 truncate text-slate-600">{samples(i).join(" · ") || "—"}</TD>
              <TD>
                <Select
                  aria-label={`Import “${header || `column ${i + 1}`}” as`}
                  value={mapping[i]}
                  onChange={(e) => onChange(mapping.map((t, j) => (j === i ? (e.target.value as CsvTarget) : t)))}
                >
                  {CSV_TARGETS.map((target) => (
                    <option key={target} value={target}>
                      {CSV_TARGET_LABELS[target]}
                    </option>
                  ))}
                </Select>
                {TARGET_HINTS[mapping[i]!] ? <p className="mt-1 text-xs text-slate-500">{TARGET_HINTS[mapping[i]!]}</p> : null}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>

      {problems.length > 0 ? (
        <Alert tone="warning" title="Choose the columns to continue">
          <ul className="list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <div className="flex justify-end">
        <Button onClick={onPreview} disabled={problems.length > 0}>
          Preview import
        </Button>
      </div>
    </div>
  );
}
