"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Stat } from "@/components/ui/stat";
import { cn } from "@/lib/utils/cn";
import type { MergedPreview } from "./chunks";
import { PreviewTable } from "./preview-table";

const SHOWN = 300;

type Filter = "all" | "problems";

/** Step 3: what the import would do, row by row, before anything changes. */
export function PreviewStep({ preview, onBack, onImport }: { preview: MergedPreview; onBack: () => void; onImport: () => void }) {
  const t = useTranslations("import.preview");
  const words = useTranslations("participants");
  const { counts } = preview;
  const problems = counts.error + counts.duplicate;
  // Start where attention is needed; the rows that will import are one click away.
  const [filter, setFilter] = useState<Filter>(problems > 0 ? "problems" : "all");
  const rows = filter === "all" ? preview.rows : preview.rows.filter((r) => r.status === "error" || (r.status === "duplicate" && !r.isOnRoster));
  const canImport = counts.ok + counts.onRoster > 0;

  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="preview-summary">
        <Stat label={t("ready")} value={counts.ok} hint={t("readyHint", { new: counts.new, known: counts.known })} />
        <Stat label={t("withErrors")} value={counts.error} hint={counts.error > 0 ? t("skipped") : t("none")} />
        <Stat label={t("duplicates")} value={counts.duplicate} hint={t("skipped")} />
        <Stat label={t("onRoster")} value={counts.onRoster} hint={t("nothingToDo")} />
      </div>

      {counts.noWhatsApp > 0 ? (
        <Alert tone="warning" title={words("noWhatsAppCount", { count: counts.noWhatsApp })}>
          {t("noWhatsApp")}
        </Alert>
      ) : null}

      {counts.ok === 0 && counts.onRoster > 0 ? (
        <Alert tone="info" title={t("allOnRosterTitle")}>
          {t("allOnRoster")}
        </Alert>
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        <FilterButton active={filter === "all"} onClick={() => setFilter("all")}>
          {t("allRows", { count: counts.total })}
        </FilterButton>
        <FilterButton active={filter === "problems"} onClick={() => setFilter("problems")}>
          {t("needsAttention", { count: problems })}
        </FilterButton>
      </div>
      <PreviewTable rows={rows.slice(0, SHOWN)} />
      {rows.length > SHOWN ? <p className="text-sm text-slate-600">{t("firstRows", { shown: SHOWN, total: rows.length })}</p> : null}

      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-5">
        <Button variant="ghost" onClick={onBack}>
          {t("back")}
        </Button>
        <div className="flex flex-wrap items-center gap-3">
          {problems > 0 ? <span className="text-sm text-slate-600">{t("rowsSkipped", { count: problems })}</span> : null}
          <Button onClick={onImport} disabled={!canImport}>
            {t("import", { count: counts.ok })}
          </Button>
        </div>
      </div>
    </div>
  );
}

function FilterButton({ active, onClick, children }: { active: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={active}
      className={cn(
        "rounded-full px-3 py-1 text-sm font-medium",
        active ? "bg-brand-700 text-white" : "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50",
      )}
    >
      {children}
    </button>
  );
}
