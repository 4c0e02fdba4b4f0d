"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { say } from "@/lib/errors";
import { CSV_TARGETS, mappingProblem, mappingProblems, type CsvTarget } from "@/lib/participants/csv/schemas";
import { FileIcon } from "@/components/ui/icons";
import type { LoadedFile } from "./read-file";

type Props = {
  file: LoadedFile;
  mapping: CsvTarget[];
  onChange: (mapping: CsvTarget[]) => void;
  onBack: () => void;
  onPreview: () => void;
};

/** Step 2: what each column of the file becomes. Starts from a guess by the column names. */
export function MappingStep({ file, mapping, onChange, onBack, onPreview }: Props) {
  const t = useTranslations("import.mapping");
  const words = useTranslations("problems");
  const { headers, rows, delimiter } = file.parsed;
  const problems = mappingProblems(mapping).map((p) => say(words, mappingProblem(p)));
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
          {t("fileFacts", {
            rows: rows.length,
            columns: headers.length,
            delimiter: delimiter === "\t" ? "tab" : delimiter,
            legacy: file.encoding === "windows-1252" ? "yes" : "no",
          })}
        </span>
        <Button variant="ghost" size="sm" className="ml-auto" onClick={onBack}>
          {t("another")}
        </Button>
      </div>

      <Table aria-label={t("tableLabel")}>
        <THead>
          <TR>
            <TH>{t("column")}</TH>
            <TH>{t("firstValues")}</TH>
            <TH className="w-64">{t("importAs")}</TH>
          </TR>
        </THead>
        <TBody>
          {headers.map((header, i) => (
            <TR key={i}>
              <TD className="font-medium text-slate-900">{header || <span className="text-slate-400">{t("unnamed", { number: i + 1 })}</span>}</TD>
              <TD className="max-w-80 truncate text-slate-600">{samples(i).join(" · ") || "—"}</TD>
              <TD>
                <Select
                  aria-label={t("importColumnAs", { column: header || t("columnNumber", { number: i + 1 }) })}
                  value={mapping[i]}
                  onChange={(e) => onChange(mapping.map((target, j) => (j === i ? (e.target.value as CsvTarget) : target)))}
                >
                  {CSV_TARGETS.map((target) => (
                    <option key={target} value={target}>
                      {t("targets", { target })}
                    </option>
                  ))}
                </Select>
                {mapping[i] === "metadata" || mapping[i] === "language" ? (
                  <p className="mt-1 text-xs text-slate-500">{t("targetHints", { target: mapping[i] })}</p>
                ) : null}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>

      {problems.length > 0 ? (
        <Alert tone="warning" title={t("problemsTitle")}>
          <ul className="list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <div className="flex justify-end">
        <Button onClick={onPreview} disabled={problems.length > 0}>
          {t("preview")}
        </Button>
      </div>
    </div>
  );
}
