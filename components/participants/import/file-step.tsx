"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, type ChangeEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { SpinnerIcon } from "@/components/ui/icons";
import { CSV_MAX_BYTES, CSV_MAX_ROWS } from "@/lib/participants/csv/schemas";
import { UploadIcon } from "@/components/ui/icons";
import { readCsvFile, type LoadedFile } from "./read-file";

/** Step 1: pick a CSV file. It is read and checked in the browser; nothing is uploaded yet. */
export function FileStep({ country, onLoaded }: { country: string; onLoaded: (file: LoadedFile) => void }) {
  const t = useTranslations("import");
  const problems = useTranslations("problems");
  const format = useFormatter();
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ""; // choosing the same file again after fixing it must fire again
    if (!file) return;
    setError(null);
    setReading(true);
    const result = await readCsvFile(file, { t, problems, format });
    setReading(false);
    if (result.ok) onLoaded(result.file);
    else setError(result.message);
  }

  return (
    <div className="space-y-4">
      {error ? <Alert tone="danger" title={t("fileStep.refused")}>{error}</Alert> : null}
      <label
        htmlFor="csv-file"
        className="flex cursor-pointer flex-col items-center rounded-xl border-2 border-dashed border-slate-300 bg-slate-50/60 px-6 py-10 text-center transition-colors hover:border-brand-500 hover:bg-brand-50/40 focus-within:border-brand-600 focus-within:outline-2 focus-within:outline-brand-600"
      >
        <span className="mb-3 grid size-12 place-items-center rounded-full bg-brand-50 text-brand-700 ring-8 ring-brand-50/50 [&_svg]:size-6">
          {reading ? <SpinnerIcon /> : <UploadIcon />}
        </span>
        <span className="text-base font-semibold text-slate-900">{reading ? t("fileStep.reading") : t("fileStep.choose")}</span>
        <span className="mt-1 text-sm text-slate-600">
          {t("fileStep.limits", {
            rows: CSV_MAX_ROWS,
            size: format.number(CSV_MAX_BYTES / 1024 / 1024, { style: "unit", unit: "megabyte" }),
          })}
        </span>
        <input id="csv-file" type="file" accept=".csv,.txt,text/csv" className="sr-only" onChange={choose} disabled={reading} />
      </label>
      <div className="grid gap-3 text-sm text-slate-600 sm:grid-cols-3">
        <Tip title={t("fileStep.tipRowsTitle")}>{t("fileStep.tipRows")}</Tip>
        <Tip title={t("fileStep.tipNumbersTitle")}>{t("fileStep.tipNumbers", { country })}</Tip>
        <Tip title={t("fileStep.tipRepeatTitle")}>{t("fileStep.tipRepeat")}</Tip>
      </div>
    </div>
  );
}

function Tip({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <p className="font-medium text-slate-900">{title}</p>
      <p className="mt-0.5">{children}</p>
    </div>
  );
}
