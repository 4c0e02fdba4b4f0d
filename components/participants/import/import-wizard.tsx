"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { idle, type ActionResult, type FormAction } from "@/lib/http/action-result";
import type { Translator } from "@/lib/i18n/translator-type";
import type { ImportResult } from "@/lib/participants/csv/import-participants";
import type { ImportPreview } from "@/lib/participants/csv/preview-import";
import { guessMapping } from "@/lib/participants/csv/guess-mapping";
import type { CsvTarget } from "@/lib/participants/csv/schemas";
import { addChunkResult, emptyReport, mergePreviews, rowsToImport, toChunks, type ImportReport, type MergedPreview } from "./chunks";
import { FileStep } from "./file-step";
import { MappingStep } from "./mapping-step";
import { PreviewStep } from "./preview-step";
import { ProgressPanel } from "./progress-panel";
import type { LoadedFile } from "./read-file";
import { ResultStep } from "./result-step";
import { WizardSteps } from "./wizard-steps";

type Loaded = { file: LoadedFile; mapping: CsvTarget[] };
type State =
  | { step: "file" }
  | ({ step: "map"; error?: string } & Loaded)
  | ({ step: "checking"; done: number; total: number } & Loaded)
  | ({ step: "preview"; preview: MergedPreview } & Loaded)
  | ({ step: "importing"; done: number; total: number } & Loaded)
  | { step: "done"; report: ImportReport };

const STEP_INDEX = { file: 0, map: 1, checking: 1, preview: 2, importing: 3, done: 4 } as const;

const failure = (t: Translator<"import">, result: ActionResult<unknown>) =>
  result.ok ? t("wizard.noAnswer") : (Object.values(result.fields ?? {})[0]?.[0] ?? result.message);

/** One chunk of the file: its header row and up to 500 rows. */
type Chunk = { eventId: string; csvText: string; mapping: CsvTarget[] };
export type ImportActions = { preview: FormAction<ImportPreview, Chunk>; importChunk: FormAction<ImportResult, Chunk> };

type Props = { actions: ImportActions; eventId: string; rosterHref: string; country: string };

/**
 * Upload → map columns → preview → import → report. The file is read in the browser and sent in chunks of 500
 * rows, one request after another, so thousands of rows show progress and no request grows large.
 */
export function ImportWizard({ actions, eventId, rosterHref, country }: Props) {
  const t = useTranslations("import");
  const [state, setState] = useState<State>({ step: "file" });
  const busy = state.step === "checking" || state.step === "importing";

  useEffect(() => {
    if (!busy) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [busy]);

  async function check({ file, mapping }: Loaded) {
    const chunks = toChunks(file.parsed.headers, file.parsed.rows);
    let done = 0;
    setState({ step: "checking", file, mapping, done, total: file.parsed.rows.length });
    const parts = [];
    for (const chunk of chunks) {
      const result = await actions.preview(idle, { eventId, csvText: chunk.csvText, mapping }).catch(() => null);
      if (!result?.ok || !result.data) {
        setState({ step: "map", file, mapping, error: result ? failure(t, result) : t("wizard.connectionFailed") });
        return;
      }
      parts.push({ chunk, preview: result.data });
      done += chunk.rows.length;
      setState({ step: "checking", file, mapping, done, total: file.parsed.rows.length });
    }
    setState({ step: "preview", file, mapping, preview: mergePreviews(parts, t) });
  }

  async function run({ file, mapping }: Loaded, preview: MergedPreview) {
    const chunks = toChunks(file.parsed.headers, rowsToImport(preview, file.parsed.rows));
    const names = new Map(preview.rows.map((row) => [row.line, row.data.name]));
    const total = chunks.reduce((sum, chunk) => sum + chunk.rows.length, 0);
    let report = emptyReport(preview);
    let done = 0;
    setState({ step: "importing", file, mapping, done, total });
    for (const chunk of chunks) {
      const result = await actions.importChunk(idle, { eventId, csvText: chunk.csvText, mapping }).catch(() => null);
      if (!result?.ok || !result.data) {
        const message = result ? failure(t, result) : t("wizard.connectionFailed");
        report = { ...report, stoppedAt: { line: chunk.rows[0]!.line, message } };
        break;
      }
      report = addChunkResult(report, chunk, result.data, (line) => names.get(line) ?? "");
      done += chunk.rows.length;
      setState({ step: "importing", file, mapping, done, total });
    }
    setState({ step: "done", report });
  }

  return (
    <div className="space-y-5">
      <WizardSteps current={STEP_INDEX[state.step]} />
      <Card>
        <CardHeader>
          <CardTitle>{t("wizard.title", { step: state.step })}</CardTitle>
          <CardDescription>{t("wizard.description", { step: state.step })}</CardDescription>
        </CardHeader>
        <CardContent>
          {state.step === "file" ? (
            <FileStep country={country} onLoaded={(file) => setState({ step: "map", file, mapping: guessMapping(file.parsed.headers) })} />
          ) : null}
          {state.step === "map" ? (
            <div className="space-y-4">
              {state.error ? <Alert tone="danger" title={t("wizard.checkFailed")}>{state.error}</Alert> : null}
              <MappingStep
                file={state.file}
                mapping={state.mapping}
                onChange={(mapping) => setState({ ...state, mapping, error: undefined })}
                onBack={() => setState({ step: "file" })}
                onPreview={() => check(state)}
              />
            </div>
          ) : null}
          {state.step === "checking" ? <ProgressPanel label={t("wizard.checking")} done={state.done} total={state.total} /> : null}
          {state.step === "preview" ? (
            <PreviewStep
              preview={state.preview}
              onBack={() => setState({ step: "map", file: state.file, mapping: state.mapping })}
              onImport={() => run(state, state.preview)}
            />
          ) : null}
          {state.step === "importing" ? <ProgressPanel label={t("wizard.importing")} done={state.done} total={state.total} /> : null}
          {state.step === "done" ? (
            <ResultStep report={state.report} rosterHref={rosterHref} onAgain={() => setState({ step: "file" })} />
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
