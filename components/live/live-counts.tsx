import type { LiveCounts as Counts } from "@/lib/live/types";
import { cn } from "@/lib/utils/cn";

const TILES: { key: keyof Counts; label: string; swatch: string; value?: string }[] = [
  { key: "confirmed", label: "Confirmed", swatch: "bg-brand-600" },
  { key: "onTheWay", label: "On the way", swatch: "bg-blue-600" },
  { key: "arrived", label: "Arrived", swatch: "bg-emerald-600" },
  { key: "late", label: "Late", swatch: "bg-red-600", value: "text-red-700" },
  { key: "notSharing", label: "Not sharing", swatch: "bg-slate-300" },
  { key: "declined", label: "Declined", swatch: "bg-slate-200 ring-1 ring-slate-300 ring-inset" },
];

/** The six counts at the top of the live page. */
export function LiveCounts({ counts }: { counts: Counts }) {
  return (
    <dl aria-label="Counts" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {TILES.map((t) => {
        const n = counts[t.key];
        return (
          <div key={t.key} data-testid={`count-${t.key}`} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-xs">
            <dt className="flex items-center gap-2 text-xs font-medium text-slate-600">
              <span aria-hidden="true" className={cn("size-2.5 rounded-full", t.swatch)} />
              {t.label}
            </dt>
            <dd className={cn("mt-1 text-2xl font-semibold tracking-tight tabular-nums", n > 0 && t.value ? t.value : "text-slate-900")}>
              {n}
              {t.key === "arrived" && counts.confirmed > 0 ? (
                <span className="ml-1 text-sm font-medium text-slate-500">/ {counts.confirmed}</span>
              ) : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
