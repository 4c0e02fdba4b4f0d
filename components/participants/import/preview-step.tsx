"use client";

import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Stat } from "@/components/ui/stat";
import { cn } from "@/lib/utils/cn";
import { noWhatsAppCount } from "../participant-cells";
import type { MergedPreview } from "./chunks";
import { PreviewTable } from "./preview-table";

const SHOWN = 300;

type Filter = "all" | "problems";

/** Step 3: what the import would do, row by row, before anything changes. */
export function PreviewStep({ preview, onBack, onImport }: { preview: MergedPreview; onBack: () => void; onImport: () => void }) {
  const { counts } = preview;
  const problems = counts.error + counts.duplicate;
  // Start where attention is needed; the rows that will import are one click away.
  const [filter, setFilter] = useState<Filter>(problems > 0 ? "problems" : "all");
  const rows = filter === "all" ? preview.rows : preview.rows.filter((r) => r.status === "error" || (r.status === "duplicate" && !r.isOnRoster));
  const canImport = counts.ok + counts.onRoster > 0;

  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="preview-summary">
        <Stat label="Ready to import" value={counts.ok} hint={`${counts.new} new, ${counts.known} already known`} />
        <Stat label="With errors" value={counts.error} hint={counts.error > 0 ? "Will be skipped" : "None"} />
        <Stat label="Duplicates in file" value={counts.duplicate} hint="Will be skipped" />
        <Stat label="Already on roster" value={counts.onRoster} hint="Nothing to do" />
      </div>

      {counts.noWhatsApp > 0 ? (
        <Alert tone="warning" title={noWhatsAppCount(counts.noWhatsApp)}>
          They are imported, but no confirmation, reminder or tracking link reaches them: a landline, for example, has
          no WhatsApp. Give them a mobile number, or check them in by hand on the day.
        </Alert>
      ) : null}

      {counts.ok === 0 && counts.onRoster > 0 ? (
        <Alert tone="info" title="Everyone in this file is already on the roster">
          Importing it again adds nobody. People are matched by phone number, so no one is added twice.
        </Alert>
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        <FilterButton active={filter === "all"} onClick={() => setFilter("all")}>
          All rows ({counts.total.toLocaleString("en")})
        </FilterButton>
        <FilterButton active={filter === "problems"} onClick={() => setFilter("problems")}>
          Needs attention ({problems.toLocaleString("en")})
        </FilterButton>
      </div>
      <PreviewTable rows={rows.slice(0, SHOWN)} />
      {rows.length > SHOWN ? (
        <p className="text-sm text-slate-600">
          Showing the first {SHOWN} of {rows.length.toLocaleString("en")} rows. Every valid row is imported.
        </p>
      ) : null}

      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-5">
        <Button variant="ghost" onClick={onBack}>
          Back to columns
        </Button>
        <div className="flex items-center gap-3">
          {problems > 0 ? (
            <span className="text-sm text-slate-600">
              {problems === 1 ? "1 row is" : `${problems.toLocaleString("en")} rows are`} skipped.
            </span>
          ) : null}
          <Button onClick={onImport} disabled={!canImport}>
            Import {counts.ok.toLocaleString("en")} participant{counts.ok === 1 ? "" : "s"}
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
